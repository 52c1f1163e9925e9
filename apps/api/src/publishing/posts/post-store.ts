import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { nextState, type PostEvent } from '@pivot/domain';
import type { EntityManager } from 'typeorm';
import { canRead } from '../../access/authorize';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../auth/request-context';
import { AppError, assertUuid } from '../../errors/app-error';
import { PostEventEntity, type PostEventKind } from './post-event.entity';
import { PostTarget } from './post-target.entity';
import { Post } from './post.entity';

const AUDITED = ['state', 'body', 'link', 'media', 'locale', 'publishAt', 'targetPageIds', 'reviewRound'] as const;

export interface PostChange {
  kind: PostEventKind;
  /** The audit action, e.g. post.submit. */
  action: string;
  stepId?: string | null;
  comment?: string | null;
  /** The targets after the change, when they changed (audited with the post). */
  targetPageIds?: string[];
}

/**
 * The writing half every post use case shares: the row locked for the transaction, the version
 * check, the state machine's verdict, and one write of the post, its timeline event and its
 * audit entry together.
 */
@Injectable()
export class PostStore {
  constructor(private readonly audit: AuditService) {}

  /** The post, locked until the transaction ends; NOT_FOUND when it is missing or not the caller's to see. */
  async lock(tx: EntityManager, actor: Actor, id: string): Promise<Post> {
    const post = await tx.findOne(Post, { where: { id: assertUuid(id, 'id') }, lock: { mode: 'pessimistic_write' } });
    if (!post || !canRead(actor, 'Post', post)) throw AppError.notFound('Post');
    return post;
  }

  async targetIdsOf(tx: EntityManager, postId: string): Promise<string[]> {
    const rows = await tx.find(PostTarget, { where: { postId }, order: { pageId: 'ASC' } });
    return rows.map((row) => row.pageId);
  }

  /** A caller acting on what they saw at `version`: anything newer means someone else moved first. */
  checkVersion(post: Post, version: number): void {
    if (version !== post.version) throw AppError.conflict(`The post changed since you opened it (version ${post.version}, yours ${version}); reload it`);
  }

  /** Where `event` takes the post, or BAD_USER_INPUT when the state machine has no such move. */
  move(post: Post, event: PostEvent): Post['state'] {
    const to = nextState(post.state, event);
    if (to === null) throw new AppError('BAD_USER_INPUT', `A ${post.state} post cannot ${event}`, { state: post.state, event });
    return to;
  }

  /** A comment on the timeline: it changes nothing of the post, so its version stays (no one is made stale). */
  async comment(tx: EntityManager, actor: Actor, post: Post, comment: string): Promise<void> {
    const base = { id: randomUUID(), postId: post.id, kind: 'COMMENTED' as const, actorId: actor.user.id, fromState: null, toState: null };
    await tx.insert(PostEventEntity, { ...base, version: post.version, stepId: null, reviewRound: null, comment });
    await this.audit.record(tx, actor, {
      action: 'post.comment',
      subjectType: 'Post',
      subjectId: post.id,
      brandId: post.brandId,
      scopeIds: post.scopeIds,
      after: { comment },
    });
  }

  /**
   * Saves `post` (already changed by the caller) as the next version, with its timeline event and
   * audit entry. `actor` null: the system (the publisher).
   */
  async write(tx: EntityManager, actor: Actor | null, before: Post & { targetPageIds?: string[] }, post: Post, change: PostChange): Promise<Post> {
    post.version = before.version + 1;
    const saved = await tx.save(Post, post);
    await tx.insert(PostEventEntity, {
      id: randomUUID(),
      postId: post.id,
      kind: change.kind,
      actorId: actor?.user.id ?? null,
      fromState: change.kind === 'CREATED' ? null : before.state,
      toState: post.state,
      version: post.version,
      stepId: change.stepId ?? null,
      reviewRound: change.kind === 'APPROVED' ? post.reviewRound : null,
      comment: change.comment ?? null,
    });
    await this.audit.record(tx, actor, {
      action: change.action,
      subjectType: 'Post',
      subjectId: post.id,
      brandId: post.brandId,
      scopeIds: post.scopeIds,
      before: change.kind === 'CREATED' ? null : before,
      after: { ...post, ...(change.targetPageIds ? { targetPageIds: change.targetPageIds } : { targetPageIds: before.targetPageIds }), comment: change.comment ?? null },
      fields: [...AUDITED, 'comment'],
    });
    return saved;
  }
}
