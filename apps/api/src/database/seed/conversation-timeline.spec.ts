import type { SlaPolicy } from '@pivot/domain';
import { conversationTimeline, type Timeline } from './conversation-timeline';
import { seededRandom } from './seed-random';

const policy: SlaPolicy = {
  firstResponseMinutes: 120,
  nextResponseMinutes: 240,
  hours: { timeZone: 'Europe/Paris', days: Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((d) => [d, [{ start: '09:00', end: '18:00' }]])), holidays: [] },
};
const cutoff = new Date('2026-06-30T12:00:00Z');

function many(seed: string, n = 400, waiting = false): Timeline[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) =>
    conversationTimeline(new Date(Date.parse('2026-04-01T08:00:00Z') + i * 3 * 3_600_000), {
      random,
      queueId: 'q',
      policy,
      responders: ['m1', 'm2'],
      replyText: 'Merci',
      cutoff,
      waiting,
    }),
  );
}

describe("the demo's made-up conversations", () => {
  it('are the same for the same seed (no Math.random) and differ for another', () => {
    expect(JSON.stringify(many('northwind.fr'))).toBe(JSON.stringify(many('northwind.fr')));
    expect(JSON.stringify(many('northwind.fr'))).not.toBe(JSON.stringify(many('northwind.es')));
  });

  it('tell a story the reply queues could have recorded: routed first, in time order, nothing after the cutoff, a reopen only after an answer', () => {
    for (const timeline of many('story')) {
      const actions = timeline.events.map((event) => event.action);
      expect(actions[0]).toBe('conversation.route');
      const times = timeline.events.map((event) => event.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times, ...timeline.items.map((at) => at.getTime()))).toBeLessThanOrEqual(cutoff.getTime());
      actions.forEach((action, index) => {
        if (action === 'conversation.reply') expect(actions[index - 1]).toBe('conversation.claim');
        if (action === 'conversation.reopen') expect(['conversation.reply', 'conversation.resolve']).toContain(actions[index - 1]);
      });
      const last = actions[actions.length - 1];
      expect(timeline.state).toBe(last === 'conversation.resolve' ? 'RESOLVED' : last === 'conversation.reply' ? 'WAITING_CUSTOMER' : 'OPEN');
      // An open conversation owes a reply, due by the queue's SLA; the others owe none.
      expect(timeline.responseDueAt !== null).toBe(timeline.state === 'OPEN');
    }
  });

  it('mostly answer within the first-response SLA, some late, and some reopen', () => {
    const timelines = many('mix');
    const resolved = timelines.filter((t) => t.state === 'RESOLVED').length;
    const reopened = timelines.filter((t) => t.events.some((e) => e.action === 'conversation.reopen')).length;
    expect(resolved / timelines.length).toBeGreaterThan(0.8);
    expect(reopened).toBeGreaterThan(20);
  });

  it('leave a waiting conversation with its first message(s) routed and unanswered', () => {
    for (const timeline of many('waiting', 50, true)) {
      expect(timeline.events.map((event) => event.action)).toEqual(['conversation.route']);
      expect(timeline.state).toBe('OPEN');
      expect(timeline.firstRespondedAt).toBeNull();
    }
  });
});
