import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Any constant will do, as long as every instance uses the same one. */
const MIGRATION_LOCK = 728_104_551;

/**
 * Applies pending migrations, holding an advisory lock so several instances booting at once
 * take turns instead of racing on the same DDL.
 */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = new DataSource(
    dataSourceOptions({ url, poolSize: 1, statementTimeoutMs: 300_000, idleInTransactionTimeoutMs: 300_000, applicationName: 'pivot-migrate' }),
  );
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await dataSource.destroy();
  }
}
