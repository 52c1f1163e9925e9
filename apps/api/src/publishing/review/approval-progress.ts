import { nextPendingStep, type ApprovalDecision, type ApprovalPathStep } from '@pivot/domain';
import type { PostEventEntity } from '../posts/post-event.entity';
import type { Post } from '../posts/post.entity';
import type { ApprovalPathType } from './review.types';

/** The approvals that count: this review round's, in order. */
export function decisionsOf(post: Pick<Post, 'reviewRound'>, events: readonly PostEventEntity[]): ApprovalDecision[] {
  return events
    .filter((event) => event.kind === 'APPROVED' && event.reviewRound === post.reviewRound && event.stepId && event.actorId)
    .map((event) => ({ stepId: event.stepId!, userId: event.actorId! }));
}

type PendingColumns = Pick<Post, 'pendingStepId' | 'pendingRole' | 'pendingScope' | 'pendingUserIds'>;

export const NOTHING_PENDING: PendingColumns = { pendingStepId: null, pendingRole: null, pendingScope: null, pendingUserIds: [] };

/**
 * Who may decide the step now pending, as the columns the approvals inbox queries: a role (at the
 * post's market or the brand) or the named users still expected (an "all" step drops those who
 * approved already).
 */
export function pendingColumns(path: readonly ApprovalPathStep[], decisions: readonly ApprovalDecision[], authorId: string): PendingColumns {
  const pending = nextPendingStep(path, decisions, { authorId });
  if (!pending) return NOTHING_PENDING;
  const { approvers } = pending.step;
  if ('role' in approvers) return { pendingStepId: pending.step.id, pendingRole: approvers.role, pendingScope: approvers.scope, pendingUserIds: [] };
  const done = new Set(decisions.filter((decision) => decision.stepId === pending.step.id).map((decision) => decision.userId));
  const expected = (pending.requiredUserIds ?? approvers.userIds).filter((id) => id !== authorId && !done.has(id));
  return { pendingStepId: pending.step.id, pendingRole: null, pendingScope: null, pendingUserIds: [...new Set(expected)] };
}

/** The path as the review screen shows it: each step's approvals and status. */
export function pathView(path: readonly ApprovalPathStep[], decisions: readonly ApprovalDecision[], authorId: string, preview: boolean): ApprovalPathType {
  const current = preview ? (path[0] ?? null) : nextPendingStep(path, decisions, { authorId });
  const currentIndex = current ? path.indexOf(current) : path.length;
  return {
    preview,
    currentStepId: preview ? null : (current?.step.id ?? null),
    steps: path.map((pathStep, index) => ({
      id: pathStep.step.id,
      name: pathStep.step.name,
      approvers: pathStep.approvers,
      mode: pathStep.step.mode === 'all' ? 'ALL' : 'ANY',
      requiredUserIds: pathStep.requiredUserIds,
      problem: pathStep.problem,
      approvedBy: [...new Set(decisions.filter((decision) => decision.stepId === pathStep.step.id).map((decision) => decision.userId))],
      status: preview || index > currentIndex ? 'WAITING' : index < currentIndex ? 'APPROVED' : 'CURRENT',
    })),
  };
}
