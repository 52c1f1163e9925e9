import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, ServerError } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { SetContextLink } from '@apollo/client/link/context';
import { relayStylePagination } from '@apollo/client/utilities';
import { notifications } from '@mantine/notifications';
import { clearSession, readToken } from './auth-session';

/**
 * Errors a form shows next to its fields (BAD_USER_INPUT, CONFLICT) are the form's business;
 * every other failure gets one global toast, so no request fails silently.
 */
const FIELD_ERROR_CODES = new Set(['BAD_USER_INPUT', 'CONFLICT']);

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
    const status = ServerError.is(error) ? ` (HTTP ${error.statusCode})` : '';
    notifications.show({ color: 'red', title: 'Cannot reach the API', message: `${error.message}${status}` });
  });

  const http = new HttpLink({ uri: '/graphql', headers: { 'content-type': 'application/json' } });

  return new ApolloClient({
    link: ApolloLink.from([errors, auth, http]),
    cache: new InMemoryCache({
      typePolicies: {
        Brand: { fields: { pages: { merge: false }, aliases: { merge: false } } },
        Page: { fields: { children: { merge: false } } },
        // "Load more" appends the next page of a connection; a refetch (no `after`) starts over.
        Query: {
          fields: {
            users: relayStylePagination(['search']),
            auditEntries: relayStylePagination(['filter']),
            posts: relayStylePagination(['filter']),
            approvalsInbox: relayStylePagination(),
          },
        },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
