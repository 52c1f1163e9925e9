import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { REALTIME_EVENT_TYPES, type RealtimeEventType } from '../../src/realtime/realtime-events';
import { RealtimeService } from '../../src/realtime/realtime.service';
import type { TestApp } from './test-app';

/** What a subscription delivers: a result, or (as `errors`) the refusal that ended it. */
export interface SubscriptionMessage<T = Record<string, any>> {
  data?: T | null;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

/** A graphql-ws client on the app's /graphql, signed in (or not) through connection_init. */
export function wsClient(app: TestApp, token: string | null, onClosed?: (code: number) => void): Client {
  return createClient({
    url: `${app.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    on: { closed: (event) => onClosed?.((event as { code: number }).code) },
  });
}

/** Subscribes and collects what arrives; `completed` resolves when the server ends or refuses it. */
export function collect<T = Record<string, any>>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const received: SubscriptionMessage<T>[] = [];
  let done: () => void;
  const completed = new Promise<void>((resolve) => (done = resolve));
  const stop = client.subscribe<T>({ query, variables }, {
    next: (message) => void received.push(message as SubscriptionMessage<T>),
    error: (error) => {
      received.push({ errors: Array.isArray(error) ? error : [{ message: String((error as Error)?.message ?? error) }] });
      done();
    },
    complete: () => done(),
  });
  return { client, received, completed, stop };
}

/** Waits until `what` holds, failing after `ms`. */
export async function until(what: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((wait) => setTimeout(wait, 20));
  }
}

/**
 * Resolves once `app` has `count` subscriptions listening for `type`: the server has set them up
 * and hears every event committed from now on. (connection_ack comes before that: the
 * subscription is set up after the client's subscribe message is validated and authorized.)
 */
export async function listening(app: TestApp, type: RealtimeEventType, count = 1): Promise<void> {
  const realtime = app.app.get(RealtimeService);
  await until(() => realtime.listenerCount(type) >= count);
}

/** Resolves once `app` holds no subscription's listener: the ones closed are released, not kept until an event. */
export async function released(app: TestApp): Promise<void> {
  const realtime = app.app.get(RealtimeService);
  await until(() => REALTIME_EVENT_TYPES.every((type) => realtime.listenerCount(type) === 0));
}

/**
 * Time for an event the subscriber must NOT get to arrive, when no later event it does get can
 * prove it was skipped (events reach one subscription in commit order). Never a set-up wait.
 */
export const strayWindow = () => new Promise((wait) => setTimeout(wait, 300));
