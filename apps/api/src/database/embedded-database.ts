import { Client, escapeIdentifier } from 'pg';

/**
 * Creates the database, owned by `owner`, if the server does not have it yet (CREATE DATABASE
 * has no IF NOT EXISTS). Returns the role that owns it: a data directory from before the
 * owner role existed keeps the superuser as its owner, who then runs the migrations.
 */
export async function ensureDatabase(adminUrl: string, name: string, owner: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ owner: string }>('SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1', [name]);
    if (rows.length) return rows[0].owner;
    await client.query(`CREATE DATABASE ${escapeIdentifier(name)} OWNER ${escapeIdentifier(owner)}`);
    return owner;
  } finally {
    await client.end();
  }
}
