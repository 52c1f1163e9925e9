import { addBusinessMinutes, slaDeadline, type ConversationState, type SlaPolicy } from '@pivot/domain';
import { between, pick, type Random } from './seed-random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** One audit entry of a conversation, as the reply queues write it (action, actor, changed fields). */
export interface TimelineEvent {
  at: Date;
  action: 'conversation.route' | 'conversation.claim' | 'conversation.reply' | 'conversation.resolve' | 'conversation.reopen';
  actorId: string | null;
  changes: Record<string, { before: unknown; after: unknown }>;
}

export interface Timeline {
  /** When the customer wrote, oldest first (the first one opens the conversation). */
  items: Date[];
  events: TimelineEvent[];
  state: ConversationState;
  firstRespondedAt: Date | null;
  lastRespondedAt: Date | null;
  responseDueAt: Date | null;
  /** The last change: what updated_at says. */
  lastChangeAt: Date;
}

export interface TimelineContext {
  random: Random;
  queueId: string;
  policy: SlaPolicy;
  /** Who answers this queue (repeated names answer more often). */
  responders: readonly string[];
  replyText: string;
  /** Nothing happens after this. */
  cutoff: Date;
  /** Still waiting for its first answer at the end. */
  waiting: boolean;
}

/**
 * A made-up conversation as the reply queues would have recorded it: routed as soon as it
 * arrives, claimed and answered in business hours (most within the first-response SLA, some
 * late), the customer sometimes writing back (a reopen, then a next response), mostly resolved,
 * sometimes reopened days after. Stops at `cutoff`; what was under way then stays open.
 */
export function conversationTimeline(start: Date, context: TimelineContext): Timeline {
  const { random, queueId, policy, cutoff } = context;
  const timeline: Timeline = { items: [start], events: [], state: 'OPEN', firstRespondedAt: null, lastRespondedAt: null, responseDueAt: null, lastChangeAt: start };
  const happen = (at: Date, event: Omit<TimelineEvent, 'at'>) => {
    timeline.events.push({ at, ...event });
    timeline.lastChangeAt = at;
  };
  const routedAt = new Date(start.getTime() + 2_000);
  happen(routedAt, {
    action: 'conversation.route',
    actorId: null,
    changes: { queueId: { before: null, after: queueId }, priority: { before: null, after: 'NORMAL' }, tags: { before: null, after: [] } },
  });
  const moderator = pick(random, context.responders);
  let unansweredSince: Date | null = start;

  /** Claims then answers at `at`, unless that is past the cutoff. */
  const reply = (at: Date): boolean => {
    const lastItem = timeline.items[timeline.items.length - 1]!;
    const replyAt = new Date(Math.max(at.getTime(), lastItem.getTime() + 30_000, timeline.lastChangeAt.getTime() + 2_000));
    if (replyAt > cutoff) return false;
    const claimedAt = new Date(Math.max(replyAt.getTime() - between(random, 1, 8) * MINUTE, timeline.lastChangeAt.getTime() + 1_000));
    const lease = (from: Date) => new Date(from.getTime() + 5 * MINUTE).toISOString();
    happen(claimedAt, {
      action: 'conversation.claim',
      actorId: moderator,
      changes: { queueId: { before: null, after: queueId }, assigneeId: { before: null, after: moderator }, leaseExpiresAt: { before: null, after: lease(claimedAt) } },
    });
    happen(replyAt, {
      action: 'conversation.reply',
      actorId: moderator,
      changes: {
        state: { before: 'ASSIGNED', after: 'WAITING_CUSTOMER' },
        ...(timeline.firstRespondedAt ? {} : { firstRespondedAt: { before: null, after: replyAt.toISOString() } }),
        lastRespondedAt: { before: timeline.lastRespondedAt?.toISOString() ?? null, after: replyAt.toISOString() },
        text: { before: null, after: context.replyText },
      },
    });
    timeline.firstRespondedAt ??= replyAt;
    timeline.lastRespondedAt = replyAt;
    timeline.state = 'WAITING_CUSTOMER';
    unansweredSince = null;
    return true;
  };
  /** The customer writes at `at`: reopens what was answered or resolved. */
  const customerWrites = (at: Date): boolean => {
    if (at > cutoff) return false;
    timeline.items.push(at);
    unansweredSince ??= at;
    if (timeline.state !== 'OPEN') {
      happen(new Date(at.getTime() + 2_000), { action: 'conversation.reopen', actorId: null, changes: { state: { before: timeline.state, after: 'OPEN' } } });
      timeline.state = 'OPEN';
    }
    return true;
  };
  const resolve = (at: Date): boolean => {
    if (at > cutoff) return false;
    happen(at, { action: 'conversation.resolve', actorId: moderator, changes: { state: { before: timeline.state, after: 'RESOLVED' } } });
    timeline.state = 'RESOLVED';
    return true;
  };

  const finish = () => {
    const owed = unansweredSince
      ? slaDeadline({ receivedAt: start, lastCustomerMessageAt: timeline.items[timeline.items.length - 1]!, firstResponseAt: timeline.firstRespondedAt, lastResponseAt: timeline.lastRespondedAt, unansweredSince }, policy)
      : null;
    timeline.responseDueAt = timeline.state === 'OPEN' ? (owed?.dueAt ?? null) : null;
    return timeline;
  };

  // Another word before anyone answered (not a reopen: it was never answered).
  if (random() < 0.2 && !customerWrites(new Date(start.getTime() + between(random, 2, 90) * MINUTE))) return finish();
  if (context.waiting) return finish();

  // Most first replies fall within the SLA's business minutes, about one in six well after.
  const late = random() < 0.17;
  const firstDelay = late ? between(random, policy.firstResponseMinutes + 10, policy.firstResponseMinutes * 6) : between(random, 3, policy.firstResponseMinutes - 5);
  if (!reply(addBusinessMinutes(start, firstDelay, policy.hours))) return finish();

  // The customer writes back: a next response is owed.
  for (let round = 0; round < 2 && random() < (round === 0 ? 0.35 : 0.2); round++) {
    if (!customerWrites(new Date(timeline.lastChangeAt.getTime() + between(random, 10, 20 * 60) * MINUTE))) return finish();
    const nextDelay = random() < 0.15 ? between(random, policy.nextResponseMinutes + 10, policy.nextResponseMinutes * 4) : between(random, 5, policy.nextResponseMinutes - 10);
    if (!reply(addBusinessMinutes(unansweredSince!, nextDelay, policy.hours))) return finish();
  }

  // One in ten waits for a customer who never answers: closed three days later.
  const resolveAt = random() < 0.1 ? new Date(timeline.lastChangeAt.getTime() + 72 * HOUR) : addBusinessMinutes(timeline.lastChangeAt, between(random, 1, 480), policy.hours);
  if (!resolve(resolveAt)) return finish();

  // Now and then the customer comes back days later: reopened, mostly answered and resolved again.
  if (random() < 0.08) {
    if (!customerWrites(new Date(timeline.lastChangeAt.getTime() + between(random, 2, 120) * HOUR))) return finish();
    if (random() < 0.75 && reply(addBusinessMinutes(unansweredSince!, between(random, 5, policy.nextResponseMinutes), policy.hours))) {
      resolve(addBusinessMinutes(timeline.lastChangeAt, between(random, 1, 120), policy.hours));
    }
  }
  return finish();
}
