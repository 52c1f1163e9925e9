import { ApolloLink, CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client';
import { RetryLink } from '@apollo/client/link/retry';
import { Observable } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';

/**
 * Whether the API can be reached, for the "connection lost, retrying" banner, and the links
 * that retry queries while it cannot. The API answers HTTP 503 SERVICE_UNAVAILABLE while its
 * database is down; a proxy answers 502/504 while the API itself is; no answer at all is a
 * network failure. All of them are waited out: one shared backoff for every request (1 s,
 * doubling up to 30 s, jittered), so an outage is probed by a trickle, not by every screen at
 * once, and "retry now" sends everything that waits at once.
 */
const INITIAL_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

let lost = false;
let failedRounds = 0;
let gate: { opened: Promise<void>; open: () => void } | null = null;
const listeners = new Set<() => void>();

function setLost(next: boolean): void {
  if (next === lost) return;
  lost = next;
  for (const listener of listeners) listener();
}

export function connectionLost(): boolean {
  return lost;
}

export function subscribeConnection(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Sends the requests waiting for the next attempt now. */
export function retryNow(): void {
  gate?.open();
}

/** An attempt failed for want of the API: the waiting starts (or goes on) until the next round. */
function reportUnreachable(): void {
  setLost(true);
  // Requests that failed in the same round share one delay.
  if (gate) return;
  failedRounds += 1;
  const delay = Math.min(MAX_DELAY_MS, INITIAL_DELAY_MS * 2 ** (failedRounds - 1));
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const timer = setTimeout(() => gate?.open(), delay / 2 + Math.random() * (delay / 2));
  gate = {
    opened,
    open: () => {
      clearTimeout(timer);
      gate = null;
      open();
    },
  };
}

function reportReachable(): void {
  failedRounds = 0;
  setLost(false);
}

/** What the API answered while it could not work: retryable, unlike an ordinary error. */
export class ApiUnavailableError extends Error {
  constructor() {
    super('The API is temporarily unavailable');
    this.name = 'ApiUnavailableError';
  }
}

const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

function isUnreachable(error: unknown): boolean {
  if (error instanceof ApiUnavailableError) return true;
  if (ServerError.is(error)) return UNAVAILABLE_STATUSES.has(error.statusCode);
  if (ServerParseError.is(error) || CombinedGraphQLErrors.is(error)) return false;
  // fetch() rejecting (offline, refused, reset) is a TypeError; an abort is the caller's doing.
  return error instanceof TypeError;
}

/**
 * Holds each HTTP request while the API is known to be unreachable, and reports every answer:
 * any answer that is not SERVICE_UNAVAILABLE (even a FORBIDDEN) means the API is back.
 * A 503 with a GraphQL body becomes an ApiUnavailableError so RetryLink sees it.
 */
const connectionLink = new ApolloLink(
  (operation, forward) =>
    new Observable<ApolloLink.Result>((observer) => {
      let cancelled = false;
      let subscription: { unsubscribe: () => void } | null = null;
      void (gate?.opened ?? Promise.resolve()).then(() => {
        if (cancelled) return;
        subscription = forward(operation).subscribe({
          next: (result) => {
            if (result.errors?.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')) {
              reportUnreachable();
              observer.error(new ApiUnavailableError());
              return;
            }
            reportReachable();
            observer.next(result);
          },
          error: (error: unknown) => {
            if (isUnreachable(error)) reportUnreachable();
            observer.error(error);
          },
          complete: () => observer.complete(),
        });
      });
      return () => {
        cancelled = true;
        subscription?.unsubscribe();
      };
    }),
);

/**
 * Queries are retried until they get through (or their screen is left); mutations are not, as
 * one that reached the API before the connection dropped could apply twice: their failure is
 * shown to the user who sent them.
 */
const retryLink = new RetryLink({
  // The connection link above does the waiting, shared by every request.
  delay: () => 0,
  attempts: (_count, operation, error) => operation.operationType === OperationTypeNode.QUERY && isUnreachable(error),
});

/** In front of the HTTP link. */
export function connectionRetryLink(): ApolloLink {
  return ApolloLink.from([retryLink, connectionLink]);
}
