import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { DatabaseOutage } from './database-outage';
import { PgListener } from './pg-listener.service';
import { QueryCounter } from './query-counter';

/**
 * One pool per instance, and one LISTEN connection (PgListener); migrations are applied before
 * the app boots, never by synchronize.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG, QueryCounter],
      useFactory: (config: ResolvedConfig, counter: QueryCounter) =>
        dataSourceOptions(
          {
            url: config.databaseUrl,
            poolSize: config.database.poolSize,
            statementTimeoutMs: config.database.statementTimeoutMs,
            idleInTransactionTimeoutMs: config.database.idleInTransactionTimeoutMs,
          },
          counter,
        ),
    }),
  ],
  providers: [PgListener, DatabaseOutage],
  exports: [PgListener, DatabaseOutage],
})
export class DatabaseModule {}
