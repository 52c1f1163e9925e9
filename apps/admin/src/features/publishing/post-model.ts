import { CombinedGraphQLErrors } from '@apollo/client';
import { asSubject, isEditable, type PivotAbility, type PostState } from '@pivot/domain';
import type { PostAction, PostEventKind } from '../../gql/graphql';

export const STATE_LABELS: Record<PostState, string> = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  CHANGES_REQUESTED: 'Changes requested',
  APPROVED: 'Approved',
  SCHEDULED: 'Scheduled',
  PUBLISHED: 'Published',
  REJECTED: 'Rejected',
  FAILED: 'Failed',
  ARCHIVED: 'Archived',
};

export const STATE_COLORS: Record<PostState, string> = {
  DRAFT: 'gray',
  IN_REVIEW: 'blue',
  CHANGES_REQUESTED: 'orange',
  APPROVED: 'teal',
  SCHEDULED: 'cyan',
  PUBLISHED: 'green',
  REJECTED: 'red',
  FAILED: 'red',
  ARCHIVED: 'dark',
};

export const EVENT_LABELS: Record<PostEventKind, string> = {
  CREATED: 'created the draft',
  EDITED: 'edited',
  SUBMITTED: 'submitted for approval',
  WITHDRAWN: 'withdrew it',
  APPROVED: 'approved',
  CHANGES_REQUESTED: 'requested changes',
  REJECTED: 'rejected',
  ARCHIVED: 'archived',
  COMMENTED: 'commented',
  SCHEDULED: 'scheduled it',
  UNSCHEDULED: 'took it off the schedule',
  RETRIED: 'retried what failed',
  PUBLISHED: 'published it',
  FAILED: 'could not publish it',
  CASCADED: 'cascaded it to markets',
  CREATED_BY_CASCADE: 'created it by cascading the global post',
  GLOBAL_ACKNOWLEDGED: 'took over the global change',
};

/** The buttons the detail screen offers; `edit` opens the composer. */
export type PostUiAction = 'edit' | 'submit' | 'withdraw' | 'approve' | 'requestChanges' | 'reject' | 'archive' | 'comment';

export interface PostForActions {
  id: string;
  brandId: string;
  scopeIds: readonly string[];
  authorId: string;
  /** Set on a cascade child: its market localizes and submits it, though the brand team wrote it. */
  parentPostId: string | null;
  state: PostState;
  allowedActions: readonly PostAction[];
  /** The API's answer to "may this user decide the current step now?" (step, scope, not the author). */
  canDecide: boolean;
}

/** The post as the ability's rules read it (the API's rules, packed). */
function subjectOf(post: PostForActions) {
  return asSubject('Post', { id: post.id, brandId: post.brandId, scopeIds: [...post.scopeIds], authorId: post.authorId, parentPostId: post.parentPostId });
}

/** Readable but not the user's to change: others' posts on a publisher's market calendar (issue 20). */
export function isReadOnly(ability: PivotAbility, post: PostForActions): boolean {
  return !ability.can('update', subjectOf(post));
}

/**
 * What the user may do to the post now: the moves its state allows (`allowedActions`, from the
 * state machine) that the user's ability allows too. Submitting and withdrawing are the author's
 * (DESIGN §5), or for a cascade child its market's, whoever the ability lets (the API's rule).
 * Deciding goes by `canDecide` rather than the ability: a brand admin may approve posts, but not
 * while the current step is the market manager's, and nobody decides what they submitted.
 */
export function postUiActions(ability: PivotAbility, post: PostForActions, userId: string): PostUiAction[] {
  const subject = subjectOf(post);
  const allowed = new Set(post.allowedActions);
  const author = post.authorId === userId;
  const submitter = author || post.parentPostId !== null;
  const actions: PostUiAction[] = [];
  const editable = isEditable(post.state);
  if (editable && ability.can('update', subject)) actions.push('edit');
  if (submitter && allowed.has('submit') && ability.can('submit', subject)) actions.push('submit');
  if (submitter && allowed.has('withdraw') && ability.can('withdraw', subject)) actions.push('withdraw');
  if (post.canDecide && !author) actions.push('approve', 'requestChanges', 'reject');
  if (allowed.has('archive') && ability.can('archive', subject)) actions.push('archive');
  // The author, whoever may edit it (a cascade child's localizer) and whoever governs it talk on its timeline, as the API lets them.
  if (post.state !== 'ARCHIVED' && (author || ability.can('update', subject) || ability.can('archive', subject))) actions.push('comment');
  return actions;
}

/** A short line of the body for lists. */
export function excerpt(body: string, max = 90): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/** The manager's moves on an approved post the detail screen offers (see `postScheduleActions`). */
export type PostScheduleAction = 'schedule' | 'unschedule' | 'retry';

/**
 * Giving an approved post a time (or changing it while scheduled), taking it off the schedule,
 * retrying a failed one: the moves its state allows that the user's `schedule` ability allows
 * at the post's scope. The API also refuses a time in the past and a post already gone out.
 */
export function postScheduleActions(ability: PivotAbility, post: PostForActions): PostScheduleAction[] {
  if (!ability.can('schedule', subjectOf(post))) return [];
  const allowed = new Set(post.allowedActions);
  return (['schedule', 'unschedule', 'retry'] as const).filter((action) => allowed.has(action));
}

/** An id that is no post (or not an id), or a post the caller may not read: the API answers alike, so existence does not leak, and so do the screens. */
export function notFound(error: unknown): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((item) => item.extensions?.code === 'NOT_FOUND' || item.extensions?.code === 'BAD_USER_INPUT');
}
