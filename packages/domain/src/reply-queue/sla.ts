/**
 * Response-time targets of a reply queue (DESIGN §6): a first-response budget counted from the
 * conversation's first message, and a next-response budget counted from the first customer
 * message we have not answered yet, both in business minutes of the market's hours.
 */
import { addBusinessMinutes, businessMinutesBetween, type BusinessHours } from './business-hours';

export interface SlaPolicy {
  firstResponseMinutes: number;
  nextResponseMinutes: number;
  hours: BusinessHours;
}

/** The timestamps of a conversation the SLA depends on. */
export interface SlaConversation {
  /** When the conversation's first inbound message arrived. */
  receivedAt: Date;
  lastCustomerMessageAt: Date;
  firstResponseAt: Date | null;
  /** Our latest reply; defaults to `firstResponseAt`. */
  lastResponseAt?: Date | null;
  /**
   * The first customer message after our latest reply. Defaults to `lastCustomerMessageAt`, but
   * pass it when known: counting from the last message would let every "hello??" restart the
   * clock.
   */
  unansweredSince?: Date | null;
}

export type SlaKind = 'first' | 'next';

export interface SlaDeadline {
  kind: SlaKind;
  dueAt: Date;
}

export type SlaStatus = 'ok' | 'at-risk' | 'breached';

/** The share of a budget, at its end, during which a conversation is shown "at risk". */
export const SLA_AT_RISK_SHARE = 0.2;

/**
 * The reply we owe and when it is due, or null when nothing is owed (our latest reply is not
 * older than the customer's latest message).
 */
export function slaDeadline(conversation: SlaConversation, policy: SlaPolicy): SlaDeadline | null {
  if (conversation.firstResponseAt === null) {
    return { kind: 'first', dueAt: addBusinessMinutes(conversation.receivedAt, policy.firstResponseMinutes, policy.hours) };
  }
  const lastResponseAt = conversation.lastResponseAt ?? conversation.firstResponseAt;
  if (conversation.lastCustomerMessageAt.getTime() <= lastResponseAt.getTime()) return null;
  const since = conversation.unansweredSince ?? conversation.lastCustomerMessageAt;
  return { kind: 'next', dueAt: addBusinessMinutes(since, policy.nextResponseMinutes, policy.hours) };
}

/**
 * Where `now` stands against `deadline`. A reply at `dueAt` itself is on time, so "breached"
 * starts after it. "At risk" is the last SLA_AT_RISK_SHARE (20%) of the budget, measured in
 * business minutes left: a 60-minute budget turns at risk with 12 business minutes to go, and
 * stays so overnight if the office closes then, since nobody can answer before the morning.
 */
export function slaStatus(now: Date, deadline: SlaDeadline, policy: SlaPolicy): SlaStatus {
  if (now.getTime() > deadline.dueAt.getTime()) return 'breached';
  const budget = deadline.kind === 'first' ? policy.firstResponseMinutes : policy.nextResponseMinutes;
  const left = businessMinutesBetween(now, deadline.dueAt, policy.hours);
  return left <= budget * SLA_AT_RISK_SHARE ? 'at-risk' : 'ok';
}
