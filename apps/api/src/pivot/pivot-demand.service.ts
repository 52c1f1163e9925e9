import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PivotCoverage } from '@pivot/domain';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { DatabaseOutage } from '../database/database-outage';
import { safeErrorMessage } from '../http/safe-error-log';

/** The visitor's country when none was known (ISO 3166's user-assigned "unknown"). */
export const UNKNOWN_COUNTRY = 'ZZ';

/** The in-memory key of one count: brand id, visitor country, outcome (market | alias | region | global). */
export function demandKeyOf(brandId: string, country: string | null, coverage: PivotCoverage): string {
  return `${brandId}|${country ?? UNKNOWN_COUNTRY}|${coverage.toLowerCase()}`;
}

/**
 * The public pivot's demand (DESIGN §7): each resolution adds one to a Map entry in memory (no
 * database write per request); every PIVOT_DEMAND_FLUSH_INTERVAL_MS, and at shutdown, the counts
 * are added to pivot_demand_daily in one statement. A flush that fails puts its counts back for
 * the next one. Counts go to the UTC day their window started: the minute across midnight goes
 * to the day before.
 */
@Injectable()
export class PivotDemand implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('PivotDemand');
  private counts = new Map<string, number>();
  private windowStart = Date.now();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<number> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly outage: DatabaseOutage,
  ) {}

  /** The hot path's one cost: a Map increment. */
  count(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Resolutions counted and not flushed yet. */
  get pending(): number {
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flush(), this.config.pivotDemand.flushIntervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flushing;
    await this.flush();
  }

  /** Adds the counts so far to the rollup; how many resolutions it wrote (0 when it failed: they wait for the next). */
  flush(): Promise<number> {
    this.flushing ??= this.write().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async write(): Promise<number> {
    if (this.counts.size === 0) return 0;
    const counts = this.counts;
    const started = this.windowStart;
    this.counts = new Map();
    this.windowStart = Date.now();
    const brands: string[] = [];
    const countries: string[] = [];
    const outcomes: string[] = [];
    const values: number[] = [];
    let total = 0;
    for (const [key, n] of counts) {
      const [brandId, country, outcome] = key.split('|');
      brands.push(brandId!);
      countries.push(country!);
      outcomes.push(outcome!);
      values.push(n);
      total += n;
    }
    try {
      // Joined to brands: a brand deleted since is dropped rather than failing every flush after.
      await this.dataSource.query(
        `INSERT INTO pivot_demand_daily AS d (brand_id, country, outcome, day, count)
         SELECT c.brand_id, c.country, c.outcome, $5::date, c.count
           FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::bigint[]) AS c(brand_id, country, outcome, count)
           JOIN brands b ON b.id = c.brand_id
         ON CONFLICT (brand_id, country, outcome, day) DO UPDATE SET count = d.count + excluded.count`,
        [brands, countries, outcomes, values, new Date(started).toISOString().slice(0, 10)],
      );
      return total;
    } catch (error) {
      for (const [key, n] of counts) this.counts.set(key, (this.counts.get(key) ?? 0) + n);
      this.windowStart = started;
      if (!this.outage.report(error)) this.logger.warn(`pivot demand flush failed, ${total} resolutions kept for the next: ${safeErrorMessage(error)}`);
      return 0;
    }
  }
}
