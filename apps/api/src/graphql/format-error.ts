import type { GraphQLFormattedError } from 'graphql';
import { AppError } from '../errors/app-error';

/** Codes Apollo itself produces for requests that never reached a resolver. */
const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * graphql-js stops coercing variables after 50 bad values and says so in an error without a
 * code (a list of 5,000 wrong items): the client's fault like the 50 before it.
 */
const VARIABLE_ERROR_LIMIT = 'Too many errors processing variables, error limit reached.';

export interface ErrorReporter {
  (error: unknown): void;
}

/**
 * The single place that decides what a client learns from an error: domain errors keep
 * their code and message; anything unexpected becomes INTERNAL_SERVER_ERROR with a fixed
 * message, and its details (SQL, stack) go to the log only.
 */
export function formatGraphqlError(report: ErrorReporter) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = originalOf(error);
    if (original instanceof AppError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: original.code, ...original.details },
      };
    }
    const code = formatted.extensions?.code;
    if (formatted.message.startsWith(VARIABLE_ERROR_LIMIT) && !formatted.path) {
      return { message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
    }
    if (typeof code === 'string' && APOLLO_CODES.has(code)) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    report(original ?? error);
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

function originalOf(error: unknown): unknown {
  let current = error as { originalError?: unknown } | undefined;
  while (current && typeof current === 'object' && current.originalError) {
    current = current.originalError as { originalError?: unknown };
  }
  return current;
}
