/**
 * How Insights figures read: counts with separators, rates as percentages (conversation rates
 * are often below 1 %, so small ones keep two decimals), durations in the largest sensible unit,
 * and a figure's change against the previous period, judged good or bad by its direction.
 */
export type FigureKind = 'count' | 'rate' | 'duration';
/** Which way is better: more followers is good, a longer first response is not. */
export type Better = 'up' | 'down';

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const NO_VALUE = '—';

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? NO_VALUE : COUNT.format(value);
}

/**
 * A number of percent (or points) readable at any size: two significant digits below 1 (a
 * brand-wide conversation rate can be 0.0021 %), two decimals below 10, then one.
 */
export function formatPercentNumber(percent: number): string {
  const size = Math.abs(percent);
  if (size === 0) return '0';
  if (size < 0.000001) return percent > 0 ? '< 0.000001' : '> −0.000001';
  if (size < 1) return percent.toPrecision(2);
  return percent.toFixed(size < 10 ? 2 : 1);
}

/** 0.0042 → "0.42 %", 0.37 → "37.0 %", 0.0000205 → "0.0021 %". */
export function formatRate(value: number | null | undefined): string {
  if (value === null || value === undefined) return NO_VALUE;
  return `${formatPercentNumber(value * 100)} %`;
}

/** 42 → "42 s", 150 → "2.5 min", 7200 → "2.0 h", 172800 → "2.0 d". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return NO_VALUE;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${(seconds / 60).toFixed(1)} min`;
  if (seconds < 86_400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
}

export function formatFigure(kind: FigureKind, value: number | null | undefined): string {
  return kind === 'count' ? formatCount(value) : kind === 'rate' ? formatRate(value) : formatDuration(value);
}

export interface Change {
  /** The direction of the figure itself. */
  direction: 'up' | 'down' | 'flat';
  /** Whether the change is for the better; null when flat or unknown. */
  good: boolean | null;
  /** "+12.5 %" for counts and durations (relative), "+0.12 pt" for rates (percentage points). */
  label: string;
}

/**
 * The change from the previous period. Null when either side is missing, or a count or
 * duration starts from zero (no relative change exists).
 */
export function changeOf(kind: FigureKind, current: number | null | undefined, previous: number | null | undefined, better: Better): Change | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  let amount: number;
  let label: string;
  if (kind === 'rate') {
    amount = (current - previous) * 100;
    label = `${amount > 0 ? '+' : amount < 0 ? '−' : ''}${formatPercentNumber(Math.abs(amount))} pt`;
  } else {
    if (previous === 0) return current === 0 ? { direction: 'flat', good: null, label: '±0 %' } : null;
    amount = ((current - previous) / Math.abs(previous)) * 100;
    label = `${signed(amount, 1)} %`;
  }
  // A change that rounds to zero is no change.
  if (amount === 0 || Number(label.replace(/[^\d.]/g, '')) === 0) return { direction: 'flat', good: null, label: kind === 'rate' ? '±0 pt' : '±0 %' };
  const direction = amount > 0 ? 'up' : 'down';
  return { direction, good: direction === better, label };
}

function signed(value: number, digits: number): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(digits)}`;
}
