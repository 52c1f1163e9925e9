const { Client } = require('pg');

module.exports = async function globalTeardown() {
  const { adminUrl, template } = globalThis.__PIVOT_TEMPLATE__ ?? {};
  if (globalThis.__PIVOT_PG__) {
    await globalThis.__PIVOT_PG__.stop();
    return;
  }
  if (adminUrl && template) {
    // On a shared server (DATABASE_URL) remove what this run created.
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [`${template}_f%`, template]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
  }
};
