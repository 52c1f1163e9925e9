import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, ServerError } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { SetContextLink } from '@apollo/client/link/context';
import { isSubscriptionOperation, Observable, relayStylePagination } from '@apollo/client/utilities';
import { notifications } from '@mantine/notifications';
import { clearSession, readToken } from './auth-session';
import { ApiUnavailableError, connectionRetryLink } from './connection-status';

/**
 * Errors a form shows next to its fields (BAD_USER_INPUT, CONFLICT) are the form's business;
 * every other failure gets one global toast, so no request fails silently.
 */
const FIELD_ERROR_CODES = new Set(['BAD_USER_INPUT', 'CONFLICT']);

/** A link made on first use (a lazy chunk), then reused for every operation sent through it. */
function deferredLink(load: () => Promise<ApolloLink>): ApolloLink {
  let link: Promise<ApolloLink> | null = null;
  return new ApolloLink(
    (operation, forward) =>
      new Observable<ApolloLink.Result>((observer) => {
        let subscription: { unsubscribe: () => void } | null = null;
        let cancelled = false;
        (link ??= load()).then(
          (loaded) => {
            if (!cancelled) subscription = loaded.request(operation, forward).subscribe(observer);
          },
          (error: unknown) => observer.error(error),
        );
        return () => {
          cancelled = true;
          subscription?.unsubscribe();
        };
      }),
  );
}

export function createApolloClient(onSessionLost: () => void): ApolloClient {
  const auth = new SetContextLink((prevContext) => {
    const token = readToken();
    return { headers: { ...prevContext.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } };
  });

  const errors = new ErrorLink(({ error, operation }) => {
    if (CombinedGraphQLErrors.is(error)) {
      if (error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') && operation.operationName !== 'Login') {
        // RequireSession sees the token go and sends the user to /sign-in?expired=1.
        clearSession('expired');
        onSessionLost();
        return;
      }
      const shown = error.errors.filter((e) => !FIELD_ERROR_CODES.has(String(e.extensions?.code)));
      if (shown.length > 0 && operation.operationName !== 'Login') {
        notifications.show({ color: 'red', title: 'Request failed', message: shown.map((e) => e.message).join('\n') });
      }
      return;
    }
    // A dropped socket reconnects by itself and the screen's live indicator says so: no toast.
    if (isSubscriptionOperation(operation.query)) return;
    // A mutation the outage refused (queries wait it out): the banner says the rest.
    if (error instanceof ApiUnavailableError) {
      notifications.show({ color: 'red', title: 'Server unavailable', message: 'This was not sent through: try again once the connection is back.' });
      return;
    }
    const status = ServerError.is(error) ? ` (HTTP ${error.statusCode})` : '';
    notifications.show({ color: 'red', title: 'Cannot reach the API', message: `${error.message}${status}` });
  });

  const http = new HttpLink({ uri: '/graphql', headers: { 'content-type': 'application/json' } });
  // Subscriptions over graphql-ws (the token goes in connection_init), everything else over HTTP.
  // The socket code loads with the first subscription: screens without one never download it.
  const live = deferredLink(() => import('./live-connection').then(({ createLiveLink }) => createLiveLink()));

  return new ApolloClient({
    link: ApolloLink.from([errors, ApolloLink.split(({ query }) => isSubscriptionOperation(query), live, ApolloLink.from([connectionRetryLink(), auth, http]))]),
    cache: new InMemoryCache({
      typePolicies: {
        Brand: { fields: { pages: { merge: false }, aliases: { merge: false } } },
        Page: { fields: { children: { merge: false } } },
        // A queue's overview row has no id of its own: the query's rows and the live stream's merge by queue.
        QueueOverview: { keyFields: ['queueId'] },
        // "Load more" appends the next page of a connection; a refetch (no `after`) starts over.
        Query: {
          fields: {
            users: relayStylePagination(['search']),
            auditEntries: relayStylePagination(['filter']),
            conversations: relayStylePagination(['filter']),
            queueOverview: relayStylePagination(['brandId', 'marketPageId']),
            posts: relayStylePagination(['filter']),
            approvalsInbox: relayStylePagination(),
          },
        },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
