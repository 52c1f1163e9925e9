import type { ReplyQueueFieldsFragment } from '../../../gql/graphql';
import { createInputOf, emptyQueue, formFieldOf, suggestedTimeZone, mayWorkQueue, memberIssues, parseIntervals, queueIssues, updateInputOf, valuesOfQueue } from './queue-form-model';

const queue: ReplyQueueFieldsFragment = {
  id: 'q1',
  brandId: 'b',
  scopePageId: 'fr',
  scopeIds: ['g', 'emea', 'fr'],
  name: 'FR replies',
  isDefault: true,
  firstResponseMinutes: 30,
  nextResponseMinutes: 120,
  assignmentMode: 'LEAST_LOADED',
  breachEscalation: 'QUEUE',
  breachQueueId: 'q2',
  waitingCount: 0,
  version: 3,
  businessHours: {
    timeZone: 'Europe/Paris',
    days: [
      { day: 'monday', intervals: [{ start: '09:00', end: '12:00' }, { start: '14:00', end: '18:00' }] },
      { day: 'saturday', intervals: [{ start: '10:00', end: '13:00' }] },
    ],
    holidays: ['2026-12-25'],
  },
  members: [],
};

describe('queue form values', () => {
  it("round-trips a queue's hours, SLA and escalation through the form into the API's input", () => {
    const values = valuesOfQueue(queue);
    expect(values.hours).toMatchObject({ monday: '09:00-12:00, 14:00-18:00', saturday: '10:00-13:00', tuesday: '' });
    expect(updateInputOf(values)).toEqual({
      name: 'FR replies',
      isDefault: true,
      assignmentMode: 'LEAST_LOADED',
      firstResponseMinutes: 30,
      nextResponseMinutes: 120,
      breachEscalation: 'QUEUE',
      breachQueueId: 'q2',
      businessHours: { timeZone: 'Europe/Paris', days: queue.businessHours.days, holidays: ['2026-12-25'] },
    });
  });

  it('creates under the picked page, and drops the breach queue unless escalating to a queue', () => {
    const input = createInputOf({ ...emptyQueue('fr', 'Europe/Paris'), name: ' New ', breachQueueId: 'q2' });
    expect(input).toMatchObject({ scopePageId: 'fr', name: 'New', breachEscalation: 'FLAG', breachQueueId: null, firstResponseMinutes: 60 });
    expect(input.businessHours.days.map((day) => day.day)).toEqual(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']);
  });

  it('reads intervals typed with a hyphen or an en dash, and keeps a malformed one for the domain to refuse', () => {
    expect(parseIntervals('09:00-12:00 , 14:00 – 18:00,')).toEqual([{ start: '09:00', end: '12:00' }, { start: '14:00', end: '18:00' }]);
    expect(parseIntervals('9h')).toEqual([{ start: '9h', end: '' }]);
  });
});

describe('suggestedTimeZone', () => {
  it("takes the zone of the queue on the nearest page above, else the fallback", () => {
    const queues = [
      { scopePageId: 'g', businessHours: { ...queue.businessHours, timeZone: 'UTC' } },
      { scopePageId: 'fr', businessHours: queue.businessHours },
    ];
    expect(suggestedTimeZone(['g', 'emea', 'fr', 'fr-business'], queues, 'America/New_York')).toBe('Europe/Paris');
    expect(suggestedTimeZone(['g', 'emea'], queues, 'America/New_York')).toBe('UTC');
    expect(suggestedTimeZone(['other'], queues, 'America/New_York')).toBe('America/New_York');
  });
});

describe('queueIssues', () => {
  it('accepts the default new queue once named', () => {
    expect(queueIssues({ ...emptyQueue('fr', 'Europe/Paris'), name: 'FR' })).toEqual({});
  });

  it('puts each problem under its field: name, SLA minutes, time zone, a day, the whole week, holidays, breach queue', () => {
    const closed = { monday: '', tuesday: '', wednesday: '', thursday: '', friday: '', saturday: '', sunday: '' };
    expect(queueIssues({ ...emptyQueue('fr', 'Mars/Olympus'), firstResponseMinutes: '0', nextResponseMinutes: 'soon', hours: closed, holidays: '25/12', breachEscalation: 'QUEUE' })).toEqual({
      name: ['is required'],
      firstResponseMinutes: [expect.stringMatching(/between 1 and/)],
      nextResponseMinutes: [expect.stringMatching(/between 1 and/)],
      timeZone: [expect.stringMatching(/Mars\/Olympus/)],
      hours: [expect.any(String)],
      holidays: [expect.stringMatching(/25\/12/)],
      breachQueueId: [expect.any(String)],
    });
    const issues = queueIssues({ ...emptyQueue('fr', 'Europe/Paris'), name: 'FR', hours: { ...closed, monday: '18:00-09:00', tuesday: '09:00-12:00, 11:00-13:00' } });
    expect(Object.keys(issues).sort()).toEqual(['hours.monday', 'hours.tuesday']);
  });

  it('refuses a name past 120 characters, counted without the spaces the form trims', () => {
    const values = { ...emptyQueue('fr', 'Europe/Paris'), name: ` ${'x'.repeat(120)} ` };
    expect(queueIssues(values)).toEqual({});
    expect(queueIssues({ ...values, name: 'x'.repeat(121) })).toEqual({ name: ['is longer than 120 characters'] });
  });

  it('ignores a breach queue left over once escalation is no longer to a queue, as the input sent drops it', () => {
    expect(queueIssues({ ...emptyQueue('fr', 'Europe/Paris'), name: 'FR', breachEscalation: 'MANAGER', breachQueueId: 'q2' })).toEqual({});
  });

  it('refuses a breach queue the caller cannot read', () => {
    const values = { ...emptyQueue('fr', 'Europe/Paris'), name: 'FR', breachEscalation: 'QUEUE' as const, breachQueueId: 'elsewhere' };
    expect(queueIssues(values, ['q2'])).toEqual({ breachQueueId: ['is not a queue you may read'] });
    expect(queueIssues({ ...values, breachQueueId: 'q2' }, ['q2'])).toEqual({});
  });
});

describe('formFieldOf', () => {
  it("maps the API's BAD_USER_INPUT paths to the form's fields", () => {
    expect(formFieldOf('input.businessHours.days.monday.0')).toBe('hours.monday');
    expect(formFieldOf('businessHours.days')).toBe('hours');
    expect(formFieldOf('businessHours.timeZone')).toBe('timeZone');
    expect(formFieldOf('input.firstResponseMinutes')).toBe('firstResponseMinutes');
    expect(formFieldOf('name')).toBe('name');
  });
});

describe('members', () => {
  const fr = { brandId: 'b', scopeIds: ['g', 'emea', 'fr'] };
  const grant = (role: string, scopeIds: string[]) => ({ role, brandId: 'b', scopePageId: scopeIds.at(-1)!, scopeIds });

  it("offers FR's moderators and managers for FR's queue, not ES's moderator, an analyst or a disabled user", () => {
    expect(mayWorkQueue({ id: 'm', disabled: false, roles: [grant('MODERATOR', ['g', 'emea', 'fr'])] }, fr)).toBe(true);
    expect(mayWorkQueue({ id: 'mm', disabled: false, roles: [grant('MARKET_MANAGER', ['g', 'emea', 'fr'])] }, fr)).toBe(true);
    expect(mayWorkQueue({ id: 'es', disabled: false, roles: [grant('MODERATOR', ['g', 'emea', 'es'])] }, fr)).toBe(false);
    expect(mayWorkQueue({ id: 'a', disabled: false, roles: [grant('ANALYST', ['g', 'emea', 'fr'])] }, fr)).toBe(false);
    expect(mayWorkQueue({ id: 'd', disabled: true, roles: [grant('MODERATOR', ['g', 'emea', 'fr'])] }, fr)).toBe(false);
  });

  it('checks capacity and languages as the API does', () => {
    expect(memberIssues('3', 'fr, en-GB')).toEqual({});
    expect(memberIssues('0', 'fr, not a tag')).toEqual({ capacity: ['must be between 1 and 1000'], languages: ['not a tag is not a BCP 47 language tag'] });
  });
});
