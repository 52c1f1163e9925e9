import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { DatabaseOutage } from '../database/database-outage';

/**
 * pg-boss keeps its tables in this schema, created and migrated by pg-boss itself (not by our
 * migrations), as the owner role at migrate time (database/migrate.ts): the application's role
 * may not create anything.
 */
export const JOB_SCHEMA = 'pgboss';

/**
 * pg-boss's own settings for one instance: a small pool of its own (jobs are fetched and
 * completed there; a job sent with a transaction goes through that transaction instead), no
 * schema migration (the instance checks that the owner installed the version it needs and stops
 * otherwise), the cron clock only when asked (`schedule`: page metrics' daily tick; pg-boss lets
 * one instance a minute send a tick), and maintenance (which puts expired jobs back) every
 * `maintenanceIntervalSeconds` rather than pg-boss's 120 s, so a dead instance's jobs come back
 * soon after they expire.
 */
export function jobQueueOptions(databaseUrl: string, maintenanceIntervalSeconds = 10, schedule = false): PgBoss.ConstructorOptions {
  return { connectionString: databaseUrl, schema: JOB_SCHEMA, max: 3, application_name: 'pivot-api-jobs', schedule, migrate: false, maintenanceIntervalSeconds };
}

/** One job to add: `singletonKey` makes a second copy of a job still waiting a no-op. */
export interface NewJob<T extends object> {
  data: T;
  startAfter: Date;
  singletonKey: string;
}

/**
 * The instance's one pg-boss, started with the app and stopped after everything that works
 * its queues has stopped. Jobs are added on the caller's TypeORM transaction, so a job exists
 * if and only if the change that owes it committed.
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnApplicationShutdown {
  private readonly boss: PgBoss;
  private starting: Promise<PgBoss> | null = null;

  constructor(
    @Inject(APP_CONFIG) config: ResolvedConfig,
    private readonly logger: PinoLogger,
    private readonly outage: DatabaseOutage,
  ) {
    logger.setContext(JobQueue.name);
    this.boss = new PgBoss(jobQueueOptions(config.databaseUrl, config.jobs.maintenanceIntervalSeconds, config.pageMetrics.cron !== null));
    // pg-boss emits its background failures (maintenance, a lost connection); unhandled, an 'error' event would end the process.
    this.boss.on('error', (error) => {
      if (!this.outage.report(error)) this.logger.warn({ err: error }, 'pg-boss error');
    });
  }

  async onModuleInit(): Promise<void> {
    await this.started();
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.starting) return;
    await this.starting.catch(() => undefined);
    await this.boss.stop({ graceful: true, wait: true, close: true, timeout: 10_000 });
  }

  /** Creates the queue when it does not exist yet, and gives it these options either way (new jobs take them; a queue keeps its first options otherwise). */
  async createQueue(name: string, options: Omit<PgBoss.Queue, 'name'>): Promise<void> {
    const boss = await this.started();
    await boss.createQueue(name, { name, ...options });
    await boss.updateQueue(name, { name, ...options });
  }

  /** Sends `data` to queue `name` on every tick of `cron` (UTC), from whichever instance keeps the clock that minute. */
  async schedule(name: string, cron: string, data: object = {}): Promise<void> {
    await (await this.started()).schedule(name, cron, data, { tz: 'UTC' });
  }

  /** Adds the jobs in `tx`: they are there once it commits, and never if it rolls back. */
  async add<T extends object>(tx: EntityManager, name: string, jobs: NewJob<T>[]): Promise<void> {
    if (jobs.length === 0) return;
    const boss = await this.started();
    await boss.insert(
      jobs.map((job) => ({ name, data: job.data, startAfter: job.startAfter, singletonKey: job.singletonKey })),
      { db: { executeSql: async (text, values) => ({ rows: await tx.query(text, values) }) } },
    );
  }

  /** Up to `batchSize` jobs that are due, now held by this instance until completed or failed. */
  async fetch<T extends object>(name: string, batchSize: number): Promise<PgBoss.Job<T>[]> {
    return (await this.started()).fetch<T>(name, { batchSize });
  }

  async complete(name: string, ids: string[]): Promise<void> {
    if (ids.length) await (await this.started()).complete(name, ids);
  }

  /** Back to the queue for pg-boss's retry (its queue's retryLimit/retryDelay), or failed for good. */
  async fail(name: string, id: string, error: unknown): Promise<void> {
    await (await this.started()).fail(name, id, { message: error instanceof Error ? error.message : String(error) });
  }

  /** The raw pg-boss, for tests that deliver a job by hand. */
  get instance(): PgBoss {
    return this.boss;
  }

  private started(): Promise<PgBoss> {
    this.starting ??= this.boss.start();
    return this.starting;
  }
}
