import { QueryFailedError, type Logger as TypeOrmLogger, type QueryRunner } from 'typeorm';
import type { PinoLogger } from 'nestjs-pino';
import { isDatabaseUnavailable } from './database-outage';

/**
 * TypeORM's logger hook: counts statements (tests assert "a whole tree in ≤ 3 statements")
 * and reports failed queries to the structured log without ever echoing them to clients.
 */
export class QueryCounter implements TypeOrmLogger {
  private count = 0;
  private sink: Pick<PinoLogger, 'error' | 'warn'> | undefined;

  attach(log: Pick<PinoLogger, 'error' | 'warn'>): void {
    this.sink = log;
  }

  get total(): number {
    return this.count;
  }

  logQuery(): void {
    this.count += 1;
  }

  logQueryError(error: string | Error, query: string, parameters?: unknown[], _runner?: QueryRunner): void {
    // A lost server fails every statement: whoever meets it reports to DatabaseOutage, once per interval.
    if (isDatabaseUnavailable(error)) return;
    // As the QueryFailedError TypeORM throws next: the log's error serializer then keeps its code and
    // constraint and redacts whatever of the parameters the message quotes.
    this.sink?.error({ err: new QueryFailedError(query, parameters, typeof error === 'string' ? new Error(error) : error) }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.sink?.warn({ time, query }, 'slow query');
  }

  logSchemaBuild(): void {}

  logMigration(): void {}

  log(): void {}
}
