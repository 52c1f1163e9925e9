import { addDays, daysBetween } from '../connectors/metrics-connector';
import { AppError, type FieldProblem } from '../errors/app-error';

/** The longest range of days a client may ask for: two years (a leap year included). */
export const MAX_RANGE_DAYS = 731;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC calendar day of `at`, YYYY-MM-DD. */
export const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * A client's range of UTC days, checked: real calendar days, from ≤ to, at most MAX_RANGE_DAYS,
 * and (unless `future` is allowed) not past today. Any problem is BAD_USER_INPUT, one per field.
 */
export function validDayRange(fromInput: unknown, toInput: unknown, options: { future?: boolean } = {}): { from: string; to: string } {
  const problems: FieldProblem[] = [];
  const from = String(fromInput ?? '').trim();
  const to = String(toInput ?? '').trim();
  // 2026-02-30 parses (as 2026-03-02): a real day reads back unchanged.
  const real = (day: string) => DAY.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && addDays(day, 0) === day;
  if (!real(from)) problems.push({ field: 'from', message: 'must be a calendar day YYYY-MM-DD' });
  if (!real(to)) problems.push({ field: 'to', message: 'must be a calendar day YYYY-MM-DD' });
  if (problems.length === 0) {
    if (from > to) problems.push({ field: 'to', message: 'must not be before from' });
    else if (!options.future && to > utcDay(new Date())) problems.push({ field: 'to', message: 'must not be in the future' });
    else if (daysBetween(from, to) > MAX_RANGE_DAYS) problems.push({ field: 'from', message: `the range may cover at most ${MAX_RANGE_DAYS} days` });
  }
  if (problems.length) throw AppError.invalidFields(problems);
  return { from, to };
}
