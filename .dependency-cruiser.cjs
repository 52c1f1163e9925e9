/**
 * The architecture's rules (docs/ARCHITECTURE.md), checked by `npm test` through
 * packages/architecture. Paths are regular expressions from the repository root; folders are
 * matched by pattern, so a domain may split into subfolders freely.
 *
 * The folder-level rules (no circle between API domain folders, none between admin features)
 * are not expressible here: dependency-cruiser finds circles between files only. They live in
 * packages/architecture/src/check.mjs (ROOMS), which runs this configuration and then collapses
 * its graph to those folders.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'packages/domain holds the pure rules both apps use: no app code, no framework, no database, no UI.',
      from: { path: '^packages/domain/' },
      to: {
        path: [
          '^apps/',
          '(^|/node_modules/)(@nestjs/|typeorm(/|$)|pg(/|$)|pg-boss(/|$)|react(/|$)|react-dom(/|$)|@apollo/)',
        ],
      },
    },
    {
      name: 'domain-does-no-io',
      severity: 'error',
      comment: 'The rules run the same in the browser and in the API: no file system, network or processes (tests may read files).',
      from: { path: '^packages/domain/src/', pathNot: '\\.spec\\.ts$' },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|dgram|cluster|worker_threads)$' },
    },
    {
      name: 'admin-not-into-api',
      severity: 'error',
      comment: 'The admin talks to the API over GraphQL only (types come from schema.gql through codegen).',
      from: { path: '^apps/admin/' },
      to: { path: '^apps/api/src/' },
    },
    {
      name: 'api-not-into-admin',
      severity: 'error',
      from: { path: '^apps/api/' },
      to: { path: '^apps/admin/src/' },
    },
    {
      name: 'resolver-no-data-access',
      severity: 'error',
      comment: 'Resolvers map arguments to one service call; the service reads and writes the database.',
      from: { path: '^apps/api/src/.+\\.resolver\\.ts$' },
      to: {
        path: [
          '(^|/node_modules/)typeorm(/|$)',
          '\\.repository\\.ts$',
          '^apps/api/src/database/data-source(-options)?\\.ts$',
        ],
      },
    },
    {
      name: 'no-circular-files',
      severity: 'error',
      comment: 'A file-level circle: one of its files should not know the other.',
      from: { path: '^(apps|packages)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['/dist/', '/node_modules/', '\\.d\\.ts$'] },
    // Type-only imports couple folders as much as value imports do.
    tsPreCompilationDeps: true,
    moduleSystems: ['es6', 'cjs'],
    // Turns module names into file paths like TypeScript does (extensionless and .js imports of .ts files).
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
