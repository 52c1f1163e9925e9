import { z } from 'zod';

/**
 * The whole configuration, validated once at boot. Every variable has a default that works
 * for `npm start` (embedded PostgreSQL, demo data) or fails with a message naming it.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** Demo-mode only: public values, so never accepted in production. */
export const DEMO_FACEBOOK_APP_SECRET = 'pivot-demo-facebook-app-secret';
export const DEMO_FACEBOOK_VERIFY_TOKEN = 'pivot-demo-verify-token';

const durationMs = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    MIGRATION_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    DB_STATEMENT_TIMEOUT_MS: durationMs(15_000),
    DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: durationMs(30_000),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, 'must look like 100kb or 1mb')
      .default('100kb'),
    LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
    GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
    GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).max(500).default(30),
    // Priced with page sizes (`first`, also as a variable): the admin's largest screen, the queues
    // with their members at the largest page (200), costs about 71,000
    // (test/graphql/admin-operations-cost.e2e-spec.ts); a page of a million is refused.
    GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(100_000),
    GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(5_000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: booleanFlag.default(false),
    SEED_DEMO: booleanFlag.optional(),
    SHUTDOWN_GRACE_MS: durationMs(10_000),
    FACEBOOK_APP_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    FACEBOOK_VERIFY_TOKEN: z.string().min(8, 'must be at least 8 characters').optional(),
    REPLY_LEASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
    REPLY_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
    CONVERSATION_METRICS_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
    PUBLISH_CONNECTOR: z.enum(['sandbox', 'graph']).default('sandbox'),
    GRAPH_API_URL: z.string().regex(/^https?:\/\//, 'must be an http(s) URL').default('https://graph.facebook.com/v21.0'),
    GRAPH_PAGE_TOKENS: z
      .string()
      .transform((text, ctx) => {
        try {
          const value: unknown = JSON.parse(text);
          if (value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((token) => typeof token === 'string')) return value as Record<string, string>;
        } catch {
          // reported below
        }
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object of page external id to access token' });
        return z.NEVER;
      })
      .optional(),
    PUBLISH_POLL_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(1_000),
    PUBLISH_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
    PUBLISH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    PUBLISH_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
    PUBLISH_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(5_000),
    PUBLISH_HTTP_TIMEOUT_MS: z.coerce.number().int().min(10).max(20_000).default(10_000),
    CASCADE_POLL_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(2_000),
    JOBS_MAINTENANCE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
    METRICS_CONNECTOR: z.enum(['sandbox', 'graph']).default('sandbox'),
    // Five cron fields (pg-boss's parser checks the rest when the schedule is saved at boot), or `off`.
    PAGE_METRICS_CRON: z
      .string()
      .regex(/^(off|\S+( \S+){4})$/, 'must be a five-field cron expression (UTC) or off')
      .default('0 4 * * *'),
    PAGE_METRICS_POLL_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
    METRICS_HTTP_TIMEOUT_MS: z.coerce.number().int().min(10).max(120_000).default(15_000),
    METRICS_RETRY_BASE_MS: z.coerce.number().int().min(1).max(600_000).default(1_000),
    PIVOT_DEMAND_FLUSH_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required when NODE_ENV=production' });
    }
    if (env.MIGRATION_DATABASE_URL && !env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['MIGRATION_DATABASE_URL'], message: 'needs DATABASE_URL (the embedded server makes its own roles)' });
    }
    if (env.NODE_ENV === 'production' && !env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required when NODE_ENV=production' });
    }
    // Half a webhook setup is a mistake: the handshake would pass and every delivery fail, or the reverse.
    if (!env.FACEBOOK_APP_SECRET !== !env.FACEBOOK_VERIFY_TOKEN && env.NODE_ENV === 'production') {
      const missing = env.FACEBOOK_APP_SECRET ? 'FACEBOOK_VERIFY_TOKEN' : 'FACEBOOK_APP_SECRET';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'is required with the other FACEBOOK_ variable' });
    }
    if (env.NODE_ENV === 'production' && env.FACEBOOK_APP_SECRET === DEMO_FACEBOOK_APP_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['FACEBOOK_APP_SECRET'], message: 'is the public demo value' });
    }
  });

