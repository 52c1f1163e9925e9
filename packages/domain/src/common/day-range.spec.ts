import { addDays, daysBetween, isCalendarDay, MAX_RANGE_DAYS, validateDayRange } from './day-range';

describe('day ranges', () => {
  it('counts both ends and steps across months and leap days', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(3);
    expect(daysBetween('2024-03-02', '2024-03-01')).toBe(0);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });

  it('takes real calendar days only: 30 February or a timestamp is not one', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('2026-02-28T00:00:00Z')).toBe(false);
  });

  it('refuses a reversed range, one longer than two years, and a future end only when today is given', () => {
    expect(validateDayRange('2026-03-10', '2026-03-01')).toEqual([{ field: 'to', message: 'must not be before from' }]);
    expect(validateDayRange('2024-01-01', addDays('2024-01-01', MAX_RANGE_DAYS - 1))).toEqual([]);
    expect(validateDayRange('2024-01-01', addDays('2024-01-01', MAX_RANGE_DAYS))).toEqual([{ field: 'from', message: `the range may cover at most ${MAX_RANGE_DAYS} days` }]);
    expect(validateDayRange('2026-12-01', '2026-12-31', { today: '2026-12-06' })).toEqual([{ field: 'to', message: 'must not be in the future' }]);
    expect(validateDayRange('2026-12-01', '2026-12-31')).toEqual([]);
    expect(validateDayRange('x', '2026-02-30').map((issue) => issue.field)).toEqual(['from', 'to']);
  });
});
