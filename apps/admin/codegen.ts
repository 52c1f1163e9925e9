import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for every GraphQL operation of the admin, from the API's committed schema.gql.
 * `npm run generate` rewrites src/gql/; src/gql/generated.spec.ts fails when it is stale.
 */
const config: CodegenConfig = {
  schema: '../api/schema.gql',
  documents: ['src/**/*.graphql.ts'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string' } },
    },
  },
};

export default config;
