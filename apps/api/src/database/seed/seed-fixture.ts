import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source-options';
import { seedDemo } from './seed-demo';

/** The demo data as a test fixture: seeds the given (template) database. */
export async function seedFixture(url: string): Promise<void> {
  const dataSource = new DataSource(
    dataSourceOptions({ url, poolSize: 1, statementTimeoutMs: 120_000, idleInTransactionTimeoutMs: 120_000, applicationName: 'pivot-seed' }),
  );
  await dataSource.initialize();
  try {
    await seedDemo(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
