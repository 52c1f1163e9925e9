/**
 * Business-hours arithmetic in a market's own time zone, for SLA deadlines.
 *
 * Opening intervals are wall-clock times ("09:00"–"18:00") in `timeZone`; each calendar day is
 * turned into absolute instants with @date-fns/tz, so DST days come out right: the Paris day of
 * the spring change has a 09:00–18:00 that lasts 9 hours like any other, and an interval across
 * the change (01:00–04:00) lasts only the hours the clock actually shows (2 in March, 4 in
 * October). A wall-clock time that does not exist that day (02:30 in the March gap) is read as
 * the same offset later (03:30), as @date-fns/tz does.
 *
 * Not supported: intervals across midnight (22:00–02:00). Split them into 22:00–24:00 on one day
 * and 00:00–02:00 on the next; "24:00" is accepted as an end for that reason.
 */
import { TZDate } from '@date-fns/tz';
import type { FieldIssue } from '../tree/page-draft.types';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** "HH:MM" local times, start < end within one day; end may be "24:00". */
export interface OpeningInterval {
  start: string;
  end: string;
}

export interface BusinessHours {
  /** IANA zone of the market, e.g. "Europe/Paris". */
  timeZone: string;
  /** Opening intervals per weekday; a missing or empty day is closed. */
  days: Partial<Record<Weekday, readonly OpeningInterval[]>>;
  /** Closed days, "YYYY-MM-DD" in the market's zone. */
  holidays?: readonly string[];
}

const MINUTE_MS = 60_000;
/** How far ahead a deadline is searched before the hours are declared never open (10 years). */
const MAX_DAYS_SEARCHED = 3_660;

/** The issues of `hours` as a form would show them. */
export function validateBusinessHours(hours: BusinessHours): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isTimeZone(hours.timeZone)) issues.push({ field: 'timeZone', message: `${hours.timeZone} is not an IANA time zone` });
  let openIntervals = 0;
  for (const day of WEEKDAYS) {
    const intervals = hours.days?.[day] ?? [];
    const parsed: Array<[number, number]> = [];
    intervals.forEach((interval, index) => {
      const field = `days.${day}.${index}`;
      const start = minuteOfDay(interval.start, false);
      const end = minuteOfDay(interval.end, true);
      if (start === null) return issues.push({ field, message: `start ${interval.start} is not a HH:MM time` });
      if (end === null) return issues.push({ field, message: `end ${interval.end} is not a HH:MM time` });
      if (start >= end) {
        return issues.push({ field, message: `${interval.start}–${interval.end}: start must be before end; split intervals across midnight` });
      }
      parsed.push([start, end]);
    });
    parsed.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < parsed.length; i++) {
      if (parsed[i]![0] < parsed[i - 1]![1]) issues.push({ field: `days.${day}`, message: 'intervals overlap' });
    }
    openIntervals += parsed.length;
  }
  if (openIntervals === 0) issues.push({ field: 'days', message: 'at least one day needs opening hours' });
  for (const holiday of hours.holidays ?? []) {
    if (!isIsoDate(holiday)) issues.push({ field: 'holidays', message: `${holiday} is not a YYYY-MM-DD date` });
  }
  return issues;
}

/**
 * The instant at which `minutes` business minutes have elapsed since `from`. Time outside the
 * hours does not count: an item arriving on Saturday starts its clock at Monday's opening, and
 * zero minutes gives that opening. Throws RangeError for invalid hours or a negative budget.
 */
export function addBusinessMinutes(from: Date, minutes: number, hours: BusinessHours): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`business minutes must be ≥ 0, got ${minutes}`);
  const key = assertValid(hours);
  let remaining = minutes * MINUTE_MS;
  const start = from.getTime();
  for (const [open, close] of openIntervalsFrom(from, hours, key)) {
    const begin = Math.max(open, start);
    if (close <= begin) continue;
    if (remaining <= close - begin) return new Date(begin + remaining);
    remaining -= close - begin;
  }
  throw new RangeError(`business hours never open within ${MAX_DAYS_SEARCHED} days`);
}

