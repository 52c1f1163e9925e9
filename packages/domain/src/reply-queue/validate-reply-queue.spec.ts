import { SLA_MAX_MINUTES, validateQueueMember, validateReplyQueue, type ReplyQueueDraft } from './validate-reply-queue';

const queue: ReplyQueueDraft = {
  name: 'FR replies',
  firstResponseMinutes: 60,
  nextResponseMinutes: 240,
  businessHours: { timeZone: 'Europe/Paris', days: { monday: [{ start: '09:00', end: '18:00' }] }, holidays: [] },
  breachEscalation: 'FLAG',
  breachQueueId: null,
};

describe('validateReplyQueue', () => {
  it('accepts a named queue with SLA budgets within a week and open hours', () => {
    expect(validateReplyQueue(queue)).toEqual([]);
    expect(validateReplyQueue({ ...queue, firstResponseMinutes: 1, nextResponseMinutes: SLA_MAX_MINUTES })).toEqual([]);
  });

  it('requires a name of at most 120 characters', () => {
    expect(validateReplyQueue({ ...queue, name: '' })).toEqual([{ field: 'name', message: 'is required' }]);
    expect(validateReplyQueue({ ...queue, name: 'x'.repeat(121) })).toEqual([{ field: 'name', message: 'is longer than 120 characters' }]);
  });

  it('refuses SLA minutes below 1, beyond a week or not whole', () => {
    expect(SLA_MAX_MINUTES).toBe(10080);
    const message = 'must be between 1 and 10080 minutes';
    expect(validateReplyQueue({ ...queue, firstResponseMinutes: 0, nextResponseMinutes: 10081 })).toEqual([
      { field: 'firstResponseMinutes', message },
      { field: 'nextResponseMinutes', message },
    ]);
    expect(validateReplyQueue({ ...queue, firstResponseMinutes: 1.5, nextResponseMinutes: Number.NaN }).map((issue) => issue.field)).toEqual(['firstResponseMinutes', 'nextResponseMinutes']);
  });

  it("puts the business hours' issues under businessHours.*", () => {
    const issues = validateReplyQueue({ ...queue, businessHours: { timeZone: 'Mars/Olympus', days: {} } });
    expect(issues.map((issue) => issue.field)).toEqual(['businessHours.timeZone', 'businessHours.days']);
  });

  it('escalating to a queue needs one, not this queue, and one the caller may read', () => {
    const toQueue = { ...queue, id: 'q1', breachEscalation: 'QUEUE' as const };
    expect(validateReplyQueue({ ...toQueue, breachQueueId: null })).toEqual([{ field: 'breachQueueId', message: 'is required to escalate to another queue' }]);
    expect(validateReplyQueue({ ...toQueue, breachQueueId: 'q1' }, { breachQueueIds: ['q1', 'q2'] })).toEqual([{ field: 'breachQueueId', message: 'is this queue' }]);
    expect(validateReplyQueue({ ...toQueue, breachQueueId: 'q3' }, { breachQueueIds: ['q2'] })).toEqual([{ field: 'breachQueueId', message: 'is not a queue you may read' }]);
    expect(validateReplyQueue({ ...toQueue, breachQueueId: 'q2' }, { breachQueueIds: ['q2'] })).toEqual([]);
  });

  it('refuses a breach queue unless escalating to a queue', () => {
    expect(validateReplyQueue({ ...queue, breachEscalation: 'MANAGER', breachQueueId: 'q2' })).toEqual([{ field: 'breachQueueId', message: 'is only for breachEscalation QUEUE' }]);
  });

  it('lists the breach issue first, then name, minutes and hours', () => {
    const issues = validateReplyQueue({ ...queue, name: '', firstResponseMinutes: 0, breachEscalation: 'QUEUE', businessHours: { timeZone: 'UTC', days: {} } });
    expect(issues.map((issue) => issue.field)).toEqual(['breachQueueId', 'name', 'firstResponseMinutes', 'businessHours.days']);
  });
});

describe('validateQueueMember', () => {
  it('takes a capacity of 1 to 1000 and BCP 47 languages', () => {
    expect(validateQueueMember({ capacity: 1, languages: ['fr', 'en-GB'] })).toEqual([]);
    expect(validateQueueMember({ capacity: 1000, languages: [] })).toEqual([]);
  });

  it('refuses a capacity of 0, 1001 or a fraction, and each tag that is no language', () => {
    for (const capacity of [0, 1001, 2.5, Number.NaN]) expect(validateQueueMember({ capacity, languages: [] })).toEqual([{ field: 'capacity', message: 'must be between 1 and 1000' }]);
    expect(validateQueueMember({ capacity: 2, languages: ['fr', 'not a tag'] })).toEqual([{ field: 'languages', message: 'not a tag is not a BCP 47 language tag' }]);
  });
});
