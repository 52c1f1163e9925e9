import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OUTAGE_LOG_INTERVAL_MS } from '../../src/database/database-outage';
import { DEMO_ROLES, ensureRoles, urlFor } from '../../src/database/database-roles';
import { ensureDatabase } from '../../src/database/embedded-database';
import { migrate } from '../../src/database/migrate';
import { seedFixture } from '../../src/database/seed/seed-fixture';
import { ADMIN, DEMO_PASSWORD } from '../support/graphql';
import { startPostgresProcess, type PostgresProcess } from '../support/postgres-process';
import { startServer, type Server } from '../support/server-process';

/** pino's numeric level for error. */
const ERROR = 50;
const REQUESTS = 200;

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/**
 * The API keeps running while its PostgreSQL goes away: a cluster of this test's own (the shared
 * test server is not ours to stop), the compiled server as a real process, its log read as JSON.
 */
describe('a database outage under a running API', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pivot-outage-'));
  const dataDir = join(dir, 'data');
  const port = 20000 + Math.floor(Math.random() * 20000);
  let pg: PostgresProcess;
  let server: Server;
  let base: string;
  let token: string;

  const post = (body: unknown, bearer?: string) =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify(body),
    });
  const me = () => post({ query: '{ me { email } }' }, token);
  const logLines = (from = 0): LogLine[] =>
    server
      .stdout()
      .slice(from)
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);

  beforeAll(async () => {
    pg = await startPostgresProcess(dataDir, port);
    // As the demo does: the owner migrates, the API runs as the role that owns nothing.
    await ensureRoles(pg.adminUrl, [DEMO_ROLES.owner, DEMO_ROLES.app]);
    await ensureDatabase(pg.adminUrl, 'pivot', DEMO_ROLES.owner.name);
    const url = urlFor(pg.adminUrl, 'pivot', DEMO_ROLES.app);
    await migrate(urlFor(pg.adminUrl, 'pivot', DEMO_ROLES.owner), url);
    await seedFixture(url);
    // Background workers at their defaults: they meet the outage too.
    server = await startServer({ DATABASE_URL: url, LOG_LEVEL: 'info' });
    base = `http://127.0.0.1:${server.port}`;
    const login = await post({
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      variables: { e: ADMIN, p: DEMO_PASSWORD },
    });
    token = ((await login.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
  }, 120_000);

  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After, logs the outage once per interval, and answers again once PostgreSQL is back', async () => {
    expect((await me()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const logFrom = server.stdout().length;
    const stoppedAt = Date.now();
    await pg.stop();

    const answers = [];
    for (let i = 0; i < REQUESTS; i += 20) {
      answers.push(
        ...(await Promise.all(
          Array.from({ length: 20 }, async (_, j) => {
            // Reads and a sign-in: each needs the database (an anonymous read is refused before it).
            const res = j % 3 === 0 ? await me() : j % 3 === 1 ? await post({ query: '{ brands { slug } }' }, token) : await post({ query: 'mutation { login(email: "a@b.c", password: "x") { accessToken } }' });
            return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { errors?: { extensions?: { code?: string } }[] } };
          }),
        )),
      );
    }
    expect(answers.filter((answer) => answer.status !== 503)).toEqual([]);
    expect(answers.every((answer) => answer.body.errors?.[0]?.extensions?.code === 'SERVICE_UNAVAILABLE')).toBe(true);
    expect(answers.every((answer) => Number(answer.retryAfter) > 0)).toBe(true);
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(503);

    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const during = logLines(logFrom);
    // One line per interval for the outage (workers and the LISTEN connection included), none per refused request.
    const outageLines = during.filter((line) => line.msg === 'database unavailable');
    expect(outageLines.length).toBeGreaterThanOrEqual(1);
    expect(outageLines.length).toBeLessThanOrEqual(1 + Math.floor((Date.now() - stoppedAt) / OUTAGE_LOG_INTERVAL_MS));
    expect(outageLines[0]).toMatchObject({ level: ERROR });
    expect(during.filter((line) => line.msg !== 'database unavailable')).toEqual([]);

    pg = await startPostgresProcess(dataDir, port);
    const deadline = Date.now() + 30_000;
    let back = await me();
    while (back.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      back = await me();
    }
    expect(back.status).toBe(200);
    expect(((await back.json()) as { data: { me: { email: string } } }).data.me.email).toBe(ADMIN);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });
});
