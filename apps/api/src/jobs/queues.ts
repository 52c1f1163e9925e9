import type PgBoss from 'pg-boss';

/** The pg-boss queue of sends: one job per (post, page) and due time, data `{ postId, pageId }`. */
export const PUBLISH_QUEUE = 'publish-send';

/**
 * Every pg-boss queue, created (and its options brought up to date) by the owner role at migrate
 * time: a new queue is a partition table, which the application's role may not create.
 */
export const QUEUES: Record<string, Omit<PgBoss.Queue, 'name'>> = {
  // `short`: one waiting job per key. Expiry well past the longest send (the HTTP timeout), so a
  // live send is never handed to another instance; then retried a few times, a second apart.
  [PUBLISH_QUEUE]: { policy: 'short', expireInSeconds: 300, retryLimit: 5, retryDelay: 1 },
};
