import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';

/** What clients are told to wait before retrying (the Retry-After header, in seconds). */
export const RETRY_AFTER_SECONDS = 5;
/** At most one log line per this interval while the database stays unreachable. */
export const OUTAGE_LOG_INTERVAL_MS = 10_000;

/** Socket errors of a server that is down, restarting or unreachable. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
/** SQLSTATEs: admin_shutdown, crash_shutdown, cannot_connect_now (starting up), too_many_connections. */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** node-postgres and pg-pool say these in words only. */
const MESSAGES = /Connection terminated|timeout exceeded when trying to connect|not queryable|Connection ended unexpectedly/i;

/**
 * True when the error means PostgreSQL cannot be reached (not that a statement was wrong):
 * the client should retry later and nothing is a bug. Looks through the wrappers (GraphQL's
 * originalError, TypeORM's driverError, causes, the AggregateError of a dual-stack connect).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, message, originalError, driverError, cause, errors } = error as Record<string, unknown>;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATES.has(code) || code.startsWith('08'))) return true;
  if (typeof message === 'string' && MESSAGES.test(message)) return true;
  const inner = [originalError, driverError, cause, ...(Array.isArray(errors) ? errors : [])];
  return inner.some((next) => isDatabaseUnavailable(next, depth + 1));
}

/**
 * Every request and worker that meets the outage reports it here; one line per interval says
 * it lasts and how much was refused since, instead of a line per request (a flood at ~100/s).
 */
@Injectable()
export class DatabaseOutage {
  private lastLoggedAt = 0;
  private refusedSinceLog = 0;

  constructor(private readonly logger: PinoLogger) {
    logger.setContext('database');
  }

  /** True (and counted) when the error is the database being unreachable; false leaves it to the caller. */
  report(error: unknown): boolean {
    if (!isDatabaseUnavailable(error)) return false;
    this.refusedSinceLog += 1;
    const now = Date.now();
    if (now - this.lastLoggedAt >= OUTAGE_LOG_INTERVAL_MS) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error({ reason, failuresSinceLastLine: this.refusedSinceLog, retryAfterSeconds: RETRY_AFTER_SECONDS }, 'database unavailable');
      this.lastLoggedAt = now;
      this.refusedSinceLog = 0;
    }
    return true;
  }
}
