import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { approvalEvent, asSubject, canDecide, mayApproveStep, nextPendingStep, type ApprovalTarget } from '@pivot/domain';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { authorize } from '../../access/authorize';
import type { Actor } from '../../auth/request-context';
import { AppError } from '../../errors/app-error';
import { Page } from '../../hierarchy/page.entity';
import { decisionsOf, NOTHING_PENDING, pendingColumns } from './approval-progress';
import { PostEventEntity } from '../posts/post-event.entity';
import { PostScheduleService } from '../schedule/post-schedule.service';
import { PostStore } from '../posts/post-store';
import type { Post } from '../posts/post.entity';
import { PublisherService } from '../schedule/publisher.service';
import { PublishingRulesService } from '../rules/publishing-rules.service';

const MAX_COMMENT = 5000;

type Decision = 'approve' | 'requestChanges' | 'reject';

/**
 * Reviews: the author (or, for a cascade child, its market) submits and withdraws; approvers decide the pending step of the path fixed
 * at submission. Every move goes through the post state machine, checks the version the caller
 * saw, and lands on the timeline and in the audit log in one transaction.
 */
@Injectable()
export class PostReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: PostStore,
    private readonly rules: PublishingRulesService,
    private readonly publisher: PublisherService,
    private readonly schedules: PostScheduleService,
  ) {}

  async submit(actor: Actor, id: string, version: number): Promise<Post> {
    return this.dataSource.transaction(async (tx) => {
      const post = await this.store.lock(tx, actor, id);
      this.authorizeAuthor(actor, 'submit', post);
      this.store.checkVersion(post, version);
      const before = { ...post };
      post.state = this.store.move(post, 'submit');
      const targetPageIds = await this.store.targetIdsOf(tx, post.id);
      // A target archived since the draft was written would publish to a page the pivot no longer serves.
      if (await tx.existsBy(Page, { id: In(targetPageIds), status: 'ARCHIVED' })) {
        throw AppError.badInput('A target page has been archived since; change the targets', [{ field: 'targetPageIds', message: 'holds an archived page' }]);
      }
      const review = await this.rules.review(tx, post, targetPageIds);
      if (review.report.blocking) {
        throw new AppError('BAD_USER_INPUT', 'The post breaks a guardrail: fix the errors before submitting', { guardrails: review.report.issues });
      }
      const broken = review.path.find((pathStep) => pathStep.problem !== null);
      if (review.path.length === 0 || broken) {
        // Submitting would leave the post waiting for an approver who cannot exist.
        throw new AppError('BAD_USER_INPUT', broken ? `Nobody can approve step "${broken.step.name}": ${broken.problem}` : 'No step of the approval policy covers this post: nobody could approve it', {
          approvalPath: review.path.map((pathStep) => ({ stepId: pathStep.step.id, problem: pathStep.problem })),
        });
      }
      Object.assign(post, { reviewRound: post.reviewRound + 1, submittedAt: new Date(), submittedById: actor.user.id, approvalPath: review.path }, pendingColumns(review.path, [], post.authorId));
      return this.store.write(tx, actor, before, post, { kind: 'SUBMITTED', action: 'post.submit' });
    });
  }

  /** Back to a draft from review, approval, schedule or failure: every approval of the round is void. */
  async withdraw(actor: Actor, id: string, version: number, comment?: string | null): Promise<Post> {
    return this.dataSource.transaction(async (tx) => {
      const post = await this.store.lock(tx, actor, id);
      this.authorizeAuthor(actor, 'withdraw', post);
      this.store.checkVersion(post, version);
      const before = { ...post };
      post.state = this.store.move(post, 'withdraw');
      Object.assign(post, { approvalPath: null, submittedAt: null, submittedById: null }, NOTHING_PENDING);
      await this.publisher.cancel(tx, post.id);
      return this.store.write(tx, actor, before, post, { kind: 'WITHDRAWN', action: 'post.withdraw', comment: commentOf(comment, false) });
    });
  }

  /**
   * A comment on the timeline, from the author or anyone who may edit or decide the post (readers
   * such as analysts only read). Any state: a published post can still be discussed.
   */
  async comment(actor: Actor, id: string, comment: string): Promise<Post> {
    const text = commentOf(comment, true)!;
    return this.dataSource.transaction(async (tx) => {
      const post = await this.store.lock(tx, actor, id);
      const subject = asSubject('Post', post);
      if (post.authorId !== actor.user.id && !actor.ability.can('update', subject) && !actor.ability.can('approve', subject)) {
        throw new AppError('FORBIDDEN', 'You may read this post but not comment on it');
      }
      await this.store.comment(tx, actor, post, text);
      return post;
    });
  }

  approve(actor: Actor, id: string, version: number, comment?: string | null): Promise<Post> {
    return this.decide(actor, id, version, 'approve', commentOf(comment, false));
  }

  requestChanges(actor: Actor, id: string, version: number, comment: string): Promise<Post> {
    return this.decide(actor, id, version, 'requestChanges', commentOf(comment, true));
  }

  reject(actor: Actor, id: string, version: number, comment?: string | null): Promise<Post> {
    return this.decide(actor, id, version, 'reject', commentOf(comment, false));
  }

  private async decide(actor: Actor, id: string, version: number, decision: Decision, comment: string | null): Promise<Post> {
    return this.dataSource.transaction(async (tx) => {
      const post = await this.store.lock(tx, actor, id);
      // CASL refuses the author and the submitter too: nobody decides on their own post (FORBIDDEN, they see it).
      authorize(actor, 'approve', 'Post', post);
      this.store.checkVersion(post, version);
      const before = { ...post };
      this.store.move(post, decision === 'approve' ? 'approveStep' : decision);
      if (!canDecide(post, actor.user.id)) throw new AppError('FORBIDDEN', 'You may not decide on your own post');
      const path = post.approvalPath ?? [];
      const decisions = decisionsOf(post, await this.eventsOf(tx, post.id));
      const pending = nextPendingStep(path, decisions, post);
      const targets = await this.approvalTargets(tx, post);
      if (!pending || !mayApproveStep(pending.step, { id: actor.user.id, grants: actor.grants }, { brandId: post.brandId, authorId: post.authorId, targets })) {
        throw new AppError('FORBIDDEN', `You are not an approver of the current step${pending ? ` (${pending.step.name}: ${pending.approvers})` : ''}`);
      }
      if (decision !== 'approve') {
        post.state = this.store.move(post, decision);
        // Changes requested: the author edits, and the next submission computes a fresh path.
        if (decision === 'requestChanges') Object.assign(post, { approvalPath: null });
        Object.assign(post, NOTHING_PENDING);
        const kind = decision === 'reject' ? 'REJECTED' : 'CHANGES_REQUESTED';
        return this.store.write(tx, actor, before, post, { kind, action: decision === 'reject' ? 'post.reject' : 'post.requestChanges', stepId: pending.step.id, comment });
      }
      if (decisions.some((done) => done.stepId === pending.step.id && done.userId === actor.user.id)) {
        throw new AppError('BAD_USER_INPUT', 'You already approved this step; it waits for the others named in it');
      }
      const mine = { stepId: pending.step.id, userId: actor.user.id };
      post.state = this.store.move(post, approvalEvent(path, decisions, mine, post));
      Object.assign(post, pendingColumns(path, [...decisions, mine], post.authorId));
      // The final approval of a post with a publish time schedules it (one timeline entry,
      // IN_REVIEW → SCHEDULED); one without a time stays APPROVED until a manager schedules it.
      if (post.state === 'APPROVED' && post.publishAt) await this.schedules.enqueue(tx, post, post.publishAt);
      return this.store.write(tx, actor, before, post, { kind: 'APPROVED', action: post.state === 'IN_REVIEW' ? 'post.approveStep' : 'post.approve', stepId: pending.step.id, comment });
    });
  }

  /**
   * Submit and withdraw are the author's moves (the state machine's "author"), within what CASL
   * lets them do. A cascade child's author is the brand team, but its market localizes it: there
   * whoever CASL lets submit it in its scope stands in for the author.
   */
  private authorizeAuthor(actor: Actor, action: 'submit' | 'withdraw', post: Post): void {
    authorize(actor, action, 'Post', post);
    if (post.authorId !== actor.user.id && post.parentPostId === null) throw new AppError('FORBIDDEN', `Only the author may ${action} this post`);
  }

  private eventsOf(tx: EntityManager, postId: string): Promise<PostEventEntity[]> {
    return tx.find(PostEventEntity, { where: { postId, kind: 'APPROVED' }, order: { seq: 'ASC' } });
  }

  private async approvalTargets(tx: EntityManager, post: Post): Promise<ApprovalTarget[]> {
    return this.rules.approvalTargets(tx, await this.store.targetIdsOf(tx, post.id));
  }
}

function commentOf(comment: string | null | undefined, required: boolean): string | null {
  const text = comment?.trim() ?? '';
  if (required && text === '') throw AppError.badInput('Say what should change', [{ field: 'comment', message: 'is required' }]);
  if (text.length > MAX_COMMENT) throw AppError.badInput(`comment: at most ${MAX_COMMENT} characters`, [{ field: 'comment', message: `must be at most ${MAX_COMMENT} characters` }]);
  return text === '' ? null : text;
}
