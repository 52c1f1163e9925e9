/**
 * Ranges of UTC calendar days (`YYYY-MM-DD`, both ends included), as the metrics back-fill and
 * the Insights queries take them and the Insights screen offers them: one rule for both apps.
 */
import type { FieldIssue } from '../tree/page-draft.types';

/** The longest range of days a client may ask for: two years (a leap year included). */
export const MAX_RANGE_DAYS = 731;

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC calendar day of `at`. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** A calendar day `days` after `day` (UTC arithmetic: days have no time zone here). */
export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** Days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1);
}

/** A real calendar day: 2026-02-30 parses (as 2026-03-02), so a real day must read back unchanged. */
export function isCalendarDay(value: string): boolean {
  return DAY_PATTERN.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && addDays(value, 0) === value;
}

/**
 * What is wrong with a range, one issue per field: real days, from ≤ to, at most MAX_RANGE_DAYS,
 * and not past `today` when it is given (a back-fill cannot fetch the future).
 */
export function validateDayRange(from: string, to: string, { today }: { today?: string } = {}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isCalendarDay(from)) issues.push({ field: 'from', message: 'must be a calendar day YYYY-MM-DD' });
  if (!isCalendarDay(to)) issues.push({ field: 'to', message: 'must be a calendar day YYYY-MM-DD' });
  if (issues.length) return issues;
  if (from > to) return [{ field: 'to', message: 'must not be before from' }];
  if (today && to > today) return [{ field: 'to', message: 'must not be in the future' }];
  if (daysBetween(from, to) > MAX_RANGE_DAYS) return [{ field: 'from', message: `the range may cover at most ${MAX_RANGE_DAYS} days` }];
  return [];
}
