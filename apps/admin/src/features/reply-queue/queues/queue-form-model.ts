import { asSubject, defineAbilityFor, validateQueueMember, validateReplyQueue, WEEKDAYS, type Grant, type OpeningInterval, type Weekday } from '@pivot/domain';
import type { AssignmentMode, BreachEscalation, CreateReplyQueueInput, ReplyQueueFieldsFragment, UpdateReplyQueueInput } from '../../../gql/graphql';

/** The queue form as typed: numbers as text, a day's hours as "09:00-12:00, 14:00-18:00" (empty: closed). */
export interface QueueFormValues {
  name: string;
  scopePageId: string;
  isDefault: boolean;
  assignmentMode: AssignmentMode;
  firstResponseMinutes: string;
  nextResponseMinutes: string;
  timeZone: string;
  hours: Record<Weekday, string>;
  holidays: string;
  breachEscalation: BreachEscalation;
  breachQueueId: string;
}

export type QueueFormField = Exclude<keyof QueueFormValues, 'hours'> | `hours.${Weekday}` | 'hours';
export type QueueFormIssues = Partial<Record<QueueFormField, string[]>>;

export const ASSIGNMENT_MODE_LABELS: Record<AssignmentMode, string> = {
  PULL: 'Pull: moderators claim the next',
  ROUND_ROBIN: 'Round robin',
  LEAST_LOADED: 'Least loaded',
};
export const BREACH_LABELS: Record<BreachEscalation, string> = {
  FLAG: 'Flag it (raise its priority)',
  QUEUE: 'Escalate to another queue',
  MANAGER: 'Escalate to the market manager',
};
export const DAY_LABELS: Record<Weekday, string> = {
  sunday: 'Sunday',
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
};
/** Monday first, as schedules are read in the markets Pivot serves. */
export const WEEK = [...WEEKDAYS.slice(1), WEEKDAYS[0]] as Weekday[];

export function emptyQueue(scopePageId: string, timeZone: string): QueueFormValues {
  const weekday = '09:00-18:00';
  return {
    name: '',
    scopePageId,
    isDefault: false,
    assignmentMode: 'PULL',
    firstResponseMinutes: '60',
    nextResponseMinutes: '240',
    timeZone,
    hours: { monday: weekday, tuesday: weekday, wednesday: weekday, thursday: weekday, friday: weekday, saturday: '', sunday: '' },
    holidays: '',
    breachEscalation: 'FLAG',
    breachQueueId: '',
  };
}

/**
 * The zone a new queue most likely counts its hours in: that of the queue on the nearest page
 * above (or at) its scope, as the market's own queue already says; else the browser's.
 */
export function suggestedTimeZone(scopeIds: readonly string[], queues: readonly Pick<ReplyQueueFieldsFragment, 'scopePageId' | 'businessHours'>[], fallback: string): string {
  for (const pageId of [...scopeIds].reverse()) {
    const queue = queues.find((candidate) => candidate.scopePageId === pageId);
    if (queue) return queue.businessHours.timeZone;
  }
  return fallback;
}

const intervalsText = (intervals: readonly OpeningInterval[]) => intervals.map((interval) => `${interval.start}-${interval.end}`).join(', ');

export function valuesOfQueue(queue: ReplyQueueFieldsFragment): QueueFormValues {
  const byDay = new Map(queue.businessHours.days.map((day) => [day.day, day.intervals]));
  return {
    name: queue.name,
    scopePageId: queue.scopePageId,
    isDefault: queue.isDefault,
    assignmentMode: queue.assignmentMode,
    firstResponseMinutes: String(queue.firstResponseMinutes),
    nextResponseMinutes: String(queue.nextResponseMinutes),
    timeZone: queue.businessHours.timeZone,
    hours: Object.fromEntries(WEEKDAYS.map((day) => [day, intervalsText(byDay.get(day) ?? [])])) as Record<Weekday, string>,
    holidays: queue.businessHours.holidays.join(', '),
    breachEscalation: queue.breachEscalation,
    breachQueueId: queue.breachQueueId ?? '',
  };
}

/** "09:00-12:00, 14:00–18:00" → intervals; what is not "start-end" keeps its text for the domain to refuse. */
export function parseIntervals(text: string): OpeningInterval[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [start = '', end = ''] = part.split(/\s*[-–]\s*/);
      return { start, end };
    });
}

