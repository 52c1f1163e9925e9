import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { createClient, type Client } from 'graphql-ws';
import { readToken, subscribeSession } from './auth-session';

/**
 * The WebSocket that carries subscriptions (graphql-ws on the API's /graphql), and its state
 * for the screens' "live" indicator. The socket opens with the first subscription, closes
 * shortly after the last, reconnects (with backoff) when it drops, and is closed at once when
 * the session changes, so no socket outlives its user or keeps a token that is gone.
 */
export type LiveStatus = 'connecting' | 'live' | 'offline';

/** The API refuses a connection without a valid token with 4403: retrying would only be refused again. */
const FORBIDDEN = 4403;

let status: LiveStatus = 'offline';
const listeners = new Set<() => void>();

function setStatus(next: LiveStatus): void {
  if (next === status) return;
  status = next;
  for (const listener of listeners) listener();
}

export function liveStatus(): LiveStatus {
  return status;
}

export function subscribeLiveStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Same origin as the page: the dev and preview servers (and nginx) forward the upgrade to the API. */
export function graphqlWsUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
}

export function createLiveClient(): Client {
  let tokenInUse: string | null = null;
  const client = createClient({
    url: graphqlWsUrl(),
    lazy: true,
    // A screen switching filters resubscribes at once: keep the socket for that moment.
    lazyCloseTimeout: 3_000,
    // Pings keep proxies (nginx's 60 s read timeout) from closing a quiet socket.
    keepAlive: 25_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: (event) => !(typeof event === 'object' && event !== null && 'code' in event && event.code === FORBIDDEN) && readToken() !== null,
    connectionParams: () => {
      tokenInUse = readToken();
      return tokenInUse ? { authorization: `Bearer ${tokenInUse}` } : {};
    },
    on: {
      connecting: () => setStatus('connecting'),
      connected: () => setStatus('live'),
      closed: () => setStatus('offline'),
    },
  });
  // Sign-out, expiry or another user signing in: drop the socket opened with the old token.
  subscribeSession(() => {
    if (tokenInUse !== null && readToken() !== tokenInUse) {
      tokenInUse = null;
      client.terminate();
    }
  });
  return client;
}

/** The link the Apollo client sends subscriptions through (loaded with the first one). */
export function createLiveLink(): GraphQLWsLink {
  return new GraphQLWsLink(createLiveClient());
}
