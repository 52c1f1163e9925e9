import { Client } from 'pg';
import { ADMIN, DEMO_PASSWORD } from '../support/graphql';
import { startServer, type Server } from '../support/server-process';
import { createTestDatabase } from '../support/test-app';

/** A constraint only this test's database has, so inviteUser's INSERT fails inside PostgreSQL. */
const PROBE_CONSTRAINT = 'users_log_probe_refuses';
const INVITED = 'log.secrecy.probe@northwind.example';

describe('the error log of a failed statement', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let server: Server;

  beforeAll(async () => {
    db = await createTestDatabase();
    const client = new Client({ connectionString: db.ownerUrl });
    await client.connect();
    await client.query(`ALTER TABLE users ADD CONSTRAINT ${PROBE_CONSTRAINT} CHECK (false) NOT VALID`);
    await client.end();
    server = await startServer({ DATABASE_URL: db.url, LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    await db?.drop();
  });

  async function post(query: string, variables: Record<string, unknown>, token?: string) {
    const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: Record<string, any>; errors?: { extensions?: { code?: string } }[] };
  }

  it('names the SQL error code and constraint of a failed inviteUser but never its parameters (the password hash, the e-mail)', async () => {
    const signIn = await post('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { e: ADMIN, p: DEMO_PASSWORD });
    const token = signIn.data!.login.accessToken as string;
    const brand = await post('{ brand(slug: "northwind") { pages(kind: GLOBAL) { id } } }', {}, token);
    const globalPage = brand.data!.brand.pages[0] as { id: string };

    const invite = await post(
      'mutation($input: InviteUserInput!) { inviteUser(input: $input) { temporaryPassword } }',
      { input: { email: INVITED, displayName: 'Log Probe', role: 'BRAND_ADMIN', scopePageId: globalPage.id } },
      token,
    );
    expect(invite.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');

    // stdout is a pipe: the line may reach us after the answer.
    await server.outputLine((line) => line.includes(PROBE_CONSTRAINT));
    const lines = server
      .stdout()
      .split('\n')
      .filter((line) => line.includes(PROBE_CONSTRAINT));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(JSON.parse(line).err).toMatchObject({ code: '23514', constraint: PROBE_CONSTRAINT });
    const log = server.stdout();
    expect(log).not.toContain('$argon2');
    expect(log).not.toContain(INVITED);
    expect(log).not.toMatch(/"parameters"|"query"\s*:\s*"INSERT/);
  });
});
