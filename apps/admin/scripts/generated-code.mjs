#!/usr/bin/env node
/**
 * Prints, as JSON, what codegen.ts would write to src/gql/ ([{ filename, content }]) without
 * writing it. src/gql/generated.spec.ts compares that to the committed files. A separate
 * process because @graphql-codegen/cli loads ES-only modules jest's CommonJS runtime cannot.
 */
import { createContext, generate } from '@graphql-codegen/cli';

const context = await createContext({ config: 'codegen.ts', silent: true });
const outputs = await generate(context, false);
process.stdout.write(JSON.stringify(outputs.map(({ filename, content }) => ({ filename, content }))));
