import { addBusinessMinutes, businessMinutesBetween, validateBusinessHours, type BusinessHours } from './business-hours';

const weekdays = (intervals: BusinessHours['days']['monday']) => ({
  monday: intervals,
  tuesday: intervals,
  wednesday: intervals,
  thursday: intervals,
  friday: intervals,
});

const paris: BusinessHours = {
  timeZone: 'Europe/Paris',
  days: weekdays([{ start: '09:00', end: '18:00' }]),
  holidays: ['2026-05-01'],
};
const parisWithLunch: BusinessHours = {
  timeZone: 'Europe/Paris',
  days: weekdays([
    { start: '14:00', end: '18:00' },
    { start: '09:00', end: '12:30' },
  ]),
};
const saoPaulo: BusinessHours = { timeZone: 'America/Sao_Paulo', days: weekdays([{ start: '08:00', end: '17:00' }]) };
const tokyo: BusinessHours = { timeZone: 'Asia/Tokyo', days: weekdays([{ start: '09:00', end: '18:00' }]) };
const parisAlwaysOpen: BusinessHours = {
  timeZone: 'Europe/Paris',
  days: Object.fromEntries(
    ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].map((day) => [day, [{ start: '00:00', end: '24:00' }]]),
  ),
};
const parisNightShift: BusinessHours = { timeZone: 'Europe/Paris', days: { sunday: [{ start: '01:00', end: '04:00' }] } };

const at = (iso: string) => new Date(iso);

describe('addBusinessMinutes', () => {
  it.each<[string, BusinessHours, string, number, string]>([
    ['counts within one open interval', paris, '2026-03-03T10:00:00+01:00', 90, '2026-03-03T11:30:00+01:00'],
    ['ends exactly at closing time', paris, '2026-03-03T17:00:00+01:00', 60, '2026-03-03T18:00:00+01:00'],
    ['carries the rest to the next morning', paris, '2026-03-03T17:30:00+01:00', 60, '2026-03-04T09:30:00+01:00'],
    ['starts the clock at opening for an early message', paris, '2026-03-03T07:12:00+01:00', 30, '2026-03-03T09:30:00+01:00'],
    ['starts the clock next morning for a late message', paris, '2026-03-03T21:00:00+01:00', 30, '2026-03-04T09:30:00+01:00'],
    ['skips the weekend from Friday evening', paris, '2026-03-06T17:30:00+01:00', 60, '2026-03-09T09:30:00+01:00'],
    ['starts a Saturday message on Monday', paris, '2026-03-07T11:00:00+01:00', 15, '2026-03-09T09:15:00+01:00'],
    ['gives the next opening for zero minutes outside hours', paris, '2026-03-07T11:00:00+01:00', 0, '2026-03-09T09:00:00+01:00'],
    ['gives the instant itself for zero minutes inside hours', paris, '2026-03-03T10:00:00+01:00', 0, '2026-03-03T10:00:00+01:00'],
    ['skips a holiday (1 May, a Friday) and the weekend', paris, '2026-04-30T17:30:00+02:00', 60, '2026-05-04T09:30:00+02:00'],
    ['spans several business days', paris, '2026-03-02T09:00:00+01:00', 3 * 540 + 60, '2026-03-05T10:00:00+01:00'],
    ['skips the lunch break', parisWithLunch, '2026-03-03T12:00:00+01:00', 60, '2026-03-03T14:30:00+01:00'],
    ['starts a lunchtime message after lunch', parisWithLunch, '2026-03-03T13:00:00+01:00', 10, '2026-03-03T14:10:00+01:00'],
    ['crosses the March DST change over a weekend', paris, '2026-03-27T17:00:00+01:00', 120, '2026-03-30T10:00:00+02:00'],
    ['crosses the October DST change over a weekend', paris, '2026-10-23T17:00:00+02:00', 120, '2026-10-26T10:00:00+01:00'],
    ['counts the short night of the March change (01:00–04:00 is 2 h)', parisNightShift, '2026-03-29T00:00:00+01:00', 120, '2026-03-29T04:00:00+02:00'],
    ['counts the long night of the October change (01:00–04:00 is 4 h)', parisNightShift, '2026-10-25T00:00:00+02:00', 240, '2026-10-25T04:00:00+01:00'],
    ['works in São Paulo (UTC−3)', saoPaulo, '2026-03-06T16:30:00-03:00', 60, '2026-03-09T08:30:00-03:00'],
    ['uses the Tokyo calendar day, not the UTC one', tokyo, '2026-03-02T23:00:00Z', 30, '2026-03-03T09:30:00+09:00'],
    ['treats a Tokyo Friday evening that is still Friday in UTC as after hours', tokyo, '2026-03-06T10:00:00Z', 60, '2026-03-09T10:00:00+09:00'],
  ])('%s', (_label, hours, from, minutes, expected) => {
    expect(addBusinessMinutes(at(from), minutes, hours).toISOString()).toBe(at(expected).toISOString());
  });

  it('refuses a negative budget', () => {
    expect(() => addBusinessMinutes(at('2026-03-03T10:00:00Z'), -1, paris)).toThrow(RangeError);
  });

  it('refuses invalid hours instead of looping', () => {
    expect(() => addBusinessMinutes(at('2026-03-03T10:00:00Z'), 10, { timeZone: 'Europe/Paris', days: {} })).toThrow(
      /at least one day needs opening hours/,
    );
  });
});

