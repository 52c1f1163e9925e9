import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type ArgumentNode, type DocumentNode, type ValueNode } from 'graphql';
import { AppError, type FieldProblem } from '../errors/app-error';

/** PostgreSQL text (and jsonb) cannot hold U+0000: the driver's error would be a 500. */
const NUL = '\u0000';
const MESSAGE = 'contains a NUL character (U+0000), which cannot be stored';

type Variables = Readonly<Record<string, unknown>>;

export interface TextProblem extends FieldProblem {
  /** The field (or directive) whose argument it is: `createPost`, `@include`. */
  owner: string;
}

/**
 * Every place of an operation's arguments that holds a NUL character: literal strings and the
 * request's variables, wherever an argument uses them (nested inputs and lists included), named
 * by the argument's path (`input.body`, `items.3.text`) as the services name their fields. One
 * check for every operation, so a new mutation is covered without a line of its own.
 */
export function unstorableTextProblems(document: DocumentNode, variables: Variables = {}): TextProblem[] {
  const defaults = new Map<string, ValueNode>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      if (variable.defaultValue) defaults.set(variable.variable.name.value, variable.defaultValue);
    }
  }
  const found = new Map<string, TextProblem>();
  let owner = '';
  const add = (path: string) => found.set(`${owner} ${path}`, { owner, field: path, message: MESSAGE });
  const inJson = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (value.includes(NUL)) add(path);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => inJson(item, `${path}.${index}`));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes(NUL)) add(path);
        inJson(item, `${path}.${key.replaceAll(NUL, '\\u0000')}`);
      }
    }
  };
  const inLiteral = (node: ValueNode, path: string): void => {
    if (node.kind === Kind.STRING) {
      if (node.value.includes(NUL)) add(path);
    } else if (node.kind === Kind.LIST) {
      node.values.forEach((item, index) => inLiteral(item, `${path}.${index}`));
    } else if (node.kind === Kind.OBJECT) {
      for (const field of node.fields) inLiteral(field.value, `${path}.${field.name.value}`);
    } else if (node.kind === Kind.VARIABLE) {
      const name = node.name.value;
      const given = variables[name];
      if (given !== undefined) inJson(given, path);
      else if (defaults.has(name)) inLiteral(defaults.get(name)!, path);
    }
  };
  const inArguments = (name: string, args: readonly ArgumentNode[] | undefined) => {
    owner = name;
    for (const arg of args ?? []) inLiteral(arg.value, arg.name.value);
  };
  visit(document, {
    Field: (node) => inArguments(node.name.value, node.arguments),
    Directive: (node) => inArguments(`@${node.name.value}`, node.arguments),
  });
  return [...found.values()];
}

/** The refusal for an operation with such text: BAD_USER_INPUT (HTTP 400) naming each place. */
export function unstorableTextError(problems: TextProblem[]): GraphQLError {
  const [first] = problems;
  const fields = problems.map(({ field, message }) => ({ field, message }));
  const original = AppError.badInput(`${first.owner}: ${first.field} ${MESSAGE}`, fields);
  return new GraphQLError(original.message, { originalError: original, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
}

/** Runs the check once the operation is known and before any resolver (so before any SQL). */
export function storableTextPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const problems = unstorableTextProblems(document, request.variables ?? {});
          if (problems.length) throw unstorableTextError(problems);
        },
      };
    },
  };
}
