import { calendarRange, dayKey, isHeld, postsByDay, shiftAnchor, startOfWeek, visibleFreezes } from './calendar-model';

// Local times throughout: the grid is in the user's time zone, whatever the machine's is.
const local = (year: number, month: number, day: number, hour = 0) => new Date(year, month - 1, day, hour);

describe('calendar grid', () => {
  it('starts a week on Monday, whatever the day asked for (a Sunday belongs to the week before)', () => {
    expect(dayKey(startOfWeek(local(2026, 12, 1, 15)))).toBe('2026-11-30');
    expect(dayKey(startOfWeek(local(2026, 12, 6, 23)))).toBe('2026-11-30');
    expect(dayKey(startOfWeek(local(2026, 12, 7)))).toBe('2026-12-07');
  });

  it('shows a week as seven days, the range ending at the next Monday midnight (exclusive)', () => {
    const week = calendarRange('week', local(2026, 12, 3, 10));
    expect(week.days.map(dayKey)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(week.from).toEqual(local(2026, 11, 30));
    expect(week.before).toEqual(local(2026, 12, 7));
  });

  it('shows a month as the whole weeks that cover it', () => {
    const december = calendarRange('month', local(2026, 12, 17));
    expect(dayKey(december.days[0]!)).toBe('2026-11-30');
    expect(dayKey(december.days.at(-1)!)).toBe('2027-01-03');
    expect(december.days).toHaveLength(35);
    // February 2027 starts on a Monday and ends on a Sunday: exactly four weeks.
    expect(calendarRange('month', local(2027, 2, 10)).days).toHaveLength(28);
    // March 2026 starts on a Sunday: six rows.
    expect(calendarRange('month', local(2026, 3, 10)).days).toHaveLength(42);
  });

  it('keeps whole days across a daylight-saving change', () => {
    const week = calendarRange('week', local(2026, 3, 25));
    expect(week.days.every((day) => day.getHours() === 0)).toBe(true);
    expect(week.days.map(dayKey)).toEqual(['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29']);
    expect(dayKey(calendarRange('week', local(2026, 3, 30)).from)).toBe('2026-03-30');
  });

  it('moves a week by seven days and a month to the first of the next or previous month', () => {
    expect(dayKey(shiftAnchor('week', local(2026, 12, 30, 8), 1))).toBe('2027-01-06');
    expect(dayKey(shiftAnchor('month', local(2026, 1, 31), 1))).toBe('2026-02-01');
    expect(dayKey(shiftAnchor('month', local(2026, 1, 15), -1))).toBe('2025-12-01');
  });
});

describe('postsByDay', () => {
  it('groups posts by the local day of their publish time, each day in time order, leaving out posts without one', () => {
    const posts = [
      { id: 'late', publishAt: local(2026, 12, 2, 18).toISOString() },
      { id: 'none', publishAt: null },
      { id: 'early', publishAt: local(2026, 12, 2, 8).toISOString() },
      { id: 'next', publishAt: local(2026, 12, 3, 9).toISOString() },
    ];
    const byDay = postsByDay(posts);
    expect([...byDay.keys()]).toEqual(['2026-12-02', '2026-12-03']);
    expect(byDay.get('2026-12-02')!.map((post) => post.id)).toEqual(['early', 'late']);
  });
});

describe('freezes', () => {
  const fr = { scopeIds: ['g', 'emea', 'fr'] };
  const frSegment = { scopeIds: ['g', 'emea', 'fr', 'fr-consumer'] };
  const es = { scopeIds: ['g', 'emea', 'es'] };

  it('holds a scheduled post under a brand-wide freeze or with a target in a frozen market, and nothing else', () => {
    expect(isHeld({ state: 'SCHEDULED', held: false, targets: [frSegment] }, [{ marketPageId: 'fr' }])).toBe(true);
    expect(isHeld({ state: 'SCHEDULED', held: false, targets: [es, fr] }, [{ marketPageId: 'fr' }])).toBe(true);
    expect(isHeld({ state: 'SCHEDULED', held: false, targets: [es] }, [{ marketPageId: null }])).toBe(true);
    expect(isHeld({ state: 'SCHEDULED', held: false, targets: [es] }, [{ marketPageId: 'fr' }])).toBe(false);
    expect(isHeld({ state: 'PUBLISHED', held: false, targets: [fr] }, [{ marketPageId: 'fr' }])).toBe(false);
  });

  it("trusts the API's held flag for a due post", () => {
    expect(isHeld({ state: 'SCHEDULED', held: true, targets: [es] }, [])).toBe(true);
  });

  it('shows the brand-wide freeze to everyone and a market freeze only to those who read that market', () => {
    const freezes = [{ id: 'brand', marketPageId: null }, { id: 'fr', marketPageId: 'fr' }, { id: 'es', marketPageId: 'es' }];
    expect(visibleFreezes(freezes, new Set(['g', 'fr'])).map((freeze) => freeze.id)).toEqual(['brand', 'fr']);
  });
});