describe('businessMinutesBetween', () => {
  it.each<[string, BusinessHours, string, string, number]>([
    ['counts within a day', paris, '2026-03-03T10:00:00+01:00', '2026-03-03T12:15:00+01:00', 135],
    ['counts nothing overnight', paris, '2026-03-03T18:00:00+01:00', '2026-03-04T09:00:00+01:00', 0],
    ['skips the weekend', paris, '2026-03-06T17:00:00+01:00', '2026-03-09T10:00:00+01:00', 120],
    ['skips a holiday', paris, '2026-04-30T17:00:00+02:00', '2026-05-04T10:00:00+02:00', 120],
    ['skips the lunch break', parisWithLunch, '2026-03-03T12:00:00+01:00', '2026-03-03T14:30:00+01:00', 60],
    ['answers 0 when to is before from', paris, '2026-03-03T12:00:00+01:00', '2026-03-03T10:00:00+01:00', 0],
    ['counts 23 hours on the Paris day of the March change', parisAlwaysOpen, '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00', 23 * 60],
    ['counts 25 hours on the Paris day of the October change', parisAlwaysOpen, '2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00', 25 * 60],
    ['counts São Paulo hours in its own zone', saoPaulo, '2026-03-02T11:00:00Z', '2026-03-02T20:00:00Z', 540],
    ['counts Tokyo hours in its own zone', tokyo, '2026-03-02T00:00:00Z', '2026-03-02T09:00:00Z', 540],
  ])('%s', (_label, hours, from, to, expected) => {
    expect(businessMinutesBetween(at(from), at(to), hours)).toBe(expected);
  });

  it('agrees with addBusinessMinutes', () => {
    const from = at('2026-03-27T15:20:00+01:00');
    const due = addBusinessMinutes(from, 777, parisWithLunch);
    expect(businessMinutesBetween(from, due, parisWithLunch)).toBe(777);
  });
});

describe('validateBusinessHours', () => {
  it('accepts several intervals a day and 24:00 as an end', () => {
    expect(validateBusinessHours(parisWithLunch)).toEqual([]);
    expect(validateBusinessHours(parisAlwaysOpen)).toEqual([]);
  });

  it.each<[string, Partial<BusinessHours>, { field: string; message: RegExp }]>([
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }, { field: 'timeZone', message: /not an IANA time zone/ }],
    ['an interval across midnight', { days: { friday: [{ start: '22:00', end: '02:00' }] } }, { field: 'days.friday.0', message: /start must be before end; split intervals across midnight/ }],
    ['an empty interval', { days: { friday: [{ start: '09:00', end: '09:00' }] } }, { field: 'days.friday.0', message: /start must be before end/ }],
    ['a malformed start', { days: { friday: [{ start: '9:00', end: '18:00' }] } }, { field: 'days.friday.0', message: /start 9:00 is not a HH:MM time/ }],
    ['24:00 as a start', { days: { friday: [{ start: '24:00', end: '24:00' }] } }, { field: 'days.friday.0', message: /start 24:00/ }],
    ['overlapping intervals', { days: { friday: [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '18:00' }] } }, { field: 'days.friday', message: /overlap/ }],
    ['a malformed holiday', { holidays: ['2026-02-30'] }, { field: 'holidays', message: /2026-02-30 is not a YYYY-MM-DD date/ }],
  ])('reports %s', (_label, overrides, expected) => {
    const issues = validateBusinessHours({ ...paris, ...overrides });
    expect(issues).toContainEqual({ field: expected.field, message: expect.stringMatching(expected.message) });
  });

  it('reports hours that are never open', () => {
    expect(validateBusinessHours({ timeZone: 'Asia/Tokyo', days: { monday: [] } })).toEqual([
      { field: 'days', message: 'at least one day needs opening hours' },
    ]);
  });
});
