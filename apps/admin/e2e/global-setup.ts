import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { resolveChromium } from './chromium-path';

const adminDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(adminDir, '../..');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

// The demo seed writes months of activity (metrics, thousands of conversations) before the API serves: on a busy shared machine that alone took 90 s.
async function waitForHealth(url: string, api: ChildProcess, output: () => string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`the API exited with code ${api.exitCode} before it was healthy:\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`the API was not healthy at ${url} after ${timeoutMs} ms:\n${output()}`);
}

function stop(api: ChildProcess): Promise<void> {
  if (api.exitCode !== null || api.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    // SIGTERM lets the API stop its embedded PostgreSQL; SIGKILL only if it hangs.
    const killer = setTimeout(() => api.kill('SIGKILL'), 20_000);
    api.once('exit', () => {
      clearTimeout(killer);
      done();
    });
    api.kill('SIGTERM');
  });
}

/**
 * One real stack for the whole run: the compiled API on a fresh embedded PostgreSQL seeded
 * with the demo brand, and the built admin (dist/) served by vite preview, proxying to it.
 * Returns the teardown. Builds nothing: turbo builds the API and the admin before tests.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const tmp = mkdtempSync(join(tmpdir(), 'pivot-admin-e2e-'));
  // mkdtemp makes 0700; the embedded PostgreSQL runs as another user and must traverse it.
  chmodSync(tmp, 0o755);
  const [apiPort, pgPort, adminPort] = [await freePort(), await freePort(), await freePort()];
  process.env.PIVOT_CHROMIUM = await resolveChromium();

  // A fresh embedded database every run, whatever the caller's environment points at.
  const { DATABASE_URL: _shared, ...inherited } = process.env;
  let log = '';
  const api = spawn(process.execPath, [join(repoRoot, 'apps/api/dist/main.js')], {
    cwd: repoRoot,
    env: {
      ...inherited,
      NODE_ENV: 'test',
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      DATA_DIR: join(tmp, 'data'),
      EMBEDDED_PG_PORT: String(pgPort),
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      // Every test signs in; the default (10 a minute per address) is for real clients.
      LOGIN_ATTEMPTS_PER_MINUTE: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  api.stdout?.on('data', keep);
  api.stderr?.on('data', keep);

  const apiUrl = `http://127.0.0.1:${apiPort}`;
  try {
    await waitForHealth(`${apiUrl}/health`, api, () => log);
  } catch (error) {
    await stop(api);
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }

  process.env.API_URL = apiUrl;
  // Like the API's; unset, vite preview would take "production" and the admin would send HSTS.
  process.env.NODE_ENV ??= 'test';
  const server = await preview({
    root: adminDir,
    configFile: join(adminDir, 'vite.config.ts'),
    logLevel: 'warn',
    preview: { port: adminPort, host: '127.0.0.1', strictPort: true },
  });
  process.env.PIVOT_ADMIN_URL = `http://127.0.0.1:${adminPort}`;
  process.env.PIVOT_API_URL = apiUrl;

  return async () => {
    await new Promise<void>((done) => server.httpServer.close(() => done()));
    await stop(api);
    rmSync(tmp, { recursive: true, force: true });
  };
}
