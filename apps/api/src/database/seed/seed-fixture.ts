import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source-options';
import { seedDemo } from './seed-demo';

/**
 * The demo data as a test fixture: seeds the given (template) database with the brand, users and
 * setup, without the months of activity (test/database/demo-activity.e2e-spec.ts seeds those): every
 * test file clones this database, and 3,000 conversations in FR's queue, thousands of audit entries
 * and rollups would be in the way of what each test sets up and counts.
 */
export async function seedFixture(url: string): Promise<void> {
  const dataSource = new DataSource(
    dataSourceOptions({ url, poolSize: 1, statementTimeoutMs: 120_000, idleInTransactionTimeoutMs: 120_000, applicationName: 'pivot-seed' }),
  );
  await dataSource.initialize();
  try {
    await seedDemo(dataSource, { activity: false });
  } finally {
    await dataSource.destroy();
  }
}
