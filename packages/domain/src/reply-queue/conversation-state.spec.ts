import {
  allowedConversationEvents,
  CONVERSATION_EVENT_TYPES,
  CONVERSATION_STATES,
  isLeaseHeld,
  leaseExpiresAt,
  mayReply,
  nextConversationState,
  type ConversationEvent,
  type ConversationEventType,
  type ConversationState,
} from './conversation-state';

const leased = { holderLeased: true };
const lapsed = { holderLeased: false };

/** Every (state, event) pair that is allowed, with where it leads; everything else is refused. */
const ALLOWED: Array<[ConversationState, ConversationEvent, ConversationState]> = [
  ['OPEN', { type: 'claim' }, 'ASSIGNED'],
  ['OPEN', { type: 'escalate' }, 'ESCALATED'],
  ['OPEN', { type: 'release' }, 'OPEN'],
  ['OPEN', { type: 'customerMessage', ...lapsed }, 'OPEN'],
  ['ASSIGNED', { type: 'reply' }, 'WAITING_CUSTOMER'],
  ['ASSIGNED', { type: 'escalate' }, 'ESCALATED'],
  ['ASSIGNED', { type: 'snooze' }, 'SNOOZED'],
  ['ASSIGNED', { type: 'resolve' }, 'RESOLVED'],
  ['ASSIGNED', { type: 'release' }, 'OPEN'],
  ['ASSIGNED', { type: 'customerMessage', ...leased }, 'ASSIGNED'],
  ['WAITING_CUSTOMER', { type: 'customerMessage', ...leased }, 'ASSIGNED'],
  ['WAITING_CUSTOMER', { type: 'customerMessage', ...lapsed }, 'OPEN'],
  ['WAITING_CUSTOMER', { type: 'snooze' }, 'SNOOZED'],
  ['WAITING_CUSTOMER', { type: 'escalate' }, 'ESCALATED'],
  ['WAITING_CUSTOMER', { type: 'resolve' }, 'RESOLVED'],
  ['WAITING_CUSTOMER', { type: 'release' }, 'WAITING_CUSTOMER'],
  ['SNOOZED', { type: 'wake', ...leased }, 'ASSIGNED'],
  ['SNOOZED', { type: 'wake', ...lapsed }, 'OPEN'],
  ['SNOOZED', { type: 'customerMessage', ...leased }, 'ASSIGNED'],
  ['SNOOZED', { type: 'customerMessage', ...lapsed }, 'OPEN'],
  ['SNOOZED', { type: 'resolve' }, 'RESOLVED'],
  ['SNOOZED', { type: 'release' }, 'SNOOZED'],
  ['ESCALATED', { type: 'claim' }, 'ASSIGNED'],
  ['ESCALATED', { type: 'release' }, 'ESCALATED'],
  ['ESCALATED', { type: 'customerMessage', ...lapsed }, 'ESCALATED'],
  ['RESOLVED', { type: 'customerMessage', ...leased }, 'ASSIGNED'],
  ['RESOLVED', { type: 'customerMessage', ...lapsed }, 'OPEN'],
  ['RESOLVED', { type: 'release' }, 'RESOLVED'],
];

function eventOf(type: ConversationEventType): ConversationEvent {
  return type === 'wake' || type === 'customerMessage' ? { type, holderLeased: false } : { type };
}

describe('nextConversationState', () => {
  it.each(ALLOWED)('%s + %j → %s', (state, event, expected) => {
    expect(nextConversationState(state, event)).toBe(expected);
  });

  const refused = CONVERSATION_STATES.flatMap((state) =>
    CONVERSATION_EVENT_TYPES.filter((type) => !ALLOWED.some(([s, e]) => s === state && e.type === type)).map(
      (type) => [state, type] as const,
    ),
  );

  it.each(refused)('refuses %s + %s', (state, type) => {
    expect(nextConversationState(state, eventOf(type))).toBeNull();
  });

  it.each([
    ['reply to an unclaimed conversation', 'OPEN', 'reply'],
    ['claim a conversation someone holds', 'ASSIGNED', 'claim'],
    ['reply to a resolved conversation without a new message', 'RESOLVED', 'reply'],
    ['resolve an escalated conversation nobody has claimed', 'ESCALATED', 'resolve'],
  ] as const)('does not let a moderator %s', (_label, state, type) => {
    expect(nextConversationState(state, eventOf(type))).toBeNull();
  });

  it('keeps a customer message on an escalated conversation escalated whatever the lease', () => {
    expect(nextConversationState('ESCALATED', { type: 'customerMessage', holderLeased: true })).toBe('ESCALATED');
  });
});

describe('allowedConversationEvents', () => {
  it.each<[ConversationState, ConversationEventType[]]>([
    ['OPEN', ['claim', 'release', 'escalate', 'customerMessage']],
    ['ASSIGNED', ['release', 'reply', 'escalate', 'snooze', 'resolve', 'customerMessage']],
    ['RESOLVED', ['release', 'customerMessage']],
  ])('lists what %s accepts', (state, events) => {
    expect(allowedConversationEvents(state)).toEqual(events);
  });
});

describe('leases', () => {
  const now = new Date('2026-03-03T10:00:00Z');
  const held = { holderId: 'mod-1', leaseExpiresAt: new Date('2026-03-03T10:05:00Z') };

  it('expires a lease the given seconds after the last activity', () => {
    expect(leaseExpiresAt(new Date('2026-03-03T10:00:00Z'), 300)).toEqual(new Date('2026-03-03T10:05:00Z'));
  });

  it.each([[0], [-30], [Number.NaN]])('refuses a lease of %s seconds', (seconds) => {
    expect(() => leaseExpiresAt(now, seconds)).toThrow(RangeError);
  });

  it.each<[string, { holderId: string | null; leaseExpiresAt: Date | null }, string, Date, boolean]>([
    ['lets the holder reply while the lease holds', held, 'mod-1', now, true],
    ['refuses another moderator', held, 'mod-2', now, false],
    ['refuses the holder once the lease has lapsed', held, 'mod-1', new Date('2026-03-03T10:05:00Z'), false],
    ['refuses everyone when nobody holds it', { holderId: null, leaseExpiresAt: null }, 'mod-1', now, false],
    ['refuses a holder without a lease', { holderId: 'mod-1', leaseExpiresAt: null }, 'mod-1', now, false],
  ])('mayReply %s', (_label, conversation, userId, at, expected) => {
    expect(mayReply(conversation, userId, at)).toBe(expected);
  });

  it('sees a lease as held until its expiry instant, excluded', () => {
    expect(isLeaseHeld(held, new Date('2026-03-03T10:04:59.999Z'))).toBe(true);
    expect(isLeaseHeld(held, new Date('2026-03-03T10:05:00Z'))).toBe(false);
  });
});
