import type { PostState } from '@pivot/domain';

/** The calendar's two grids: seven days, or the weeks that cover a month. */
export type CalendarView = 'week' | 'month';

/** What the calendar shows: what will go out, and what went out (or failed) in the days shown. */
export const CALENDAR_STATES: readonly PostState[] = ['SCHEDULED', 'PUBLISHED', 'FAILED'];

export interface CalendarRange {
  /** First day shown, at local midnight. */
  from: Date;
  /** The day after the last day shown, at local midnight (exclusive, as the API's publishBefore). */
  before: Date;
  /** Every day shown, in order: 7 for a week, a multiple of 7 for a month. */
  days: Date[];
}

function midnight(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

function addDays(date: Date, days: number): Date {
  // Through the calendar fields, not milliseconds, so a daylight-saving change keeps midnight.
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** Monday of the week that holds `date` (weeks start on Monday, as in the markets we serve). */
export function startOfWeek(date: Date): Date {
  const day = midnight(date);
  return addDays(day, -((day.getDay() + 6) % 7));
}

/** The days the grid shows around `anchor`, in the user's time zone. */
export function calendarRange(view: CalendarView, anchor: Date): CalendarRange {
  let from: Date;
  let count: number;
  if (view === 'week') {
    from = startOfWeek(anchor);
    count = 7;
  } else {
    from = startOfWeek(new Date(anchor.getFullYear(), anchor.getMonth(), 1));
    const last = new Date(anchor.getFullYear(), anchor.getMonth() + 1, 0);
    const end = addDays(startOfWeek(last), 7);
    count = Math.round((end.getTime() - from.getTime()) / 86_400_000);
  }
  const days = Array.from({ length: count }, (_unused, index) => addDays(from, index));
  return { from, before: addDays(from, count), days };
}

/** The anchor one grid earlier (`step` -1) or later (+1). */
export function shiftAnchor(view: CalendarView, anchor: Date, step: number): Date {
  if (view === 'week') return addDays(midnight(anchor), 7 * step);
  return new Date(anchor.getFullYear(), anchor.getMonth() + step, 1);
}

/** A local calendar day as `YYYY-MM-DD`, the key posts are grouped by. */
export function dayKey(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export interface CalendarPost {
  id: string;
  publishAt?: string | null;
}

/** Posts by the local day of their publish time, each day in time order; days without posts are absent. */
export function postsByDay<T extends CalendarPost>(posts: readonly T[]): Map<string, T[]> {
  const byDay = new Map<string, T[]>();
  const timed = posts.filter((post) => post.publishAt).sort((a, b) => Date.parse(a.publishAt!) - Date.parse(b.publishAt!) || a.id.localeCompare(b.id));
  for (const post of timed) {
    const key = dayKey(new Date(post.publishAt!));
    byDay.set(key, [...(byDay.get(key) ?? []), post]);
  }
  return byDay;
}

export interface FreezeView {
  marketPageId?: string | null;
}

export interface HeldCandidate {
  state: PostState;
  held: boolean;
  targets: readonly { scopeIds: readonly string[] }[];
}

/**
 * Whether a freeze holds the post: the API says so once a send is due (`held`); before that, a
 * scheduled post under a brand-wide freeze or with a target in a frozen market will wait too.
 */
export function isHeld(post: HeldCandidate, freezes: readonly FreezeView[]): boolean {
  if (post.held) return true;
  if (post.state !== 'SCHEDULED') return false;
  return freezes.some((freeze) => !freeze.marketPageId || post.targets.some((page) => page.scopeIds.includes(freeze.marketPageId!)));
}

/**
 * The freezes that concern what the user sees: a brand-wide one, and those of markets the user
 * may read (the others are not theirs to know about, and hold nothing they see).
 */
export function visibleFreezes<T extends FreezeView>(freezes: readonly T[], readablePageIds: ReadonlySet<string>): T[] {
  return freezes.filter((freeze) => !freeze.marketPageId || readablePageIds.has(freeze.marketPageId));
}
