/**
 * What a reply queue and its members must satisfy before they are stored (DESIGN §6): the API runs
 * it in its write transaction, the admin's queue form while the user types. Issues name the
 * API's input paths (`businessHours.timeZone`, `breachQueueId`); the form maps them to its fields.
 */
import { validateName } from '../common/name-limit';
import { isLanguageTag } from '../tree/language-tag';
import type { FieldIssue } from '../tree/page-draft.types';
import { validateBusinessHours, type BusinessHours } from './business-hours';

/** A week of SLA minutes: a budget beyond that is a typo, not a policy. */
export const SLA_MAX_MINUTES = 7 * 24 * 60;
/** Conversations one member may hold at once. */
export const QUEUE_MEMBER_MAX_CAPACITY = 1000;

export const BREACH_ESCALATIONS = ['FLAG', 'QUEUE', 'MANAGER'] as const;
export type BreachEscalation = (typeof BREACH_ESCALATIONS)[number];

export interface ReplyQueueDraft {
  /** Set on an update: a queue cannot escalate its breaches to itself. */
  id?: string;
  /** Trimmed by the caller, as stored. */
  name: string;
  firstResponseMinutes: number;
  nextResponseMinutes: number;
  businessHours: BusinessHours;
  breachEscalation: BreachEscalation;
  breachQueueId: string | null;
}

export interface ReplyQueueValidationContext {
  /**
   * The queues breaches may escalate to: readable by the caller and of the queue's brand. Omitted,
   * the target is not checked beyond being named.
   */
  breachQueueIds?: readonly string[];
}

/** Every issue of `queue` (empty when valid), breach target first, as the API has always listed them. */
export function validateReplyQueue(queue: ReplyQueueDraft, context: ReplyQueueValidationContext = {}): FieldIssue[] {
  const issues: FieldIssue[] = [...breachIssues(queue, context)];
  issues.push(...validateName(queue.name));
  for (const field of ['firstResponseMinutes', 'nextResponseMinutes'] as const) {
    const minutes = queue[field];
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > SLA_MAX_MINUTES) issues.push({ field, message: `must be between 1 and ${SLA_MAX_MINUTES} minutes` });
  }
  for (const issue of validateBusinessHours(queue.businessHours)) issues.push({ field: `businessHours.${issue.field}`, message: issue.message });
  return issues;
}

/** QUEUE needs another queue the caller may read; the other escalations take none. */
function breachIssues(queue: ReplyQueueDraft, context: ReplyQueueValidationContext): FieldIssue[] {
  const issue = (message: string) => [{ field: 'breachQueueId', message }];
  if (queue.breachEscalation !== 'QUEUE') return queue.breachQueueId ? issue('is only for breachEscalation QUEUE') : [];
  if (!queue.breachQueueId) return issue('is required to escalate to another queue');
  if (queue.breachQueueId === queue.id) return issue('is this queue');
  if (context.breachQueueIds && !context.breachQueueIds.includes(queue.breachQueueId)) return issue('is not a queue you may read');
  return [];
}

/** A member's capacity (conversations held at once) and the BCP 47 tags of the languages they answer in. */
export function validateQueueMember(member: { capacity: number; languages: readonly string[] }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { capacity } = member;
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > QUEUE_MEMBER_MAX_CAPACITY) {
    issues.push({ field: 'capacity', message: `must be between 1 and ${QUEUE_MEMBER_MAX_CAPACITY}` });
  }
  for (const tag of member.languages) if (!isLanguageTag(tag)) issues.push({ field: 'languages', message: `${tag} is not a BCP 47 language tag` });
  return issues;
}
