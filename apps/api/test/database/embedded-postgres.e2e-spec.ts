import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server as NetServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { MAIN, startServer } from '../support/server-process';
import { TEST_JWT_SECRET } from '../support/test-app';

/*
 * Issue 11, defects 8 and 12: `npm start` (demo mode, the embedded PostgreSQL) after a kill -9,
 * on a port someone else holds, and as root under a private directory.
 */
const randomPort = () => 20000 + Math.floor(Math.random() * 20000);

function postmasterPid(dataDir: string): number | null {
  const file = join(dataDir, 'postgres', 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** dist/main.js to its exit: code and everything it printed. */
function runToExit(env: Record<string, string>): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', SEED_DEMO: 'false', JWT_SECRET: TEST_JWT_SECRET, ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output, ms: Date.now() - started })));
}

describe('the embedded PostgreSQL of npm start', () => {
  const dirs: string[] = [];
  const orphans: number[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'pivot-embedded-'));
    chmodSync(dir, 0o755); // mkdtemp's 0700 would itself close the way to the server user (as root)
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const pid of orphans) if (alive(pid)) process.kill(pid, 'SIGQUIT');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('after kill -9 of the API, the next start stops the PostgreSQL it left running and serves /health', async () => {
    const dataDir = join(tempDir(), 'data');
    const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(randomPort()) };
    const first = await startServer(env);
    const orphan = postmasterPid(dataDir)!;
    orphans.push(orphan);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(alive(orphan)).toBe(true); // the crash left it running, holding the data directory and the port

    const second = await startServer(env);
    try {
      expect(alive(orphan)).toBe(false);
      expect(postmasterPid(dataDir)).not.toBe(orphan);
      expect((await fetch(`http://127.0.0.1:${second.port}/health`)).status).toBe(200);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
    expect(postmasterPid(dataDir)).toBeNull(); // a clean stop takes its server with it
  });

  it('a start that fails says why: the embedded server’s port taken by another program is named, never "undefined"', async () => {
    const port = randomPort();
    const squatter: NetServer = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      const { code, output } = await runToExit({ DATA_DIR: join(tempDir(), 'data'), EMBEDDED_PG_PORT: String(port) });
      expect(code).toBe(1);
      expect(output).toContain(`Port ${port} is taken by another program: set EMBEDDED_PG_PORT to a free port.`);
      expect(output).toContain('Address already in use');
      expect(output).not.toContain('undefined');
    } finally {
      squatter.close();
    }
  });

  it('under a private (0700) directory: as root, stops at once saying which directory and what to do; as another user, starts', async () => {
    const closed = join(tempDir(), 'private');
    mkdirSync(closed);
    chmodSync(closed, 0o700);
    const dataDir = join(closed, 'pivot', 'data');
    if (userInfo().uid === 0) {
      // The server runs as `postgres`, who cannot enter `closed`: said before initdb's bare EACCES.
      const { code, output, ms } = await runToExit({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(randomPort()) });
      expect(code).toBe(1);
      expect(output).toContain(`the embedded PostgreSQL runs as the "postgres" user, who cannot enter ${closed} `);
      expect(output).toContain(`setfacl -m u:postgres:x ${closed}`);
      expect(output).toContain('set DATABASE_URL');
      expect(output).not.toContain('EACCES');
      expect(output).not.toMatch(/\bat .+\.js:\d+/); // a message for a person, no stack
      expect(ms).toBeLessThan(20_000);
    } else {
      const server = await startServer({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(randomPort()) });
      expect((await fetch(`http://127.0.0.1:${server.port}/health`)).status).toBe(200);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  });
});