export type RawConfig = z.infer<typeof configSchema>;

export interface AppConfig {
  env: RawConfig['NODE_ENV'];
  production: boolean;
  port: number;
  host: string;
  /** Absent in demo mode: the embedded server is started and its URL filled in before the app boots. */
  databaseUrl: string | undefined;
  /**
   * The tables' owner, who runs the migrations; unset: DATABASE_URL's role (which then owns the
   * tables and can get past the audit log's trigger: the API warns at boot).
   */
  migrationDatabaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  jwtSecret: string | undefined;
  jwtTtlSeconds: number;
  database: { poolSize: number; statementTimeoutMs: number; idleInTransactionTimeoutMs: number };
  bodyLimit: string;
  loginAttemptsPerMinute: number;
  graphql: { maxDepth: number; maxAliases: number; maxCost: number; maxTokens: number };
  logLevel: RawConfig['LOG_LEVEL'];
  trustProxy: boolean;
  /** Seed the demo brand when the database has no brand yet; on by default in demo mode. */
  seedDemo: boolean;
  shutdownGraceMs: number;
  /**
   * The Facebook app's webhook secrets. Outside production, fixed demo values so `npm start`
   * and the tests can sign deliveries; in production, unset means the webhook is off (404).
   */
  facebook: { appSecret: string | null; verifyToken: string | null };
  /**
   * Reply queues: how long a claim holds without activity from its holder, and how often each
   * instance sweeps (lapsed leases back to their queue, snoozes woken, items left unrouted).
   */
  replies: { leaseSeconds: number; sweepIntervalMs: number };
  /**
   * Publishing: which connector posts go through, the Graph API's base URL and page tokens, how
   * often each instance fetches due publish jobs from pg-boss (0: never, this instance does not
   * publish), how often it sweeps for due sends that have no job (0: never), how many it runs at once, and the retry schedule
   * (attempt n waits base × 2^(n-1)). The HTTP timeout stays under the idle-in-transaction one:
   * the send runs while its claim is held.
   */
  publishing: {
    connector: 'sandbox' | 'graph';
    graphApiUrl: string;
    pageTokens: Record<string, string>;
    pollIntervalMs: number;
    sweepIntervalMs: number;
    concurrency: number;
    maxAttempts: number;
    retryBaseMs: number;
    httpTimeoutMs: number;
  };
  /**
   * Cascade jobs: each instance works them right after a cascade commits and sweeps for queued
   * or abandoned (lease lapsed) ones every `pollIntervalMs`; 0: this instance runs no cascades.
   */
  cascade: { pollIntervalMs: number };
  /**
   * pg-boss: how often its maintenance (shared by the instances, one runs it) puts the jobs of a
   * dead instance back, once their expiry has passed; a send in flight at a crash waits that long at most on top of its expiry.
   */
  jobs: { maintenanceIntervalSeconds: number };
  /**
   * Page metrics (page-metrics/): the connector that reads the networks' page insights (the Graph
   * API's base URL and page tokens are publishing's), the daily cron (null: this instance keeps
   * no pg-boss clock), how often each instance works the fetch queue (0: never), and the HTTP
   * timeout and backoff base of one call (a 5xx is tried METRICS_MAX_ATTEMPTS times).
   */
  pageMetrics: { connector: 'sandbox' | 'graph'; cron: string | null; pollIntervalMs: number; httpTimeoutMs: number; retryBaseMs: number };
  /** How often the public pivot's demand counts go from memory to pivot_demand_daily (and at shutdown). */
  pivotDemand: { flushIntervalMs: number };
  /** How often each instance queues the conversation-metrics rollup job (pg-boss runs one at a time); 0: never. */
  conversationMetrics: { intervalMs: number };
}


