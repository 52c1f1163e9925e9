import { randomUUID } from 'node:crypto';
import { GraphQLError, parse, specifiedRules, validate, type GraphQLFormattedError, type ValidationRule } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import type { Context } from 'graphql-ws';
import type { Request } from 'express';
import { unstorableTextError, unstorableTextProblems } from './storable-text';

/** Waits this long for the client's connection_init (with its token) before closing the socket. */
const CONNECTION_INIT_TIMEOUT_MS = 5_000;

export interface SubscriptionTransportOptions {
  /** The same limits as POST /graphql (depth, aliases, cost, tokens). */
  rules: ValidationRule[];
  /** True when the bearer token names an active user. */
  authenticate: (token: string) => Promise<boolean>;
  format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

/** The token a client sends in connection_init: `{ authorization: "Bearer …" }`. */
export function bearerOf(params: Readonly<Record<string, unknown>> | undefined): string | null {
  const header = params?.authorization ?? params?.Authorization;
  return typeof header === 'string' ? (/^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? null) : null;
}

/** Over the socket only subscriptions: queries and mutations keep POST /graphql with its CSRF and rate limits. */
const subscriptionsOnly: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== 'subscription') {
      context.reportError(new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations to POST /graphql', { nodes: [node] }));
    }
  },
});

/**
 * graphql-ws on /graphql (Nest's subscription service). A connection must bring a valid token
 * in connection_init, else it is closed with 4403; every operation is validated with the HTTP
 * limits; errors are formatted by the same function as HTTP's, so codes and secrecy hold.
 */
export function graphqlWsOptions(options: SubscriptionTransportOptions) {
  const rules = [...specifiedRules, ...options.rules, subscriptionsOnly];
  const formatAll = (errors: readonly GraphQLError[]) => errors.map((error) => options.format(error.toJSON(), error));
  // Before execution: parse and validation errors (limits included) unless a resolver's own error;
  // through the same formatter too, so production strips suggestions here as over HTTP.
  const formatRefusals = (errors: readonly GraphQLError[]) =>
    errors.map((error) =>
      options.format(error.originalError ? error.toJSON() : { message: error.message, locations: error.locations, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, error),
    );
  return {
    path: '/graphql',
    connectionInitWaitTimeout: CONNECTION_INIT_TIMEOUT_MS,
    onConnect: async (ctx: Context) => {
      const token = bearerOf(ctx.connectionParams);
      return token ? options.authenticate(token) : false;
    },
    // The HTTP plugin's text check, before the subscription's resolver runs; a document that does
    // not parse is left to graphql-ws, which answers it the usual way.
    onSubscribe: (_ctx: Context, _id: string, payload: SubscribePayload) => {
      let problems;
      try {
        problems = unstorableTextProblems(parse(payload.query), payload.variables ?? {});
      } catch {
        return undefined;
      }
      // onError below formats it like every other refusal.
      return problems.length ? [unstorableTextError(problems)] : undefined;
    },
    validate: (schema: Parameters<typeof validate>[0], document: Parameters<typeof validate>[1]) => validate(schema, document, rules),
    onError: (_ctx: Context, _id: string, _payload: unknown, errors: readonly GraphQLError[]) => formatRefusals(errors),
    onNext: (_ctx: Context, _id: string, _payload: unknown, _args: unknown, result: { data?: unknown; errors?: readonly GraphQLError[] }) =>
      result.errors?.length ? { ...result, errors: formatAll(result.errors) } : undefined,
  };
}

/** What a subscription's resolvers see as `req`: the token of connection_init, like an HTTP header. */
export function subscriptionRequest(ctx: Context): Request {
  const token = bearerOf(ctx.connectionParams);
  return { headers: { authorization: token ? `Bearer ${token}` : undefined }, id: randomUUID() } as unknown as Request;
}
