import type { BusinessHours } from '../reply-queue/business-hours';
import { conversationMetricSamples, type MetricQueue } from './conversation-metrics';

const weekdays = (hours: { start: string; end: string }[]) =>
  Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((day) => [day, hours]));
const parisOffice: BusinessHours = { timeZone: 'Europe/Paris', days: weekdays([{ start: '09:00', end: '18:00' }]) };
const parisEveryDay: BusinessHours = {
  timeZone: 'Europe/Paris',
  days: Object.fromEntries(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].map((day) => [day, [{ start: '00:00', end: '24:00' }]])),
};
const queue = (hours: BusinessHours = parisOffice): MetricQueue => ({ id: 'q-fr', firstResponseMinutes: 60, nextResponseMinutes: 30, hours });
const at = (iso: string) => new Date(iso);
const pick = (samples: ReturnType<typeof conversationMetricSamples>, metric: string) => samples.filter((sample) => sample.metric === metric);

describe('conversationMetricSamples', () => {
  it('times a first reply from the first message, credits its sender and judges the first-response SLA', () => {
    const samples = conversationMetricSamples({
      kind: 'reply', at: at('2026-03-03T10:45:00+01:00'), senderId: 'bob', queue: queue(), first: true, owedSince: at('2026-03-03T10:00:00+01:00'),
    });
    expect(pick(samples, 'first_response')).toEqual([{ metric: 'first_response', moderatorId: 'bob', seconds: 2_700, businessSeconds: 2_700 }]);
    expect(pick(samples, 'answered')).toHaveLength(1);
    expect(pick(samples, 'sla_met')).toEqual([{ metric: 'sla_met', moderatorId: 'bob', seconds: null, businessSeconds: null }]);
    expect(pick(samples, 'first_sla_met')).toEqual([{ metric: 'first_sla_met', moderatorId: 'bob', seconds: null, businessSeconds: null }]);
  });

  it('counts a conversation answered in time once for the funnel: a later reply within its SLA is sla_met, never first_sla_met, nor is a late first reply', () => {
    const next = conversationMetricSamples({ kind: 'reply', at: at('2026-03-03T10:05:00+01:00'), senderId: 'bob', queue: queue(), first: false, owedSince: at('2026-03-03T10:00:00+01:00') });
    expect(pick(next, 'sla_met')).toHaveLength(1);
    expect(pick(next, 'first_sla_met')).toEqual([]);
    const late = conversationMetricSamples({ kind: 'reply', at: at('2026-03-04T10:00:00+01:00'), senderId: 'bob', queue: queue(), first: true, owedSince: at('2026-03-03T10:00:00+01:00') });
    expect(pick(late, 'sla_breached')).toHaveLength(1);
    expect(pick(late, 'first_sla_met')).toEqual([]);
  });

  it('counts a Friday-evening message answered on Monday morning in business hours only, across the weekend', () => {
    const [, , timed, sla] = conversationMetricSamples({
      kind: 'reply', at: at('2026-03-09T09:30:00+01:00'), senderId: 'bob', queue: queue(), first: true, owedSince: at('2026-03-06T17:30:00+01:00'),
    });
    expect(timed).toMatchObject({ metric: 'first_response', seconds: (2 * 24 + 16) * 3_600, businessSeconds: 3_600 });
    expect(sla).toMatchObject({ metric: 'sla_met' });
  });

  it.each([
    ['the March change (a 23-hour Sunday)', '2026-03-28T12:00:00+01:00', '2026-03-29T12:00:00+02:00', 23 * 3_600],
    ['the October change (a 25-hour Sunday)', '2026-10-24T12:00:00+02:00', '2026-10-25T12:00:00+01:00', 25 * 3_600],
  ])('counts business time across %s as the Paris clock shows it', (_label, from, to, seconds) => {
    const [, , timed] = conversationMetricSamples({ kind: 'reply', at: at(to), senderId: 'bob', queue: queue(parisEveryDay), first: true, owedSince: at(from) });
    expect(timed).toMatchObject({ seconds, businessSeconds: seconds });
  });

  it('counts only Paris office hours over a weekend that holds the October change', () => {
    const [, , timed] = conversationMetricSamples({
      kind: 'reply', at: at('2026-10-26T09:10:00+01:00'), senderId: 'bob', queue: queue(), first: true, owedSince: at('2026-10-23T17:50:00+02:00'),
    });
    expect(timed).toMatchObject({ businessSeconds: 20 * 60 });
  });

  it('gives a reopened conversation a next response, never a second first response', () => {
    const samples = conversationMetricSamples({
      kind: 'reply', at: at('2026-03-10T10:20:00+01:00'), senderId: 'ann', queue: queue(), first: false, owedSince: at('2026-03-10T10:00:00+01:00'),
    });
    expect(pick(samples, 'first_response')).toEqual([]);
    expect(pick(samples, 'answered')).toEqual([]);
    expect(pick(samples, 'next_response')).toEqual([{ metric: 'next_response', moderatorId: 'ann', seconds: 1_200, businessSeconds: 1_200 }]);
  });

  it('breaches the next-response SLA past its budget in business time', () => {
    const samples = conversationMetricSamples({
      kind: 'reply', at: at('2026-03-10T11:00:00+01:00'), senderId: 'ann', queue: queue(), first: false, owedSince: at('2026-03-10T10:00:00+01:00'),
    });
    expect(pick(samples, 'sla_breached')).toHaveLength(1);
  });

  it('times nothing for a reply when the customer wrote nothing since our previous one', () => {
    const samples = conversationMetricSamples({ kind: 'reply', at: at('2026-03-10T11:00:00Z'), senderId: 'ann', queue: queue(), first: false, owedSince: null });
    expect(samples.map((sample) => sample.metric)).toEqual(['replies']);
  });

  it('times a resolution from the start of its episode and credits who resolved it', () => {
    const samples = conversationMetricSamples({
      kind: 'resolved', at: at('2026-03-10T12:00:00+01:00'), actorId: 'ann', queue: queue(), episodeStart: at('2026-03-10T10:00:00+01:00'),
    });
    expect(samples).toEqual([
      { metric: 'resolved', moderatorId: 'ann', seconds: null, businessSeconds: null },
      { metric: 'resolution', moderatorId: 'ann', seconds: 7_200, businessSeconds: 7_200 },
    ]);
  });

  it('keeps the wall clock but no business time nor SLA when the queue is unknown', () => {
    const samples = conversationMetricSamples({ kind: 'reply', at: at('2026-03-10T11:00:00Z'), senderId: 'ann', queue: null, first: true, owedSince: at('2026-03-10T10:00:00Z') });
    expect(pick(samples, 'first_response')).toEqual([{ metric: 'first_response', moderatorId: 'ann', seconds: 3_600, businessSeconds: null }]);
    expect(pick(samples, 'sla_met')).toEqual([]);
  });
});
