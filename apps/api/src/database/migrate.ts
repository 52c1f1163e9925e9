import 'reflect-metadata';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { JOB_SCHEMA, jobQueueOptions } from '../jobs/job-queue';
import { QUEUES } from '../jobs/queues';
import { dataSourceOptions } from './data-source-options';
import { grantAppRole } from './database-roles';

/** Any constant will do, as long as every instance uses the same one. */
const MIGRATION_LOCK = 728_104_551;

/**
 * As the owner role (`url`): applies pending migrations, installs or migrates pg-boss's schema
 * and creates its queues, then grants the application's role (the role of `appUrl`) what it
 * may do (database-roles.ts). Holds an advisory lock so several instances booting at once take
 * turns instead of racing on the same DDL.
 */
export async function migrate(url: string, appUrl: string = url): Promise<string[]> {
  const dataSource = new DataSource(
    dataSourceOptions({ url, poolSize: 1, statementTimeoutMs: 300_000, idleInTransactionTimeoutMs: 300_000, applicationName: 'pivot-migrate' }),
  );
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      await installJobQueue(url);
      const appRole = await roleOf(appUrl);
      const [{ owner }] = (await dataSource.query('SELECT current_user AS owner')) as Array<{ owner: string }>;
      // One role for both (MIGRATION_DATABASE_URL unset): nothing to grant, and the API warns at boot.
      if (appRole !== owner) await dataSource.transaction((tx) => grantAppRole(tx, appRole, ['public', JOB_SCHEMA]));
      return applied.map((m) => m.name);
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await dataSource.destroy();
  }
}

/** pg-boss's schema at the version this pg-boss needs, and every queue with its current options. */
async function installJobQueue(url: string): Promise<void> {
  const boss = new PgBoss({ ...jobQueueOptions(url), max: 1, migrate: true, supervise: false, application_name: 'pivot-migrate' });
  boss.on('error', () => undefined); // a failed start rejects start() below
  await boss.start();
  try {
    for (const [name, options] of Object.entries(QUEUES)) {
      await boss.createQueue(name, { name, ...options });
      // createQueue keeps the options of the first creation: bring them up to the code's.
      await boss.updateQueue(name, { name, ...options });
    }
  } finally {
    await boss.stop({ graceful: false, close: true, wait: true });
  }
}

/** The role a URL signs in as (the URL may leave it to PGUSER or the OS user). */
async function roleOf(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ role: string }>('SELECT current_user AS role');
    return rows[0].role;
  } finally {
    await client.end();
  }
}
