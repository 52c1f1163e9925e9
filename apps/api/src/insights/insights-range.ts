import { addDays, daysBetween } from '@pivot/domain';
import { AppError } from '../errors/app-error';
import { validDayRange } from '../page-metrics/day-range';
import { InsightsGranularity, type InsightsRangeInput } from './insights.types';

export interface InsightsRange {
  from: string;
  to: string;
  granularity: InsightsGranularity;
  previousFrom: string;
  previousTo: string;
}

export interface Bucket {
  start: string;
  end: string;
}

/**
 * A client's range checked like page-metrics' back-fill (real days, from ≤ to, at most 731 days),
 * except that it may reach past today ("this month"): the days to come simply hold nothing yet.
 * The previous period is the same number of days just before `from`.
 */
export function insightsRange(input: InsightsRangeInput | null | undefined): InsightsRange {
  const { from, to } = validDayRange(input?.from, input?.to, { future: true });
  const granularity = input?.granularity ?? InsightsGranularity.DAY;
  if (!Object.values(InsightsGranularity).includes(granularity)) {
    throw AppError.invalidFields([{ field: 'granularity', message: 'must be DAY, WEEK or MONTH' }]);
  }
  const days = daysBetween(from, to);
  return { from, to, granularity, previousFrom: addDays(from, -days), previousTo: addDays(from, -1) };
}

/** The first day of the DAY/WEEK (ISO, Monday)/MONTH bucket holding `day`, unclipped. */
export function bucketStart(day: string, granularity: InsightsGranularity): string {
  if (granularity === InsightsGranularity.MONTH) return `${day.slice(0, 8)}01`;
  if (granularity === InsightsGranularity.WEEK) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return addDays(day, -((weekday + 6) % 7));
  }
  return day;
}

/** The range's buckets in order, the first and last clipped to the range. */
export function buckets(from: string, to: string, granularity: InsightsGranularity): Bucket[] {
  const out: Bucket[] = [];
  let start = bucketStart(from, granularity);
  while (start <= to) {
    const next = granularity === InsightsGranularity.MONTH ? nextMonth(start) : addDays(start, granularity === InsightsGranularity.WEEK ? 7 : 1);
    const end = addDays(next, -1);
    out.push({ start: start < from ? from : start, end: end > to ? to : end });
    start = next;
  }
  return out;
}

function nextMonth(first: string): string {
  const date = new Date(`${first}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 10);
}

/** SQL for the clipped start of the bucket holding `column` (a date), as text YYYY-MM-DD. */
export function bucketSql(column: string, granularity: InsightsGranularity | null, fromParam: string): string {
  if (granularity === null) return `''`;
  if (granularity === InsightsGranularity.DAY) return `to_char(${column}, 'YYYY-MM-DD')`;
  const unit = granularity === InsightsGranularity.WEEK ? 'week' : 'month';
  return `to_char(GREATEST(date_trunc('${unit}', ${column})::date, ${fromParam}::date), 'YYYY-MM-DD')`;
}