const listOf = (text: string) => text.split(',').map((value) => value.trim()).filter(Boolean);

function businessHoursOf(values: QueueFormValues) {
  return {
    timeZone: values.timeZone.trim(),
    days: WEEKDAYS.map((day) => ({ day, intervals: parseIntervals(values.hours[day]) })).filter((day) => day.intervals.length > 0),
    holidays: listOf(values.holidays),
  };
}

/**
 * The form field an issue belongs to, from the domain's path (days.monday.0, timeZone) or the
 * API's (input.businessHours.days.monday.0, input.firstResponseMinutes).
 */
export function formFieldOf(path: string): QueueFormField | string {
  const field = path.replace(/^input\./, '').replace(/^businessHours\./, '');
  const day = /^days\.(\w+)/.exec(field)?.[1];
  if (day && (WEEKDAYS as readonly string[]).includes(day)) return `hours.${day}`;
  if (field === 'days') return 'hours';
  return field;
}

/** A whole number as typed ("30"), else NaN for the domain to refuse ("", "1e3", "soon"). */
const wholeNumberOf = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : Number.NaN);

/**
 * Issues the API would answer with BAD_USER_INPUT, found before sending: the domain's
 * validateReplyQueue (the API's own check), with `queueIds` the queues the caller may escalate to.
 */
export function queueIssues(values: QueueFormValues, queueIds: readonly string[] = []): QueueFormIssues {
  const issues: QueueFormIssues = {};
  const add = (field: QueueFormField | string, message: string) => (issues[field as QueueFormField] ??= []).push(message);
  if (!values.scopePageId) add('scopePageId', 'is required');
  const hours = businessHoursOf(values);
  const draft = {
    name: values.name.trim(),
    firstResponseMinutes: wholeNumberOf(values.firstResponseMinutes),
    nextResponseMinutes: wholeNumberOf(values.nextResponseMinutes),
    businessHours: { ...hours, days: Object.fromEntries(hours.days.map((day) => [day.day, day.intervals])) },
    breachEscalation: values.breachEscalation,
    breachQueueId: values.breachEscalation === 'QUEUE' ? values.breachQueueId || null : null,
  };
  for (const issue of validateReplyQueue(draft, { breachQueueIds: queueIds })) add(formFieldOf(issue.field), issue.message);
  return issues;
}

export function createInputOf(values: QueueFormValues): CreateReplyQueueInput {
  return { scopePageId: values.scopePageId, ...updateInputOf(values) } as CreateReplyQueueInput;
}

export function updateInputOf(values: QueueFormValues): UpdateReplyQueueInput {
  return {
    name: values.name.trim(),
    isDefault: values.isDefault,
    assignmentMode: values.assignmentMode,
    firstResponseMinutes: Number(values.firstResponseMinutes),
    nextResponseMinutes: Number(values.nextResponseMinutes),
    businessHours: businessHoursOf(values),
    breachEscalation: values.breachEscalation,
    breachQueueId: values.breachEscalation === 'QUEUE' ? values.breachQueueId : null,
  };
}

export interface Candidate {
  id: string;
  disabled: boolean;
  roles: readonly Grant[];
}

/**
 * Whether the API would take this user as a member: their own roles (the same domain rules)
 * must let them work the queue's conversations.
 */
export function mayWorkQueue(user: Candidate, queue: Pick<ReplyQueueFieldsFragment, 'brandId' | 'scopeIds'>): boolean {
  if (user.disabled) return false;
  const ability = defineAbilityFor({ userId: user.id, grants: user.roles.map((grant) => ({ ...grant, scopeIds: [...grant.scopeIds] })) });
  return ability.can('work', asSubject('Conversation', { brandId: queue.brandId, scopeIds: [...queue.scopeIds] }));
}

/** Capacity and languages as typed in the members panel, checked by the domain's validateQueueMember as the API checks them. */
export function memberIssues(capacity: string, languages: string): { capacity?: string[]; languages?: string[] } {
  const issues: { capacity?: string[]; languages?: string[] } = {};
  for (const issue of validateQueueMember({ capacity: wholeNumberOf(capacity), languages: listOf(languages) })) (issues[issue.field as 'capacity' | 'languages'] ??= []).push(issue.message);
  return issues;
}

export const languagesOf = listOf;
