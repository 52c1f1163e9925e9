import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { RETRY_AFTER_SECONDS, type DatabaseOutage } from '../database/database-outage';

export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';

type Formatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * An unreachable database is no bug: the client gets a retryable SERVICE_UNAVAILABLE (not
 * INTERNAL_SERVER_ERROR) and the outage is logged once per interval, not once per request.
 */
export function outageAwareFormatter(format: Formatter, outage: DatabaseOutage): Formatter {
  return (formatted, error) =>
    outage.report(error)
      ? {
          message: 'The service is temporarily unavailable; retry shortly',
          path: formatted.path,
          extensions: { code: SERVICE_UNAVAILABLE, retryAfterSeconds: RETRY_AFTER_SECONDS },
        }
      : format(formatted, error);
}

/** Such an answer is HTTP 503 with Retry-After, so proxies, load balancers and clients know to retry. */
export function databaseOutagePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          if (!response.body.singleResult.errors?.some((error) => error.extensions?.code === SERVICE_UNAVAILABLE)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
