import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canonicalLanguageTag } from '@pivot/domain';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { User } from '../../auth/user.entity';
import { Page } from '../../hierarchy/page.entity';
import { NOTHING_PENDING } from '../review/approval-progress';
import { PostEventEntity } from '../posts/post-event.entity';
import { PostTarget } from '../posts/post-target.entity';
import { Post } from '../posts/post.entity';
import { CascadeJob, type CascadeTargetError } from './cascade-job.entity';
import { DEAD_CHILD_STATES } from './global-change';

/** Children made per transaction: progress shows after each batch, and a crash loses one batch at most. */
export const CASCADE_BATCH_SIZE = 10;
/** How long a claim holds without a batch committing; a worker renews it after every batch. */
export const CASCADE_LEASE_MS = 30_000;

/**
 * The worker half of a cascade: claims a job (QUEUED, or RUNNING with its lease lapsed: its
 * worker died) with FOR UPDATE SKIP LOCKED, so each job has one worker at a time across
 * instances, then makes the children a batch per transaction. A batch commits its children, the
 * job's progress and the renewed lease together, under the job's and the parent's row locks: a
 * worker that lost its lease finds the job no longer its own and stops, and a batch that
 * committed is never run again, so no target gets two children from one job; a live child of
 * the parent already on a target (another job's) makes that target ALREADY_CASCADED.
 */
