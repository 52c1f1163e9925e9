/**
 * The life of a conversation in a reply queue (DESIGN §6), as a transition table the API
 * enforces and the admin app reads to decide which buttons to show.
 *
 * OPEN              waiting in its queue, nobody holds it
 * ASSIGNED          claimed by one moderator, who holds it under a lease
 * WAITING_CUSTOMER  we replied; the ball is in the customer's court
 * SNOOZED           put aside until a time or a customer message
 * ESCALATED         handed up (by a moderator or the SLA-breach job), waiting for a senior
 * RESOLVED          done, until the customer writes again
 *
 * Decisions:
 * - A moderator acts on what they hold: reply, snooze and resolve start from ASSIGNED (resolve
 *   and snooze also from WAITING_CUSTOMER, whose holder may still be leased). The service checks
 *   the holder with `mayReply`; this table only checks the state.
 * - Escalating drops the holder: an ESCALATED conversation is claimed again (by a senior), which
 *   makes it ASSIGNED; the escalation itself stays on record in the audit trail.
 * - A new customer message reopens WAITING_CUSTOMER, SNOOZED and RESOLVED. It goes back to its
 *   holder (ASSIGNED) when the holder's lease still holds, since they have the context and the
 *   customer gets the same voice; otherwise to the queue (OPEN). Waking a snoozed conversation
 *   follows the same rule. In OPEN, ASSIGNED and ESCALATED the message changes nothing: someone
 *   already owes an answer.
 * - A lapsed lease (`release`) sends ASSIGNED back to OPEN; elsewhere it only clears the holder.
 */
export const CONVERSATION_STATES = ['OPEN', 'ASSIGNED', 'WAITING_CUSTOMER', 'SNOOZED', 'ESCALATED', 'RESOLVED'] as const;
export type ConversationState = (typeof CONVERSATION_STATES)[number];

export type ConversationEvent =
  | { type: 'claim' }
  | { type: 'release' }
  | { type: 'reply' }
  | { type: 'escalate' }
  | { type: 'snooze' }
  | { type: 'wake'; holderLeased: boolean }
  | { type: 'resolve' }
  | { type: 'customerMessage'; holderLeased: boolean };

export type ConversationEventType = ConversationEvent['type'];

export const CONVERSATION_EVENT_TYPES = [
  'claim',
  'release',
  'reply',
  'escalate',
  'snooze',
  'wake',
  'resolve',
  'customerMessage',
] as const satisfies readonly ConversationEventType[];

type Transition = ConversationState | ((event: ConversationEvent) => ConversationState);

/** Back to the holder while their lease holds, else to the queue. */
const reopen: Transition = (event) => ('holderLeased' in event && event.holderLeased ? 'ASSIGNED' : 'OPEN');

const TRANSITIONS: Record<ConversationState, Partial<Record<ConversationEventType, Transition>>> = {
  OPEN: { claim: 'ASSIGNED', escalate: 'ESCALATED', release: 'OPEN', customerMessage: 'OPEN' },
  ASSIGNED: {
    reply: 'WAITING_CUSTOMER',
    escalate: 'ESCALATED',
    snooze: 'SNOOZED',
    resolve: 'RESOLVED',
    release: 'OPEN',
    customerMessage: 'ASSIGNED',
  },
  WAITING_CUSTOMER: {
    customerMessage: reopen,
    snooze: 'SNOOZED',
    escalate: 'ESCALATED',
    resolve: 'RESOLVED',
    release: 'WAITING_CUSTOMER',
  },
  SNOOZED: { wake: reopen, customerMessage: reopen, resolve: 'RESOLVED', release: 'SNOOZED' },
  ESCALATED: { claim: 'ASSIGNED', release: 'ESCALATED', customerMessage: 'ESCALATED' },
  RESOLVED: { customerMessage: reopen, release: 'RESOLVED' },
};

/** The state after `event`, or null when `event` is not allowed in `state` (a CONFLICT). */
export function nextConversationState(state: ConversationState, event: ConversationEvent): ConversationState | null {
  const transition = TRANSITIONS[state]?.[event.type];
  if (transition === undefined) return null;
  return typeof transition === 'function' ? transition(event) : transition;
}

/** The events `state` accepts, in CONVERSATION_EVENT_TYPES order: what the admin app may offer. */
export function allowedConversationEvents(state: ConversationState): ConversationEventType[] {
  return CONVERSATION_EVENT_TYPES.filter((type) => TRANSITIONS[state]?.[type] !== undefined);
}

/** Who holds a conversation and until when. */
export interface ConversationLease {
  holderId: string | null;
  leaseExpiresAt: Date | null;
}

/** When a lease renewed by activity at `lastActivityAt` lapses. */
export function leaseExpiresAt(lastActivityAt: Date, leaseSeconds: number): Date {
  if (!Number.isFinite(leaseSeconds) || leaseSeconds <= 0) throw new RangeError(`lease must be > 0 seconds, got ${leaseSeconds}`);
  return new Date(lastActivityAt.getTime() + leaseSeconds * 1000);
}

/** True while someone holds the conversation: a holder and a lease that has not lapsed at `now`. */
export function isLeaseHeld(conversation: ConversationLease, now: Date): boolean {
  return (
    conversation.holderId !== null &&
    conversation.leaseExpiresAt !== null &&
    now.getTime() < conversation.leaseExpiresAt.getTime()
  );
}

/**
 * Only the holder replies, and only while the lease holds: once it lapses, `claimNext` may hand
 * the conversation to someone else, and two moderators must never answer the same customer.
 */
export function mayReply(conversation: ConversationLease, userId: string, now: Date): boolean {
  return isLeaseHeld(conversation, now) && conversation.holderId === userId;
}
