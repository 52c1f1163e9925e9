import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { POST_CONNECTOR, type PostConnector, type PublishOutcome } from '../connectors/connector';
import { PostPublication } from './post-publication.entity';
import { PostStore } from './post-store';
import { Post } from './post.entity';

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

/**
 * Sends scheduled posts, one (post, page) at a time, exactly once. The claim is the
 * `post_publications` row, taken with its post under `FOR UPDATE SKIP LOCKED`: another instance
 * (or another worker here) skips it, and the outcome is written before the locks go. A process
 * that dies mid-send leaves the row PENDING and the send is tried again with the same
 * idempotency key (the sandbox's unique key makes that a no-op; the Graph API has none, so a
 * crash between its answer and our commit is the one window for a duplicate there).
 */
@Injectable()
export class PublisherService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(POST_CONNECTOR) private readonly connector: PostConnector,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly store: PostStore,
  ) {}

  /** The (post, page) sends a post now owes: one per target, due at `dueAt`; targets already published stay so. */
  async schedule(tx: EntityManager, post: Post, targetPageIds: string[], dueAt: Date): Promise<void> {
    if (targetPageIds.length === 0) return;
    await tx.query(
      `INSERT INTO post_publications (post_id, page_id, state, idempotency_key, next_attempt_at, attempts)
       SELECT $1::uuid, page_id, 'PENDING', $1::text || ':' || page_id::text, $3, 0 FROM unnest($2::uuid[]) AS page_id
       ON CONFLICT (post_id, page_id) DO UPDATE SET state = 'PENDING', next_attempt_at = EXCLUDED.next_attempt_at, attempts = 0, last_error = NULL
       WHERE post_publications.state <> 'PUBLISHED'`,
      [post.id, targetPageIds, dueAt],
    );
  }

  /** Called when a scheduled post goes back to a draft: what was not sent yet is no longer owed. */
  async cancel(tx: EntityManager, postId: string): Promise<void> {
    await tx.delete(PostPublication, { postId, state: 'PENDING' });
  }

  /**
   * Sends a due (post, page) nobody else holds and no freeze covers; false when there was none.
   * Any due one, not the oldest: an ORDER BY makes PostgreSQL join and sort every due row before
   * it can lock one (600 ms a claim with 10,000 due), where without it the first free row ends the scan.
   */
  async publishNext(): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const rows: DueSend[] = await tx.query(
        `SELECT pp.post_id, pp.page_id, pp.attempts, pp.idempotency_key, p.body, p.link, pg.network, pg.external_id
         FROM post_publications pp
         JOIN posts p ON p.id = pp.post_id
         JOIN pages pg ON pg.id = pp.page_id
         WHERE pp.state = 'PENDING' AND pp.next_attempt_at <= now() AND p.state = 'SCHEDULED' AND NOT ${FROZEN('p', 'pg')}
         LIMIT 1
         FOR UPDATE OF pp, p SKIP LOCKED`,
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
      await tx.update(PostPublication, key, { attempts, lastError: outcome.message, nextAttemptAt: new Date(Date.now() + waitMs) });
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
