import type { BusinessHours } from './business-hours';
import { slaDeadline, slaStatus, type SlaConversation, type SlaPolicy } from './sla';

const parisOffice: BusinessHours = {
  timeZone: 'Europe/Paris',
  days: Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((day) => [day, [{ start: '09:00', end: '18:00' }]])),
};
const policy: SlaPolicy = { firstResponseMinutes: 60, nextResponseMinutes: 30, hours: parisOffice };
const at = (iso: string) => new Date(iso);

function conversation(overrides: Partial<SlaConversation> = {}): SlaConversation {
  return {
    receivedAt: at('2026-03-03T10:00:00+01:00'),
    lastCustomerMessageAt: at('2026-03-03T10:00:00+01:00'),
    firstResponseAt: null,
    ...overrides,
  };
}

describe('slaDeadline', () => {
  it('owes a first response within the first-response budget from arrival', () => {
    expect(slaDeadline(conversation(), policy)).toEqual({ kind: 'first', dueAt: at('2026-03-03T11:00:00+01:00') });
  });

  it('keeps the first-response clock on arrival when the customer writes again before any reply', () => {
    const impatient = conversation({ lastCustomerMessageAt: at('2026-03-03T10:40:00+01:00') });
    expect(slaDeadline(impatient, policy)?.dueAt).toEqual(at('2026-03-03T11:00:00+01:00'));
  });

  it('starts the first-response clock of a Saturday message on Monday morning', () => {
    const saturday = conversation({ receivedAt: at('2026-03-07T15:00:00+01:00'), lastCustomerMessageAt: at('2026-03-07T15:00:00+01:00') });
    expect(slaDeadline(saturday, policy)).toEqual({ kind: 'first', dueAt: at('2026-03-09T10:00:00+01:00') });
  });

  it('owes nothing while our reply is the latest message', () => {
    const answered = conversation({ firstResponseAt: at('2026-03-03T10:20:00+01:00') });
    expect(slaDeadline(answered, policy)).toBeNull();
  });

  it('owes a next response within the next-response budget after a new customer message', () => {
    const followUp = conversation({
      firstResponseAt: at('2026-03-03T10:20:00+01:00'),
      lastCustomerMessageAt: at('2026-03-03T17:50:00+01:00'),
    });
    expect(slaDeadline(followUp, policy)).toEqual({ kind: 'next', dueAt: at('2026-03-04T09:20:00+01:00') });
  });

  it('counts the next response from the first unanswered message, so follow-ups do not restart the clock', () => {
    const followUps = conversation({
      firstResponseAt: at('2026-03-03T10:20:00+01:00'),
      unansweredSince: at('2026-03-03T11:00:00+01:00'),
      lastCustomerMessageAt: at('2026-03-03T11:25:00+01:00'),
    });
    expect(slaDeadline(followUps, policy)?.dueAt).toEqual(at('2026-03-03T11:30:00+01:00'));
  });

  it('compares the customer message with our latest reply, not our first', () => {
    const base = {
      firstResponseAt: at('2026-03-03T10:20:00+01:00'),
      lastCustomerMessageAt: at('2026-03-03T11:00:00+01:00'),
    };
    expect(slaDeadline(conversation({ ...base, lastResponseAt: at('2026-03-03T11:05:00+01:00') }), policy)).toBeNull();
    expect(slaDeadline(conversation({ ...base, lastResponseAt: at('2026-03-03T10:50:00+01:00') }), policy)?.kind).toBe('next');
  });
});

describe('slaStatus', () => {
  const due = { kind: 'first' as const, dueAt: at('2026-03-03T11:00:00+01:00') };

  it.each<[string, string, 'ok' | 'at-risk' | 'breached']>([
    ['ok with more than 20% of the budget left', '2026-03-03T10:47:00+01:00', 'ok'],
    ['at risk with exactly 20% left (12 of 60 minutes)', '2026-03-03T10:48:00+01:00', 'at-risk'],
    ['at risk at the deadline itself', '2026-03-03T11:00:00+01:00', 'at-risk'],
    ['breached just after the deadline', '2026-03-03T11:00:00.001+01:00', 'breached'],
  ])('is %s', (_label, now, expected) => {
    expect(slaStatus(at(now), due, policy)).toBe(expected);
  });

  it('measures at-risk against the next-response budget for a next response', () => {
    const next = { kind: 'next' as const, dueAt: at('2026-03-03T11:00:00+01:00') };
    // 10 minutes left: ok against the 30-minute next budget (at risk from 6), at risk against the 60-minute first one (from 12).
    expect(slaStatus(at('2026-03-03T10:50:00+01:00'), next, policy)).toBe('ok');
    expect(slaStatus(at('2026-03-03T10:54:00+01:00'), next, policy)).toBe('at-risk');
    expect(slaStatus(at('2026-03-03T10:50:00+01:00'), due, policy)).toBe('at-risk');
  });

  it('counts only business minutes left: overnight with 10 minutes to go is at risk', () => {
    const tomorrowMorning = { kind: 'first' as const, dueAt: at('2026-03-04T09:10:00+01:00') };
    expect(slaStatus(at('2026-03-03T20:00:00+01:00'), tomorrowMorning, policy)).toBe('at-risk');
    expect(slaStatus(at('2026-03-03T17:20:00+01:00'), tomorrowMorning, policy)).toBe('ok');
  });
});
