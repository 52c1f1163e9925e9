import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { ADMIN, gql, login } from '../support/graphql';
import { startTestApp, type TestApp } from '../support/test-app';
import { loadTree, marketOf, type Tree } from '../hierarchy/tree-fixture';

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(100);
  }
  return false;
}

/**
 * Each instance follows NOTIFY channels on ONE dedicated connection (the pivot snapshot and the
 * live subscriptions share it). When PostgreSQL drops it, the instance reconnects on its own
 * and reloads the snapshot, since what was sent meanwhile was missed.
 */
describe('the LISTEN connection', () => {
  let app: TestApp;
  let db: Client;
  let token: string;
  let tree: Tree;

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    token = await login(app, ADMIN);
    tree = await loadTree(app, token);
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  const listeners = async () =>
    (await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'pivot-api-listener'`)).rows.map((row) => row.pid as number);
  const frName = async () => (await app.http.get('/pivot/northwind/resolve?country=FR')).body.page.name as string;
  const rename = (name: string) =>
    gql(app, 'mutation($id: ID!, $name: String!) { updatePage(id: $id, input: { name: $name }) { id } }', { id: marketOf(tree, 'FR').id, name }, token);

  it('is a single connection per instance, listening to both channels', async () => {
    const pids = await listeners();
    expect(pids).toHaveLength(1);
  });

  it('comes back after PostgreSQL terminates it, and tree changes reach the pivot again', async () => {
    const [before] = await listeners();
    await db.query('SELECT pg_terminate_backend($1)', [before]);
    expect(await eventually(async () => (await listeners()).some((pid) => pid !== before))).toBe(true);
    expect(await rename('Northwind France (after reconnect)')).toMatchObject({ errors: undefined });
    expect(await eventually(async () => (await frName()) === 'Northwind France (after reconnect)')).toBe(true);
  });

  it('reloads the snapshot on reconnecting, so a change committed while it was deaf is not missed', async () => {
    const [before] = await listeners();
    // Stop the listener and commit a change (its NOTIFY is lost) before it reconnects (≥ 1 s later).
    await db.query('SELECT pg_terminate_backend($1)', [before]);
    await db.query(`UPDATE pages SET name = 'Northwind France (missed notify)' WHERE id = $1`, [marketOf(tree, 'FR').id]);
    expect(await eventually(async () => (await frName()) === 'Northwind France (missed notify)')).toBe(true);
  });
});
