import { addDays, daysIn, formatRange, granularityFor, isDay, presetRange, rangeProblem } from './insights-range';

describe('presetRange', () => {
  it('ends the rolling presets yesterday and counts both ends', () => {
    expect(presetRange('7d', '2026-12-06')).toEqual({ from: '2026-11-29', to: '2026-12-05' });
    expect(daysIn(presetRange('30d', '2026-12-06'))).toBe(30);
    expect(presetRange('90d', '2026-03-01')).toEqual({ from: '2025-12-01', to: '2026-02-28' });
  });

  it('runs "this month" from its first day to today, also on the first', () => {
    expect(presetRange('month', '2026-12-06')).toEqual({ from: '2026-12-01', to: '2026-12-06' });
    expect(presetRange('month', '2026-12-01')).toEqual({ from: '2026-12-01', to: '2026-12-01' });
  });
});

describe('rangeProblem', () => {
  it('accepts a range the API accepts', () => {
    expect(rangeProblem({ from: '2026-01-01', to: '2026-01-01' })).toBeNull();
    expect(rangeProblem({ from: '2025-01-01', to: addDays('2025-01-01', 730) })).toBeNull();
  });

  it('refuses what the API would answer BAD_USER_INPUT to: reversed, over two years, not a day', () => {
    expect(rangeProblem({ from: '2026-02-01', to: '2026-01-01' })).toMatch(/after the end/);
    expect(rangeProblem({ from: '2025-01-01', to: addDays('2025-01-01', 731) })).toMatch(/at most 731 days/);
    expect(rangeProblem({ from: '2026-02-30', to: '2026-03-01' })).toMatch(/YYYY-MM-DD/);
    expect(rangeProblem({ from: null, to: '2026-03-01' })).toMatch(/Pick/);
    expect(isDay('2026-2-1')).toBe(false);
  });
});

describe('granularityFor', () => {
  it('buckets by day up to a month, by week up to half a year, then by month', () => {
    expect(granularityFor({ from: '2026-01-01', to: '2026-01-31' })).toBe('DAY');
    expect(granularityFor({ from: '2026-01-01', to: '2026-03-31' })).toBe('WEEK');
    expect(granularityFor({ from: '2025-01-01', to: '2026-01-01' })).toBe('MONTH');
  });
});

describe('formatRange', () => {
  it('names the year once when both ends share it', () => {
    expect(formatRange({ from: '2026-09-01', to: '2026-09-30' })).toMatch(/^1 \S+ – 30 \S+ 2026$/);
    expect(formatRange({ from: '2025-12-20', to: '2026-01-02' })).toMatch(/2025 – .*2026$/);
  });
});
