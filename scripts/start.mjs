#!/usr/bin/env node
/**
 * `npm start`: the API (embedded PostgreSQL and demo data unless DATABASE_URL is set) and the
 * built admin app served by vite preview on ADMIN_PORT, proxying /graphql to the API.
 * Run after `turbo run build`. Ctrl-C stops both: the preview, then the API (which stops its
 * embedded database on SIGTERM).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const adminDir = join(root, 'apps/admin');
const apiPort = Number(process.env.PORT ?? 4000);
const adminPort = Number(process.env.ADMIN_PORT ?? 5173);
const apiUrl = `http://127.0.0.1:${apiPort}`;

if (!existsSync(join(adminDir, 'dist/index.html'))) {
  process.stderr.write('apps/admin/dist is missing: run `npx turbo run build` first (npm start does).\n');
  process.exit(1);
}

// The API's default. Set here because vite preview would otherwise take "production" for the
// admin server, which then sends HSTS (apps/admin/server/security-headers.ts) while the API does not.
process.env.NODE_ENV ??= 'development';

const api = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], { cwd: root, env: process.env, stdio: 'inherit' });
let apiExited = false;
const apiExit = new Promise((done) => {
  api.once('exit', (code, signal) => {
    apiExited = true;
    done({ code, signal });
  });
});

let preview = null;
let stopping = false;

async function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  if (preview) await new Promise((done) => preview.httpServer.close(() => done()));
  if (!apiExited) {
    api.kill('SIGTERM');
    const killer = setTimeout(() => api.kill('SIGKILL'), 20_000);
    await apiExit;
    clearTimeout(killer);
  }
  process.exit(exitCode);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
// The API dying on its own (bad config, port taken) ends the whole thing with its code.
void apiExit.then(({ code }) => {
  if (!stopping) void stop(code ?? 1);
});

async function waitForApi() {
  for (;;) {
    if (apiExited) return false;
    try {
      if ((await fetch(`${apiUrl}/health`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
}

if (await waitForApi()) {
  // vite is a dependency of the admin workspace: resolve it from there.
  const vitePath = createRequire(join(adminDir, 'package.json')).resolve('vite');
  const { preview: startPreview } = await import(pathToFileURL(vitePath).href);
  process.env.API_URL = apiUrl;
  preview = await startPreview({
    root: adminDir,
    configFile: join(adminDir, 'vite.config.ts'),
    logLevel: 'warn',
    preview: { port: adminPort, host: '0.0.0.0', strictPort: true },
  });
  process.stdout.write(`Admin app: http://localhost:${adminPort}\n\n`);
}
