/**
 * The date range of the Insights screen: presets and a custom range, checked by the rule the API
 * applies (@pivot/domain day-range: UTC days `YYYY-MM-DD`, both inclusive, at most 731 days), and
 * the bucket size that keeps a chart readable.
 */
import { addDays, daysBetween, isCalendarDay, MAX_RANGE_DAYS, utcDay, validateDayRange } from '@pivot/domain';

export { addDays, MAX_RANGE_DAYS };
export const isDay = isCalendarDay;
export const dayOf = utcDay;

export const RANGE_PRESETS = ['7d', '30d', '90d', 'month', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const PRESET_LABELS: Record<RangePreset, string> = {
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  month: 'This month',
  custom: 'Custom',
};

export type Granularity = 'DAY' | 'WEEK' | 'MONTH';

export interface DayRange {
  from: string;
  to: string;
}

/** Days in the range, both ends counted. */
export function daysIn(range: DayRange): number {
  return daysBetween(range.from, range.to);
}

/**
 * The rolling presets end yesterday: today's rollups are still filling, and a partial day
 * would read as a drop against the previous period. "This month" runs to today.
 */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: string): DayRange {
  const yesterday = addDays(today, -1);
  switch (preset) {
    case '7d':
      return { from: addDays(yesterday, -6), to: yesterday };
    case '30d':
      return { from: addDays(yesterday, -29), to: yesterday };
    case '90d':
      return { from: addDays(yesterday, -89), to: yesterday };
    case 'month':
      return { from: `${today.slice(0, 8)}01`, to: today };
  }
}

/** Why a custom range cannot be asked for, or null when it can: the API's rule, in the screen's words. */
export function rangeProblem(range: { from: string | null; to: string | null }): string | null {
  if (!range.from || !range.to) return 'Pick a start and an end day.';
  const [issue] = validateDayRange(range.from, range.to);
  if (!issue) return null;
  if (!isCalendarDay(range.from) || !isCalendarDay(range.to)) return 'Days are written YYYY-MM-DD.';
  return issue.field === 'to' ? 'The start day is after the end day.' : `A range covers at most ${MAX_RANGE_DAYS} days (two years).`;
}

/** Around 7 to 60 points a chart: days up to a month, weeks up to half a year, then months. */
export function granularityFor(range: DayRange): Granularity {
  const days = daysIn(range);
  if (days <= 31) return 'DAY';
  if (days <= 183) return 'WEEK';
  return 'MONTH';
}

/** "1 Sep – 30 Sep 2026", for headings and what-happened messages. */
export function formatRange(range: DayRange): string {
  const format = (day: string, withYear: boolean) =>
    new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' });
  if (range.from === range.to) return format(range.from, true);
  return `${format(range.from, range.from.slice(0, 4) !== range.to.slice(0, 4))} – ${format(range.to, true)}`;
}