export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  // Empty strings mean "not set", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const raw = parsed.data;
  return {
    env: raw.NODE_ENV,
    production: raw.NODE_ENV === 'production',
    port: raw.PORT,
    host: raw.HOST,
    databaseUrl: raw.DATABASE_URL,
    migrationDatabaseUrl: raw.MIGRATION_DATABASE_URL,
    dataDir: raw.DATA_DIR,
    embeddedPgPort: raw.EMBEDDED_PG_PORT,
    jwtSecret: raw.JWT_SECRET,
    jwtTtlSeconds: raw.JWT_TTL_SECONDS,
    database: {
      poolSize: raw.DB_POOL_SIZE,
      statementTimeoutMs: raw.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: raw.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    bodyLimit: raw.BODY_LIMIT,
    loginAttemptsPerMinute: raw.LOGIN_ATTEMPTS_PER_MINUTE,
    graphql: {
      maxDepth: raw.GRAPHQL_MAX_DEPTH,
      maxAliases: raw.GRAPHQL_MAX_ALIASES,
      maxCost: raw.GRAPHQL_MAX_COST,
      maxTokens: raw.GRAPHQL_MAX_TOKENS,
    },
    logLevel: raw.LOG_LEVEL,
    trustProxy: raw.TRUST_PROXY,
    seedDemo: raw.SEED_DEMO ?? !raw.DATABASE_URL,
    shutdownGraceMs: raw.SHUTDOWN_GRACE_MS,
    facebook: {
      appSecret: raw.FACEBOOK_APP_SECRET ?? (raw.NODE_ENV === 'production' ? null : DEMO_FACEBOOK_APP_SECRET),
      verifyToken: raw.FACEBOOK_VERIFY_TOKEN ?? (raw.NODE_ENV === 'production' ? null : DEMO_FACEBOOK_VERIFY_TOKEN),
    },
    replies: { leaseSeconds: raw.REPLY_LEASE_SECONDS, sweepIntervalMs: raw.REPLY_SWEEP_INTERVAL_MS },
    publishing: {
      connector: raw.PUBLISH_CONNECTOR,
      graphApiUrl: raw.GRAPH_API_URL.replace(/\/+$/, ''),
      pageTokens: raw.GRAPH_PAGE_TOKENS ?? {},
      pollIntervalMs: raw.PUBLISH_POLL_INTERVAL_MS,
      sweepIntervalMs: raw.PUBLISH_SWEEP_INTERVAL_MS,
      concurrency: raw.PUBLISH_CONCURRENCY,
      maxAttempts: raw.PUBLISH_MAX_ATTEMPTS,
      retryBaseMs: raw.PUBLISH_RETRY_BASE_MS,
      httpTimeoutMs: raw.PUBLISH_HTTP_TIMEOUT_MS,
    },
    cascade: { pollIntervalMs: raw.CASCADE_POLL_INTERVAL_MS },
    jobs: { maintenanceIntervalSeconds: raw.JOBS_MAINTENANCE_INTERVAL_SECONDS },
    pageMetrics: {
      connector: raw.METRICS_CONNECTOR,
      cron: raw.PAGE_METRICS_CRON === 'off' ? null : raw.PAGE_METRICS_CRON,
      pollIntervalMs: raw.PAGE_METRICS_POLL_INTERVAL_MS,
      httpTimeoutMs: raw.METRICS_HTTP_TIMEOUT_MS,
      retryBaseMs: raw.METRICS_RETRY_BASE_MS,
    },
    pivotDemand: { flushIntervalMs: raw.PIVOT_DEMAND_FLUSH_INTERVAL_MS },
    conversationMetrics: { intervalMs: raw.CONVERSATION_METRICS_INTERVAL_MS },
  };
}

/** The config the Nest app runs with: the database URLs and signing secret are settled by then. */
export type ResolvedConfig = AppConfig & { databaseUrl: string; migrationDatabaseUrl: string; jwtSecret: string };

export const APP_CONFIG = Symbol('APP_CONFIG');
