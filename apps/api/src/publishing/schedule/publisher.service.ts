import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '../../config/app-config';
import { JOB_SCHEMA, JobQueue } from '../../jobs/job-queue';
import { POST_CONNECTOR, type PostConnector, type PublishOutcome } from '../../connectors/connector';
import { PostPublication } from './post-publication.entity';
import { PostStore } from '../posts/post-store';
import { Post } from '../posts/post.entity';
import { PUBLISH_QUEUE } from '../../jobs/queues';

/** SQL: a freeze of the post's brand, brand-wide or of a market at or above the page, holds the send. */
export const FROZEN = (post: string, page: string) =>
  `EXISTS (SELECT 1 FROM publishing_freezes f WHERE f.brand_id = ${post}.brand_id AND (f.market_page_id IS NULL OR f.market_page_id = ANY(${page}.scope_ids)))`;

interface DueSend {
  post_id: string;
  page_id: string;
  attempts: number;
  idempotency_key: string;
  body: string;
  link: string | null;
  network: string;
  external_id: string | null;
}

export { PUBLISH_QUEUE };

export interface PublishJob {
  postId: string;
  pageId: string;
}

/**
 * A job is named by its send and the time it is for (the sweep builds the same key in SQL): a
 * send waiting for one time has one job (the queue's `short` policy drops a second copy still
 * waiting), and a send moved to another time, or due again after a retryable failure, gets a job
 * of its own for that time.
 */
const jobKey = (postId: string, pageId: string, at: Date) => `${postId}:${pageId}@${at.toISOString()}`;

/**
 * Sends scheduled posts, one (post, page) at a time, exactly once. pg-boss delivers the jobs
 * that say a send is due, at least once; the claim is the `post_publications` row, taken under
 * `FOR UPDATE SKIP LOCKED`: a job delivered twice, or on two instances, finds it locked or no
 * longer PENDING and does nothing, and the outcome is written before the lock goes. A process
 * that dies mid-send leaves the row PENDING and its job active; pg-boss hands the job out again
 * once it expires and the send is tried again with the same idempotency key (the sandbox's
 * unique key makes that a no-op; the Graph API has none, so a crash between its answer and our
 * commit is the one window for a duplicate there).
 */