/** Business minutes between `from` and `to`; 0 when `to` is not after `from`. */
export function businessMinutesBetween(from: Date, to: Date, hours: BusinessHours): number {
  const key = assertValid(hours);
  const start = from.getTime();
  const stop = to.getTime();
  let total = 0;
  if (stop <= start) return 0;
  for (const [open, close] of openIntervalsFrom(from, hours, key)) {
    if (open >= stop) break;
    total += Math.max(0, Math.min(close, stop) - Math.max(open, start));
  }
  return total / MINUTE_MS;
}

/**
 * The opening intervals as [open, close] epoch milliseconds, in time order, from the local day
 * of `from` onwards (earlier intervals of that day included; callers clip them).
 */
function* openIntervalsFrom(from: Date, hours: BusinessHours, key: string): Generator<[number, number]> {
  const local = new TZDate(from.getTime(), hours.timeZone);
  const holidays = new Set(hours.holidays ?? []);
  // Days are walked on a plain UTC calendar, which has no DST: only the wall-clock → instant
  // conversion below needs the zone.
  const firstDay = Date.UTC(local.getFullYear(), local.getMonth(), local.getDate());
  for (let offset = 0; offset < MAX_DAYS_SEARCHED; offset++) {
    const day = new Date(firstDay + offset * 86_400_000);
    const [year, month, date] = [day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()];
    if (holidays.has(isoDate(year, month, date))) continue;
    yield* dayIntervals(hours, key, day);
  }
}

/**
 * One local day's opening intervals as instants, remembered by hours and day: turning wall-clock
 * times into instants in a zone is the costly step, and metrics ask for the same days again and again.
 */
const dayCache = new Map<string, ReadonlyArray<[number, number]>>();
const DAY_CACHE_MAX = 20_000;

function dayIntervals(hours: BusinessHours, key: string, day: Date): ReadonlyArray<[number, number]> {
  const cacheKey = `${day.getTime()}|${key}`;
  const cached = dayCache.get(cacheKey);
  if (cached) return cached;
  const [year, month, date] = [day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()];
  const at = (minute: number) => new TZDate(year, month, date, Math.floor(minute / 60), minute % 60, hours.timeZone).getTime();
  const intervals = [...(hours.days[WEEKDAYS[day.getUTCDay()]!] ?? [])]
    .map((interval) => [minuteOfDay(interval.start, false)!, minuteOfDay(interval.end, true)!] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([start, end]): [number, number] => [at(start), at(end)]);
  if (dayCache.size >= DAY_CACHE_MAX) dayCache.clear();
  dayCache.set(cacheKey, intervals);
  return intervals;
}

/**
 * Validation outcomes by the hours' JSON: validating builds an Intl formatter for the zone, which
 * costs more than the arithmetic itself when metrics time thousands of replies in one queue's hours.
 */
const validated = new Map<string, string | null>();
const VALIDATED_MAX = 1_000;

/** Throws for invalid hours; answers their JSON, the key of the caches. */
const keys = new WeakMap<BusinessHours, string>();

function assertValid(hours: BusinessHours): string {
  // The same hours object (one per queue) is asked about again and again: its JSON is kept with it.
  let key = keys.get(hours);
  if (key === undefined) keys.set(hours, (key = JSON.stringify(hours)));
  let problem = validated.get(key);
  if (problem === undefined) {
    const issues = validateBusinessHours(hours);
    problem = issues.length > 0 ? `invalid business hours: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}` : null;
    if (validated.size >= VALIDATED_MAX) validated.clear();
    validated.set(key, problem);
  }
  if (problem !== null) throw new RangeError(problem);
  return key;
}

/** Minutes since local midnight for "HH:MM", or null; "24:00" only where an end is read. */
function minuteOfDay(time: string, isEnd: boolean): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time ?? '');
  if (match) return Number(match[1]) * 60 + Number(match[2]);
  return isEnd && time === '24:00' ? 24 * 60 : null;
}

function isTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  return isoDate(year, month, date) === value && new Date(Date.UTC(year, month, date)).getUTCDate() === date;
}

function isoDate(year: number, month: number, date: number): string {
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}
