import { utcDay, validateDayRange } from '@pivot/domain';
import { AppError } from '../errors/app-error';

export { MAX_RANGE_DAYS, utcDay } from '@pivot/domain';

/**
 * A client's range of UTC days, checked by the domain's rule (real days, from ≤ to, at most
 * MAX_RANGE_DAYS, and not past today unless `future` is allowed): BAD_USER_INPUT, one per field.
 */
export function validDayRange(fromInput: unknown, toInput: unknown, options: { future?: boolean } = {}): { from: string; to: string } {
  const from = String(fromInput ?? '').trim();
  const to = String(toInput ?? '').trim();
  const issues = validateDayRange(from, to, options.future ? {} : { today: utcDay(new Date()) });
  if (issues.length) throw AppError.invalidFields(issues);
  return { from, to };
}