@Injectable()
export class CascadeRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Takes the oldest claimable job for `workerId`; null when there is none. */
  async claim(workerId: string): Promise<string | null> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE cascade_jobs SET state = 'RUNNING', claimed_by = $1, lease_until = now() + make_interval(secs => $2::double precision / 1000)
       WHERE id = (
         SELECT id FROM cascade_jobs
         WHERE state = 'QUEUED' OR (state = 'RUNNING' AND lease_until < now())
         ORDER BY created_at
         LIMIT 1
         FOR UPDATE SKIP LOCKED
       )
       RETURNING id`,
      [workerId, CASCADE_LEASE_MS],
    );
    return rows[0]?.id ?? null;
  }

  /** Runs one batch of a job `workerId` holds; false once the job is finished or no longer its own. */
  async runBatch(jobId: string, workerId: string): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const job = await tx.findOne(CascadeJob, { where: { id: jobId }, lock: { mode: 'pessimistic_write' } });
      if (!job || job.state !== 'RUNNING' || job.claimedBy !== workerId) return false;
      const parent = await tx.findOne(Post, { where: { id: job.postId }, lock: { mode: 'pessimistic_write' } });
      if (!parent || (DEAD_CHILD_STATES as readonly string[]).includes(parent.state)) {
        // The job cannot go on: every target left fails with the reason, so progress still adds up.
        const left = job.targetPageIds.slice(job.done + job.failed);
        job.failed += left.length;
        await this.finish(tx, job, 'FAILED', left.map((pageId) => ({ pageId, code: 'PARENT_GONE', message: 'The global post was archived or rejected before its child was made' })));
        return false;
      }
      const start = job.done + job.failed;
      const slice = job.targetPageIds.slice(start, start + CASCADE_BATCH_SIZE);
      const { made, errors } = await this.makeChildren(tx, job, parent, slice);
      job.done += made;
      job.failed += slice.length - made;
      const finished = job.done + job.failed >= job.total;
      if (finished) {
        await this.finish(tx, job, 'DONE', errors);
        return false;
      }
      await tx.query(
        `UPDATE cascade_jobs SET done = $2, failed = $3, errors = errors || $4::jsonb, lease_until = now() + make_interval(secs => $5::double precision / 1000) WHERE id = $1`,
        [job.id, job.done, job.failed, JSON.stringify(errors), CASCADE_LEASE_MS],
      );
      return true;
    });
  }

  private async finish(tx: EntityManager, job: CascadeJob, state: 'DONE' | 'FAILED', errors: CascadeTargetError[]): Promise<void> {
    await tx.query(
      `UPDATE cascade_jobs SET state = $2, done = $3, failed = $4, errors = errors || $5::jsonb, claimed_by = NULL, lease_until = NULL, finished_at = now() WHERE id = $1`,
      [job.id, state, job.done, job.failed, JSON.stringify(errors)],
    );
  }

  /** One DRAFT child per target of the slice (a few statements for the whole slice); the targets that got none, with why. */
  private async makeChildren(tx: EntityManager, job: CascadeJob, parent: Post, slice: string[]): Promise<{ made: number; errors: CascadeTargetError[] }> {
    const pages = await tx.findBy(Page, { id: In(slice) });
    const markets = await tx.findBy(Page, { id: In([...new Set(pages.flatMap((page) => page.scopeIds))]), kind: 'MARKET' });
    const taken: { page_id: string }[] = await tx.query(
      `SELECT t.page_id FROM posts c JOIN post_targets t ON t.post_id = c.id
       WHERE c.parent_post_id = $1 AND t.page_id = ANY($2::uuid[]) AND c.state <> ALL($3::text[])`,
      [parent.id, slice, [...DEAD_CHILD_STATES]],
    );
    const takenIds = new Set(taken.map((row) => row.page_id));
    const errors: CascadeTargetError[] = [];
    const children: { post: Post; page: Page }[] = [];
    for (const pageId of slice) {
      const page = pages.find((candidate) => candidate.id === pageId);
      // Checked when the cascade was asked; a page archived since is skipped, not the whole job.
      if (!page || page.status !== 'ACTIVE') errors.push({ pageId, code: 'PAGE_ARCHIVED', message: 'The page was archived before its child was made' });
      else if (takenIds.has(pageId)) errors.push({ pageId, code: 'ALREADY_CASCADED', message: 'This page already has a live localization of the post' });
      else {
        const market = markets.find((candidate) => page.scopeIds.includes(candidate.id));
        children.push({ page, post: this.childOf(job, parent, page, market) });
      }
    }
    if (children.length === 0) return { made: 0, errors };
    await tx.insert(Post, children.map((child) => child.post) as never);
    await tx.insert(PostTarget, children.map(({ post, page }) => ({ postId: post.id, pageId: page.id })));
    await tx.insert(
      PostEventEntity,
      children.map(({ post }) => ({ id: randomUUID(), postId: post.id, kind: 'CREATED_BY_CASCADE' as const, actorId: job.createdById, fromState: null, toState: 'DRAFT' as const, version: 1, stepId: null, reviewRound: null, comment: null })),
    );
    // The children are the cascading user's doing: the audit log names them, not the system.
    const actor = { user: { id: job.createdById } as User, requestId: null };
    for (const { post, page } of children) {
      await this.audit.record(tx, actor, {
        action: 'post.createByCascade',
        subjectType: 'Post',
        subjectId: post.id,
        brandId: post.brandId,
        scopeIds: post.scopeIds,
        after: { state: post.state, body: post.body, locale: post.locale, parentPostId: parent.id, cascadeJobId: job.id, targetPageIds: [page.id] },
      });
    }
    return { made: children.length, errors };
  }

  /**
   * The child: a draft on its one target, in the target's scope (the market team reads and edits
   * it, and it goes through that market's approval policy), the parent's content in the market's
   * first language, authored by whoever cascaded. No publish time: each market schedules its own.
   */
  private childOf(job: CascadeJob, parent: Post, page: Page, market: Page | undefined): Post {
    const language = [...page.languages, ...(market?.languages ?? [])].map((tag) => canonicalLanguageTag(tag)).find((tag) => tag);
    return this.dataSource.manager.create(Post, {
      id: randomUUID(),
      brandId: parent.brandId,
      scopeIds: page.scopeIds,
      body: parent.body,
      link: parent.link,
      media: parent.media,
      locale: language ?? parent.locale,
      publishAt: null,
      authorId: job.createdById,
      state: 'DRAFT',
      version: 1,
      parentPostId: parent.id,
      parentVersionLocalized: parent.version,
      localizedParentBody: parent.body,
      reviewRound: 0,
      submittedAt: null,
      submittedById: null,
      approvalPath: null,
      ...NOTHING_PENDING,
    });
  }
}
