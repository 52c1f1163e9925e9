import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { cascadeSourceProblem, cascadeTargetProblem, isEditable } from '@pivot/domain';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { abilityToSql, SUBJECT_FIELDS } from '../../access/ability-sql';
import { authorize, authorizeType, canRead } from '../../access/authorize';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../auth/request-context';
import { AppError, assertUuid } from '../../errors/app-error';
import { Page } from '../../hierarchy/page.entity';
import { PostEventEntity } from '../posts/post-event.entity';
import { PostStore } from '../posts/post-store';
import { PostTarget } from '../posts/post-target.entity';
import { Post } from '../posts/post.entity';
import { CascadeJob } from './cascade-job.entity';
import { CascadeWorker } from './cascade-worker';
import { globalChangeOf } from './global-change';
import type { CascadePostInput } from './cascade.types';

export const MAX_CASCADE_TARGETS = 200;

/**
 * Cascading a global post to markets (DESIGN §5), the request half: every check, then the job
 * row, the parent's CASCADED timeline entry and the audit entry in one transaction, and the
 * worker is woken once it commits. The children are the worker's (CascadeRunner).
 */
@Injectable()
export class CascadeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: PostStore,
    private readonly audit: AuditService,
    private readonly worker: CascadeWorker,
  ) {}

  async cascade(actor: Actor, input: CascadePostInput): Promise<CascadeJob> {
    // No cascade rule at all (every market role): refused before any post is looked at.
    authorizeType(actor, 'cascade', 'Post');
    const postId = assertUuid(input.postId, 'postId');
    const targetIds = cascadeTargetIds(input.targetPageIds);
    const job = await this.dataSource.transaction(async (tx) => {
      const parent = await tx.findOne(Post, { where: { id: postId }, lock: { mode: 'pessimistic_read' } });
      if (!parent || !canRead(actor, 'Post', parent)) throw AppError.notFound('Post');
      authorize(actor, 'cascade', 'Post', parent);
      await this.checkParent(tx, parent);
      await this.checkTargets(tx, actor, parent, targetIds);
      const row = tx.create(CascadeJob, {
        id: randomUUID(),
        postId: parent.id,
        createdById: actor.user.id,
        state: 'QUEUED',
        targetPageIds: targetIds,
        total: targetIds.length,
        done: 0,
        failed: 0,
        errors: [],
        claimedBy: null,
        leaseUntil: null,
        finishedAt: null,
      });
      const saved = await tx.save(CascadeJob, row);
      // Like a comment, the entry changes nothing of the post: its version stays, nobody is made stale.
      await tx.insert(PostEventEntity, {
        id: randomUUID(),
        postId: parent.id,
        kind: 'CASCADED',
        actorId: actor.user.id,
        fromState: null,
        toState: null,
        version: parent.version,
        stepId: null,
        reviewRound: null,
        comment: `Cascaded to ${targetIds.length} page${targetIds.length === 1 ? '' : 's'}`,
      });
      await this.audit.record(tx, actor, {
        action: 'post.cascade',
        subjectType: 'Post',
        subjectId: parent.id,
        brandId: parent.brandId,
        scopeIds: parent.scopeIds,
        after: { cascadeJobId: saved.id, targetPageIds: targetIds },
      });
      return saved;
    });
    this.worker.dispatch();
    return job;
  }

  /** A job, for who may read its parent post; NOT_FOUND otherwise (one statement, filtered in SQL). */
  async job(actor: Actor, id: string): Promise<CascadeJob> {
    const readable = abilityToSql(actor.ability, 'read', 'Post', SUBJECT_FIELDS.Post('p'));
    const job = await this.dataSource
      .getRepository(CascadeJob)
      .createQueryBuilder('j')
      .innerJoin(Post, 'p', 'p.id = j.post_id')
      .where('j.id = :id', { id: assertUuid(id, 'id') })
      .andWhere(readable.sql, readable.params)
      .getOne();
    if (!job) throw AppError.notFound('Cascade job');
    return job;
  }

  /**
   * A local editor carries the global change over: the child now localizes the parent as it is.
   * Only while the child is editable: an approved child with a stale localization goes back to a
   * draft first (withdraw), so nothing is approved on a text its approver did not see.
   */
  async acknowledge(actor: Actor, id: string, version: number): Promise<Post> {
    return this.dataSource.transaction(async (tx) => {
      const child = await this.store.lock(tx, actor, id);
      authorize(actor, 'update', 'Post', child);
      this.store.checkVersion(child, version);
      if (!child.parentPostId) throw AppError.badInput('This post is no cascade child: it has no global post to follow');
      const parent = await tx.findOneBy(Post, { id: child.parentPostId });
      if (!globalChangeOf(child, parent).globalChanged) throw AppError.badInput('The global post has not changed since this one localized it');
      if (!isEditable(child.state)) {
        throw new AppError('BAD_USER_INPUT', `A ${child.state} post cannot take the global change; withdraw it to a draft first`, { state: child.state });
      }
      const before = { ...child };
      Object.assign(child, { parentVersionLocalized: parent!.version, localizedParentBody: parent!.body });
      return this.store.write(tx, actor, before, child, { kind: 'GLOBAL_ACKNOWLEDGED', action: 'post.acknowledgeGlobalChange', comment: `Global version ${parent!.version} acknowledged` });
    });
  }

  /** A global post, live, and no child of another (the domain's rule): else the cascade is BAD_USER_INPUT. */
  private async checkParent(tx: EntityManager, parent: Post): Promise<void> {
    const targets = await tx.createQueryBuilder(Page, 'g').innerJoin(PostTarget, 't', 't.page_id = g.id').where('t.post_id = :id', { id: parent.id }).select(['g.id', 'g.kind']).getMany();
    const problem = cascadeSourceProblem({ ...parent, targets });
    if (problem) throw AppError.badInput(`This post cannot be cascaded: it ${problem}`, [{ field: 'postId', message: problem }]);
  }

  /**
   * Every target: a page the caller may read, active, of the parent's brand, a MARKET or a
   * SEGMENT under one, in the tree of a global page the parent goes out on (its network).
   */
  private async checkTargets(tx: EntityManager, actor: Actor, parent: Post, targetIds: string[]): Promise<void> {
    const globals = (await tx.find(PostTarget, { where: { postId: parent.id } })).map((target) => target.pageId);
    const pages = await tx.findBy(Page, { id: In(targetIds) });
    const ancestors = await tx.findBy(Page, { id: In([...new Set(pages.flatMap((page) => page.scopeIds))]), kind: 'MARKET' });
    const markets = new Set(ancestors.map((page) => page.id));
    const byId = new Map(pages.map((page) => [page.id, page]));
    for (const id of targetIds) {
      const page = byId.get(id);
      const problem = !page || page.brandId !== parent.brandId || !canRead(actor, 'Page', page)
        ? 'is not a page of this brand'
        : cascadeTargetProblem(page, { postPageIds: globals, marketIds: markets });
      if (problem) throw AppError.badInput(`Target ${id} ${problem}`, [{ field: 'targetPageIds', message: `${id} ${problem}` }]);
    }
  }
}

/** One to MAX_CASCADE_TARGETS well-formed ids, duplicates dropped, the order kept. */
function cascadeTargetIds(ids: readonly string[]): string[] {
  const unique = [...new Set(ids.map((id) => assertUuid(id, 'targetPageIds')))];
  if (unique.length === 0 || unique.length > MAX_CASCADE_TARGETS) {
    throw AppError.badInput(`A cascade targets 1 to ${MAX_CASCADE_TARGETS} pages`, [{ field: 'targetPageIds', message: `must hold 1 to ${MAX_CASCADE_TARGETS} pages` }]);
  }
  return unique;
}
