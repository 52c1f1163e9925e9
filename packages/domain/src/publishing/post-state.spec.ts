import {
  allowedEvents,
  canDecide,
  isEditable,
  nextState,
  POST_EVENTS,
  POST_STATES,
  transitionActor,
  type PostEvent,
  type PostState,
} from './post-state';

/** Every move that exists, written out independently of POST_TRANSITIONS. */
const ALLOWED: [PostState, PostEvent, PostState][] = [
  ['DRAFT', 'submit', 'IN_REVIEW'],
  ['CHANGES_REQUESTED', 'submit', 'IN_REVIEW'],
  ['IN_REVIEW', 'withdraw', 'DRAFT'],
  ['APPROVED', 'withdraw', 'DRAFT'],
  ['SCHEDULED', 'withdraw', 'DRAFT'],
  ['FAILED', 'withdraw', 'DRAFT'],
  ['IN_REVIEW', 'approveStep', 'IN_REVIEW'],
  ['IN_REVIEW', 'approve', 'APPROVED'],
  ['IN_REVIEW', 'requestChanges', 'CHANGES_REQUESTED'],
  ['IN_REVIEW', 'reject', 'REJECTED'],
  ['APPROVED', 'schedule', 'SCHEDULED'],
  ['SCHEDULED', 'schedule', 'SCHEDULED'],
  ['SCHEDULED', 'unschedule', 'APPROVED'],
  ['SCHEDULED', 'publish', 'PUBLISHED'],
  ['SCHEDULED', 'fail', 'FAILED'],
  ['FAILED', 'retry', 'SCHEDULED'],
  ['DRAFT', 'archive', 'ARCHIVED'],
  ['CHANGES_REQUESTED', 'archive', 'ARCHIVED'],
  ['APPROVED', 'archive', 'ARCHIVED'],
  ['REJECTED', 'archive', 'ARCHIVED'],
  ['FAILED', 'archive', 'ARCHIVED'],
  ['PUBLISHED', 'archive', 'ARCHIVED'],
];

const REFUSED = POST_STATES.flatMap((state) =>
  POST_EVENTS.filter((event) => !ALLOWED.some(([from, allowed]) => from === state && allowed === event)).map((event) => [state, event] as const),
);

describe('post state machine', () => {
  it.each(ALLOWED)('%s --%s--> %s', (from, event, to) => {
    expect(nextState(from, event)).toBe(to);
  });

  it.each(REFUSED)('refuses %s --%s-->', (from, event) => {
    expect(nextState(from, event)).toBeNull();
  });

  it('covers every state × event pair between the allowed and refused tables', () => {
    expect(ALLOWED.length + REFUSED.length).toBe(POST_STATES.length * POST_EVENTS.length);
  });

  it('refuses unknown states and events from untyped input', () => {
    expect(nextState('LIVE' as PostState, 'submit')).toBeNull();
    expect(nextState('DRAFT', 'publishNow' as PostEvent)).toBeNull();
    expect(nextState('DRAFT', 'toString' as PostEvent)).toBeNull();
  });

  it.each<[PostState, PostEvent[]]>([
    ['DRAFT', ['submit', 'archive']],
    ['IN_REVIEW', ['withdraw', 'approveStep', 'approve', 'requestChanges', 'reject']],
    ['APPROVED', ['withdraw', 'schedule', 'archive']],
    ['SCHEDULED', ['withdraw', 'schedule', 'unschedule', 'publish', 'fail']],
    ['FAILED', ['withdraw', 'retry', 'archive']],
    ['ARCHIVED', []],
  ])('a %s post accepts exactly %j', (state, events) => {
    expect(allowedEvents(state)).toEqual(events);
  });

  it('lets nothing leave ARCHIVED, and lets REJECTED and PUBLISHED posts only be archived', () => {
    expect(allowedEvents('ARCHIVED')).toEqual([]);
    expect(allowedEvents('REJECTED')).toEqual(['archive']);
    expect(allowedEvents('PUBLISHED')).toEqual(['archive']);
  });

  it('lets a post be edited only as a draft or after changes were requested', () => {
    expect(POST_STATES.filter(isEditable)).toEqual(['DRAFT', 'CHANGES_REQUESTED']);
  });
});

describe('who triggers each event', () => {
  it.each<[PostEvent, string]>([
    ['submit', 'author'],
    ['withdraw', 'author'],
    ['approveStep', 'approver'],
    ['approve', 'approver'],
    ['requestChanges', 'approver'],
    ['reject', 'approver'],
    ['schedule', 'manager'],
    ['unschedule', 'manager'],
    ['retry', 'manager'],
    ['archive', 'manager'],
    ['publish', 'system'],
    ['fail', 'system'],
  ])('%s is for the %s', (event, actor) => {
    expect(transitionActor(event)).toBe(actor);
  });
});

describe('canDecide', () => {
  const post = { authorId: 'u-author', state: 'IN_REVIEW' as PostState };

  it('refuses the author a decision on their own post', () => {
    expect(canDecide(post, 'u-author')).toBe(false);
  });

  it('lets someone else decide on a post in review', () => {
    expect(canDecide(post, 'u-manager')).toBe(true);
  });

  it.each(POST_STATES.filter((state) => state !== 'IN_REVIEW'))('refuses decisions on a %s post', (state) => {
    expect(canDecide({ ...post, state }, 'u-manager')).toBe(false);
  });

  it('refuses an anonymous decision', () => {
    expect(canDecide(post, '')).toBe(false);
  });

  it('refuses who submitted the post (a cascade child submitted by a market editor), not its other reviewers', () => {
    const submitted = { ...post, submittedById: 'u-localizer' };
    expect(canDecide(submitted, 'u-localizer')).toBe(false);
    expect(canDecide(submitted, 'u-author')).toBe(false);
    expect(canDecide(submitted, 'u-manager')).toBe(true);
  });
});
