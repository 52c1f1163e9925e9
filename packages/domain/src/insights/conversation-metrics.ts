/**
 * Conversation metrics (DESIGN §7) as samples: each event of a conversation yields the metric
 * samples it closes, so a daily rollup is the sum of its events' samples, whether it is kept
 * current event by event or rebuilt from every raw row of the day (the two must agree).
 *
 * - A first response is timed once per conversation, from its first customer message to our
 *   first reply ever: a reopened conversation's next reply is a next response, never a second
 *   (inflated) first response.
 * - A reply is credited to whoever sent it, not to the conversation's assignee.
 * - Business time is counted in the queue's hours and zone (businessMinutesBetween), so nights,
 *   weekends and the DST changes count as the office clock shows them.
 */
import { businessMinutesBetween, type BusinessHours } from '../reply-queue/business-hours';

export const CONVERSATION_METRICS = [
  'items_received',
  'authors',
  'opened',
  'reopened',
  'replies',
  'answered',
  'resolved',
  'first_response',
  'next_response',
  'resolution',
  'sla_met',
  'sla_breached',
  /** Conversations whose first answer came within the SLA: the funnel's last step counts each conversation once. */
  'first_sla_met',
  'backlog',
] as const;
export type ConversationMetric = (typeof CONVERSATION_METRICS)[number];

/** The metrics that carry a duration (sum, business-hours sum, histogram). */
export const DURATION_METRICS: readonly ConversationMetric[] = ['first_response', 'next_response', 'resolution'];

export interface MetricQueue {
  id: string;
  firstResponseMinutes: number;
  nextResponseMinutes: number;
  hours: BusinessHours;
}

export type ConversationMetricEvent =
  | { kind: 'opened' | 'reopened'; at: Date; queue: MetricQueue | null }
  /**
   * `first`: the conversation's first reply ever. `owedSince`: the customer message the reply
   * answers (the first message for a first reply; the first message after our previous reply for
   * a next one, null when the customer wrote nothing since).
   */
  | { kind: 'reply'; at: Date; senderId: string | null; queue: MetricQueue | null; first: boolean; owedSince: Date | null }
  /** `episodeStart`: the first customer message since the previous resolution (or ever). */
  | { kind: 'resolved'; at: Date; actorId: string | null; queue: MetricQueue | null; episodeStart: Date };

export interface MetricSample {
  metric: ConversationMetric;
  moderatorId: string | null;
  /** Wall-clock seconds, for duration metrics. */
  seconds: number | null;
  /** Seconds within the queue's business hours, when the queue is known. */
  businessSeconds: number | null;
}

const count = (metric: ConversationMetric, moderatorId: string | null = null): MetricSample => ({ metric, moderatorId, seconds: null, businessSeconds: null });

export function conversationMetricSamples(event: ConversationMetricEvent): MetricSample[] {
  switch (event.kind) {
    case 'opened':
    case 'reopened':
      return [count(event.kind)];
    case 'resolved':
      return [count('resolved', event.actorId), duration('resolution', event.actorId, event.episodeStart, event.at, event.queue)];
    case 'reply': {
      const samples = [count('replies', event.senderId)];
      if (event.first) samples.push(count('answered', event.senderId));
      if (event.owedSince === null) return samples;
      const timed = duration(event.first ? 'first_response' : 'next_response', event.senderId, event.owedSince, event.at, event.queue);
      samples.push(timed);
      if (event.queue && timed.businessSeconds !== null) {
        const budget = (event.first ? event.queue.firstResponseMinutes : event.queue.nextResponseMinutes) * 60;
        const met = timed.businessSeconds <= budget;
        samples.push(count(met ? 'sla_met' : 'sla_breached', event.senderId));
        if (met && event.first) samples.push(count('first_sla_met', event.senderId));
      }
      return samples;
    }
  }
}

function duration(metric: ConversationMetric, moderatorId: string | null, from: Date, to: Date, queue: MetricQueue | null): MetricSample {
  const seconds = Math.max(0, (to.getTime() - from.getTime()) / 1000);
  return { metric, moderatorId, seconds, businessSeconds: queue ? businessSecondsBetween(from, to, queue.hours) : null };
}

/** Business seconds, or null when the queue's hours are invalid (the metric then has wall clock only). */
export function businessSecondsBetween(from: Date, to: Date, hours: BusinessHours): number | null {
  try {
    return businessMinutesBetween(from, to, hours) * 60;
  } catch {
    return null;
  }
}
