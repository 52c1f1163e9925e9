/**
 * The post life cycle (DESIGN §5) as a state machine: the one place that says which moves exist.
 * The API refuses any move `nextState` answers null for; the admin app shows only the buttons
 * `allowedEvents` lists.
 *
 * | event          | from                                   | to                | who       |
 * | -------------- | -------------------------------------- | ----------------- | --------- |
 * | submit         | DRAFT, CHANGES_REQUESTED               | IN_REVIEW         | author    |
 * | withdraw       | IN_REVIEW, APPROVED, SCHEDULED, FAILED | DRAFT             | author    |
 * | approveStep    | IN_REVIEW                              | IN_REVIEW         | approver  |
 * | approve        | IN_REVIEW                              | APPROVED          | approver  |
 * | requestChanges | IN_REVIEW                              | CHANGES_REQUESTED | approver  |
 * | reject         | IN_REVIEW                              | REJECTED          | approver  |
 * | schedule       | APPROVED, SCHEDULED                    | SCHEDULED         | manager   |
 * | unschedule     | SCHEDULED                              | APPROVED          | manager   |
 * | publish        | SCHEDULED                              | PUBLISHED         | system    |
 * | fail           | SCHEDULED                              | FAILED            | system    |
 * | retry          | FAILED                                 | SCHEDULED         | manager   |
 * | archive        | DRAFT, CHANGES_REQUESTED, APPROVED,    | ARCHIVED          | manager   |
 * |                | REJECTED, FAILED, PUBLISHED            |                   |           |
 *
 * Choices worth knowing:
 * - Editing is not an event: a post is editable in DRAFT and CHANGES_REQUESTED only (`isEditable`).
 *   To change an approved, scheduled or failed post the author withdraws it to DRAFT, which voids
 *   its approvals: what was approved is exactly what goes out.
 * - `approveStep` records one step of a multi-step policy and stays IN_REVIEW; `approve` is the
 *   decision that completes the path (see `approvalEvent` in approval-policy.ts).
 * - `schedule` from SCHEDULED changes the time of a post that has not gone out yet (the API
 *   refuses it once a target has been sent); the approved content stays as it was.
 * - `retry` puts only the failed sends of a FAILED post back in line: a target that took the post
 *   is never sent it again.
 * - REJECTED and ARCHIVED have no way back (no "reopen"): a rejected idea starts again as a new
 *   post, so each post's history reads as one story.
 * - IN_REVIEW and SCHEDULED posts cannot be archived directly: withdraw or unschedule first, so
 *   nothing disappears while a reviewer or the publish job is holding it.
 */
export const POST_STATES = [
  'DRAFT',
  'IN_REVIEW',
  'CHANGES_REQUESTED',
  'APPROVED',
  'SCHEDULED',
  'PUBLISHED',
  'REJECTED',
  'FAILED',
  'ARCHIVED',
] as const;
export type PostState = (typeof POST_STATES)[number];

export const POST_EVENTS = [
  'submit',
  'withdraw',
  'approveStep',
  'approve',
  'requestChanges',
  'reject',
  'schedule',
  'unschedule',
  'publish',
  'fail',
  'retry',
  'archive',
] as const;
export type PostEvent = (typeof POST_EVENTS)[number];

/**
 * Who may trigger an event, by their relation to the post. `author`: the post's author.
 * `approver`: someone allowed to decide the post's pending approval step, never the author
 * (`canDecide`, `mayApproveStep`). `manager`: someone whose role lets them manage posts on every
 * target page (the API asks CASL). `system`: the publish job, never a person.
 */
export const TRANSITION_ACTORS = ['author', 'approver', 'manager', 'system'] as const;
export type TransitionActor = (typeof TRANSITION_ACTORS)[number];

export interface PostTransition {
  from: readonly PostState[];
  to: PostState;
  actor: TransitionActor;
}

export const POST_TRANSITIONS: Readonly<Record<PostEvent, PostTransition>> = {
  submit: { from: ['DRAFT', 'CHANGES_REQUESTED'], to: 'IN_REVIEW', actor: 'author' },
  withdraw: { from: ['IN_REVIEW', 'APPROVED', 'SCHEDULED', 'FAILED'], to: 'DRAFT', actor: 'author' },
  approveStep: { from: ['IN_REVIEW'], to: 'IN_REVIEW', actor: 'approver' },
  approve: { from: ['IN_REVIEW'], to: 'APPROVED', actor: 'approver' },
  requestChanges: { from: ['IN_REVIEW'], to: 'CHANGES_REQUESTED', actor: 'approver' },
  reject: { from: ['IN_REVIEW'], to: 'REJECTED', actor: 'approver' },
  schedule: { from: ['APPROVED', 'SCHEDULED'], to: 'SCHEDULED', actor: 'manager' },
  unschedule: { from: ['SCHEDULED'], to: 'APPROVED', actor: 'manager' },
  publish: { from: ['SCHEDULED'], to: 'PUBLISHED', actor: 'system' },
  fail: { from: ['SCHEDULED'], to: 'FAILED', actor: 'system' },
  retry: { from: ['FAILED'], to: 'SCHEDULED', actor: 'manager' },
  archive: { from: ['DRAFT', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'FAILED', 'PUBLISHED'], to: 'ARCHIVED', actor: 'manager' },
};

export function isPostState(value: unknown): value is PostState {
  return typeof value === 'string' && (POST_STATES as readonly string[]).includes(value);
}

export function isPostEvent(value: unknown): value is PostEvent {
  return typeof value === 'string' && (POST_EVENTS as readonly string[]).includes(value);
}

/** Where `event` takes a post in `state`, or null when that move does not exist. */
export function nextState(state: PostState, event: PostEvent): PostState | null {
  // Guarded because both values arrive from GraphQL input and stored rows.
  if (!isPostEvent(event) || !isPostState(state)) return null;
  const transition = POST_TRANSITIONS[event];
  return transition.from.includes(state) ? transition.to : null;
}

/** The events a post in `state` accepts, in POST_EVENTS order. */
export function allowedEvents(state: PostState): PostEvent[] {
  return POST_EVENTS.filter((event) => nextState(state, event) !== null);
}

/** Who may trigger `event` (see TRANSITION_ACTORS). */
export function transitionActor(event: PostEvent): TransitionActor {
  return POST_TRANSITIONS[event].actor;
}

/** True when the body, link, media, targets and publish time may change in place. */
export function isEditable(state: PostState): boolean {
  return state === 'DRAFT' || state === 'CHANGES_REQUESTED';
}

/**
 * Whether `userId` may take a reviewer's decision (approve, request changes, reject) on `post`:
 * the post is in review and the user is neither its author nor who submitted it (a market
 * editor submits a cascade child the brand team wrote). Nobody decides on their own post
 * (DESIGN §4), whatever their roles; whether they hold the right role is `mayApproveStep`.
 * The ability's `cannot('approve', …)` rules say the same for lists and the inbox.
 */
export function canDecide(post: { authorId: string; submittedById?: string | null; state: PostState }, userId: string): boolean {
  return post.state === 'IN_REVIEW' && userId !== '' && userId !== post.authorId && userId !== post.submittedById;
}
