// Writes a migration for the difference between the entities and the migrations so far:
//   npm run migration:generate --workspace @pivot/api -- <Name>
// Starts a throwaway embedded PostgreSQL, applies the existing migrations, asks TypeORM for
// the diff. Review the file, then add it to src/database/migrations/index.ts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  process.stderr.write('usage: migration:generate <PascalCaseName>\n');
  process.exit(2);
}
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
require('reflect-metadata');
const { startEmbeddedPostgres } = require('../dist/database/embedded-postgres.js');
const { urlFor } = require('../dist/database/database-roles.js');
const { migrate } = require('../dist/database/migrate.js');
const { ensureDatabase } = require('../dist/database/embedded-database.js');

const server = await startEmbeddedPostgres({
  dataDir: join(mkdtempSync(join(tmpdir(), 'pivot-migration-')), 'data'),
  port: 30000 + Math.floor(Math.random() * 10000),
  persistent: false,
});
try {
  // The superuser owns this throwaway database: TypeORM only reads it.
  await ensureDatabase(server.adminUrl, 'pivot', 'postgres');
  const url = urlFor(server.adminUrl, 'pivot');
  await migrate(url);
  execFileSync(
    'npx',
    ['typeorm', 'migration:generate', '-d', 'dist/database/data-source.js', '--pretty', `src/database/migrations/${name}`],
    { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } },
  );
} finally {
  await server.stop();
}
