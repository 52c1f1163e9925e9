import { Injectable } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import type { Actor, PivotRequest } from '../auth/request-context';
import { AppError } from '../errors/app-error';
import type { RealtimeEvent, RealtimeEventType } from './realtime-events';
import { RealtimeService } from './realtime.service';

/** How long a subscription trusts the roles it read: a revoked role stops deliveries within this. */
export const ACTOR_REFRESH_MS = 10_000;

/**
 * Turns realtime events into a subscription's values, authorized like a query: each event is
 * offered to `load` with the subscriber's current actor (roles re-read at most every
 * ACTOR_REFRESH_MS), which answers the value to send or null to skip it. A subscriber whose
 * token expired or whose account was disabled gets UNAUTHENTICATED and the stream ends.
 */
@Injectable()
export class SubscriptionStreams {
  constructor(
    private readonly realtime: RealtimeService,
    private readonly auth: AuthService,
  ) {}

  stream<T>(req: PivotRequest, actor: Actor, type: RealtimeEventType, load: (actor: Actor, event: RealtimeEvent) => Promise<T | null>): AsyncIterableIterator<T> {
    return closable((signal) => this.values(req, actor, type, load, signal));
  }

  private async *values<T>(
    req: PivotRequest,
    actor: Actor,
    type: RealtimeEventType,
    load: (actor: Actor, event: RealtimeEvent) => Promise<T | null>,
    signal: AbortSignal,
  ): AsyncGenerator<T> {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers?.authorization ?? '')?.[1] ?? null;
    let current = actor;
    let readAt = Date.now();
    for await (const event of this.realtime.events(type, signal)) {
      if (Date.now() - readAt > ACTOR_REFRESH_MS) {
        const fresh = token ? await this.auth.actorFor(token, null) : null;
        if (!fresh) throw AppError.unauthenticated('Session expired');
        [current, readAt] = [fresh, Date.now()];
      }
      const value = await load(current, event);
      if (value !== null) yield value;
    }
  }
}

/**
 * An async iterator over `make`'s generator whose return() (a client completing or closing its
 * subscription) aborts at once: the generator's own return() would wait for its next yield.
 */
function closable<T>(make: (signal: AbortSignal) => AsyncGenerator<T>): AsyncIterableIterator<T> {
  const controller = new AbortController();
  const values = make(controller.signal);
  return {
    next: () => values.next(),
    return: async (value?: unknown) => {
      controller.abort();
      return { done: true, value: value as T };
    },
    throw: async (error?: unknown) => {
      controller.abort();
      return values.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
