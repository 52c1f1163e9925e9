import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { AppError } from '../errors/app-error';

export const LOGIN_LIMIT_TABLE = 'login_rate_limits';

/**
 * Sign-in attempts per account and per client address, counted in PostgreSQL so every API
 * instance shares the same budget. Every try counts, successful or not: the limit is on
 * guessing speed, not on failures.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly byAccount: RateLimiterPostgres;
  private readonly byAddress: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: ResolvedConfig) {
    const pool = (dataSource.driver as unknown as { master: unknown }).master;
    const common = {
      storeClient: pool,
      storeType: 'pool',
      tableName: LOGIN_LIMIT_TABLE,
      tableCreated: true,
      clearExpiredByTimeout: false,
      points: config.loginAttemptsPerMinute,
      duration: 60,
    };
    this.byAccount = new RateLimiterPostgres({ ...common, keyPrefix: 'login-account' });
    this.byAddress = new RateLimiterPostgres({ ...common, keyPrefix: 'login-address' });
  }

  async consume(email: string, address: string): Promise<void> {
    const results = await Promise.allSettled([
      this.byAccount.consume(email.toLowerCase()),
      this.byAddress.consume(address || 'unknown'),
    ]);
    const refused = results.find((result) => result.status === 'rejected');
    if (!refused) return;
    const reason = (refused as PromiseRejectedResult).reason;
    if (reason instanceof RateLimiterRes) {
      const retryAfterSeconds = Math.max(1, Math.ceil(reason.msBeforeNext / 1000));
      throw new AppError('TOO_MANY_REQUESTS', 'Too many sign-in attempts; try again later', { retryAfterSeconds });
    }
    throw reason;
  }
}
