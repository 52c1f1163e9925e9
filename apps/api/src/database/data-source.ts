import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** For the TypeORM CLI (`migration:generate --check` in tests and by hand). */
export default new DataSource(
  dataSourceOptions({
    url: process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:54329/pivot',
    poolSize: 2,
    statementTimeoutMs: 60_000,
    idleInTransactionTimeoutMs: 60_000,
    applicationName: 'pivot-cli',
  }),
);
