import type PgBoss from 'pg-boss';

/** The pg-boss queue of sends: one job per (post, page) and due time, data `{ postId, pageId }`. */
export const PUBLISH_QUEUE = 'publish-send';

/**
 * How long a fetched publish job is this instance's before pg-boss hands it to another: twice the
 * longest send (the HTTP timeout) and 5 s, so a live send is never taken over while a dead
 * instance's sends come back within a minute (this, plus JOBS_MAINTENANCE_INTERVAL_SECONDS, plus
 * the poll). A job delivered twice is still sent once: the post_publications row is the claim.
 */
export const publishJobExpirySeconds = (httpTimeoutMs: number) => Math.ceil((2 * httpTimeoutMs + 5_000) / 1000);

/** The conversation-metrics rollup job: one waiting and one running at most (`stately`), its work idempotent. */
export const CONVERSATION_METRICS_QUEUE = 'conversation-metrics';

/**
 * Every pg-boss queue, created (and its options brought up to date) by the owner role at migrate
 * time: a new queue is a partition table, which the application's role may not create.
 */
/** Page metrics (page-metrics/): the daily tick pg-boss's cron sends, and one fetch per page and range. */
export const PAGE_METRICS_DAILY_QUEUE = 'page-metrics-daily';
export const PAGE_METRICS_FETCH_QUEUE = 'page-metrics-fetch';
/** pg-boss's own queue for cron ticks (its clock sends through it); created here like ours. */
const PGBOSS_CRON_QUEUE = '__pgboss__send-it';

export const QUEUES: Record<string, Omit<PgBoss.Queue, 'name'>> = {
  // `short`: one waiting job per key; expiry for the default HTTP timeout (each instance sets its
  // own at boot); then retried a few times, a second apart.
  [PUBLISH_QUEUE]: { policy: 'short', expireInSeconds: publishJobExpirySeconds(10_000), retryLimit: 5, retryDelay: 1 },
  [PGBOSS_CRON_QUEUE]: {},
  // One waiting tick; a fetch job per (page, range) waits once. A page's fetch may take minutes
  // (a two-year back-fill with retries): its expiry says when a dead instance's job comes back.
  [PAGE_METRICS_DAILY_QUEUE]: { policy: 'short', retryLimit: 3, retryDelay: 60 },
  [PAGE_METRICS_FETCH_QUEUE]: { policy: 'short', expireInSeconds: 900, retryLimit: 3, retryDelay: 60 },
  [CONVERSATION_METRICS_QUEUE]: { policy: 'stately', expireInSeconds: 300, retryLimit: 2, retryDelay: 5 },
};
