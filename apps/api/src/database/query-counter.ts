import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';
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

  logQueryError(error: string | Error, query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    // A lost server fails every statement: whoever meets it reports to DatabaseOutage, once per interval.
    if (isDatabaseUnavailable(error)) return;
    this.sink?.error({ err: error, query }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.sink?.warn({ time, query }, 'slow query');
  }

  logSchemaBuild(): void {}

  logMigration(): void {}

  log(): void {}
}