@Injectable()
export class PublisherService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(POST_CONNECTOR) private readonly connector: PostConnector,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly store: PostStore,
    private readonly jobs: JobQueue,
  ) {}

  /**
   * The (post, page) sends a post now owes: one per target, due at `dueAt`, each with its job in
   * the same transaction; targets already published stay so and get no job.
   */
  async schedule(tx: EntityManager, post: Post, targetPageIds: string[], dueAt: Date): Promise<void> {
    if (targetPageIds.length === 0) return;
    const owed: { page_id: string }[] = await tx.query(
      `INSERT INTO post_publications (post_id, page_id, state, idempotency_key, next_attempt_at, attempts)
       SELECT $1::uuid, page_id, 'PENDING', $1::text || ':' || page_id::text, $3, 0 FROM unnest($2::uuid[]) AS page_id
       ON CONFLICT (post_id, page_id) DO UPDATE SET state = 'PENDING', next_attempt_at = EXCLUDED.next_attempt_at, attempts = 0, last_error = NULL
       WHERE post_publications.state <> 'PUBLISHED'
       RETURNING page_id`,
      [post.id, targetPageIds, dueAt],
    );
    await this.enqueue(tx, owed.map((row) => ({ postId: post.id, pageId: row.page_id, at: dueAt })));
  }

  /**
   * Jobs for the due PENDING sends of scheduled posts that no freeze holds and that have no live
   * job (waiting, retrying or running), within the brand when given: after an unfreeze (the held
   * sends' jobs completed without sending) and in the safety sweep. The live jobs' keys are read
   * from pg-boss's table, only those due now (its index on due jobs), as one hashed list: a sweep
   * over a long backlog then writes nothing for sends already queued, where an insert per send,
   * dropped by the key, costs as much as the backlog is long, every sweep.
   */
  async enqueueOwed(tx: EntityManager, brandId: string | null): Promise<number> {
    const rows: { post_id: string; page_id: string; next_attempt_at: Date }[] = await tx.query(
      `SELECT pp.post_id, pp.page_id, pp.next_attempt_at
       FROM post_publications pp
       JOIN posts p ON p.id = pp.post_id
       JOIN pages pg ON pg.id = pp.page_id
       WHERE pp.state = 'PENDING' AND p.state = 'SCHEDULED' AND NOT ${FROZEN('p', 'pg')}
         AND pp.next_attempt_at <= now() AND ($1::uuid IS NULL OR p.brand_id = $1)
         AND pp.post_id || ':' || pp.page_id || '@' || to_char(pp.next_attempt_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT IN (
           SELECT j.singleton_key FROM ${JOB_SCHEMA}.job j
           WHERE j.name = $2 AND j.state < 'completed' AND j.start_after <= now() AND j.singleton_key IS NOT NULL)`,
      [brandId, PUBLISH_QUEUE],
    );
    await this.enqueue(tx, rows.map((row) => ({ postId: row.post_id, pageId: row.page_id, at: row.next_attempt_at })));
    return rows.length;
  }

  private async enqueue(tx: EntityManager, sends: { postId: string; pageId: string; at: Date }[]): Promise<void> {
    await this.jobs.add<PublishJob>(
      tx,
      PUBLISH_QUEUE,
      sends.map((send) => ({ data: { postId: send.postId, pageId: send.pageId }, startAfter: send.at, singletonKey: jobKey(send.postId, send.pageId, send.at) })),
    );
  }

  /** Called when a scheduled post goes back to a draft: what was not sent yet is no longer owed. */
  async cancel(tx: EntityManager, postId: string): Promise<void> {
    await tx.delete(PostPublication, { postId, state: 'PENDING' });
  }

  /**
   * Sends the (post, page) of a job when it is still owed, due, unfrozen and nobody else holds
   * it; false when there was nothing to do (gone, sent, not due, held by a freeze, or claimed by
   * another delivery of the job). The post is locked first, waiting, as every writer of a post
   * and its sends locks it: two sends of one post take turns instead of one skipping the other
   * and leaving its send to the sweep, and a second delivery of the same job finds it sent.
   */
  async publishOne(postId: string, pageId: string): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const post: unknown[] = await tx.query(`SELECT 1 FROM posts WHERE id = $1 AND state = 'SCHEDULED' FOR UPDATE`, [postId]);
      if (post.length === 0) return false;
      const rows: DueSend[] = await tx.query(
        `SELECT pp.post_id, pp.page_id, pp.attempts, pp.idempotency_key, p.body, p.link, pg.network, pg.external_id
         FROM post_publications pp
         JOIN posts p ON p.id = pp.post_id
         JOIN pages pg ON pg.id = pp.page_id
         WHERE pp.post_id = $1 AND pp.page_id = $2 AND pp.state = 'PENDING' AND pp.next_attempt_at <= now() AND NOT ${FROZEN('p', 'pg')}
         FOR UPDATE OF pp SKIP LOCKED`,
        [postId, pageId],
      );
      const due = rows[0];
      if (!due) return false;
      const outcome: PublishOutcome = due.external_id
        ? await this.connector.publishPost(tx, {
            network: due.network,
            pageExternalId: due.external_id,
            message: due.body,
            link: due.link,
            idempotencyKey: due.idempotency_key,
            subjectType: 'PostPublication',
            subjectId: due.post_id,
          })
        : { kind: 'refused', message: 'The page has no network id to publish to' };
      await this.record(tx, due, outcome);
      await this.settle(tx, due.post_id);
      return true;
    });
  }

  private async record(tx: EntityManager, due: DueSend, outcome: PublishOutcome): Promise<void> {
    const attempts = due.attempts + 1;
    const key = { postId: due.post_id, pageId: due.page_id };
    if (outcome.kind === 'published') {
      await tx.update(PostPublication, key, { state: 'PUBLISHED', attempts, externalId: outcome.externalId, lastError: null, publishedAt: new Date() });
    } else if (outcome.kind === 'retry' && attempts < this.config.publishing.maxAttempts) {
      // Backoff: base, 2×base, 4×base… so a network having a bad minute is not hammered.
      const waitMs = this.config.publishing.retryBaseMs * 2 ** (attempts - 1);
      const nextAttemptAt = new Date(Date.now() + waitMs);
      await tx.update(PostPublication, key, { attempts, lastError: outcome.message, nextAttemptAt });
      await this.enqueue(tx, [{ postId: due.post_id, pageId: due.page_id, at: nextAttemptAt }]);
    } else {
      await tx.update(PostPublication, key, { state: 'FAILED', attempts, lastError: outcome.message });
    }
  }

  /** Once no send of the post is pending: PUBLISHED when every target took it, else FAILED with the networks' messages. */
  private async settle(tx: EntityManager, postId: string): Promise<void> {
    const sends = await tx.findBy(PostPublication, { postId });
    if (sends.some((send) => send.state === 'PENDING')) return;
    const post = await tx.findOneByOrFail(Post, { id: postId });
    const before = { ...post };
    const failed = sends.filter((send) => send.state === 'FAILED');
    post.state = this.store.move(post, failed.length ? 'fail' : 'publish');
    const comment = failed.length ? failed.map((send) => `${send.pageId}: ${send.lastError ?? 'failed'}`).join('\n') : null;
    await this.store.write(tx, null, before, post, { kind: failed.length ? 'FAILED' : 'PUBLISHED', action: failed.length ? 'post.fail' : 'post.publish', comment });
  }
}
