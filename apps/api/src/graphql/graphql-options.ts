import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { PinoLogger } from 'nestjs-pino';
import type { Context } from 'graphql-ws';
import type { ResolvedConfig } from '../config/app-config';
import type { DatabaseOutage } from '../database/database-outage';
import { databaseOutagePlugin, outageAwareFormatter } from './database-outage-plugin';
import { formatGraphqlError } from './format-error';
import { storableTextPlugin } from './storable-text';
import { suggestionFreeFormatter } from './suggestions';
import { graphqlWsOptions, subscriptionRequest } from './subscription-transport';
import { variableCostPlugin } from './variable-cost';

/**
 * GraphQL hardened from the first day: CSRF prevention, no batching, limits on depth,
 * aliases, cost and tokens checked during validation (before any resolver or SQL runs),
 * no introspection or "did you mean" hints in production, no stack traces ever. Page sizes
 * given as variables are costed once the variables are known (variable-cost.ts), and text that
 * PostgreSQL cannot store is refused then too (storable-text.ts).
 */
export function graphqlOptions(
  config: ResolvedConfig,
  logger: PinoLogger,
  outage: DatabaseOutage,
  authenticate: (token: string) => Promise<boolean>,
): ApolloDriverConfig {
  const armor = new ApolloArmor({
    maxDepth: { n: config.graphql.maxDepth, ignoreIntrospection: !config.production, flattenFragments: true },
    maxAliases: { n: config.graphql.maxAliases },
    costLimit: { maxCost: config.graphql.maxCost },
    // Counted by graphql-js's own parser instead (parseOptions below): armor's plugin throws from a
    // hook, which Apollo answers with a 500 and an error log line, a flood anyone could send.
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    // Armor's mask misses enum values ("Did you mean the enum value …"): suggestions.ts cuts them all.
    blockFieldSuggestion: { enabled: false },
  });
  const protection = armor.protect();
  const formatter = outageAwareFormatter(formatGraphqlError((error) => logger.error({ err: error }, 'graphql internal error')), outage);
  const format = config.production ? suggestionFreeFormatter(formatter) : formatter;
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Over the limit is a syntax error: 400 GRAPHQL_PARSE_FAILED, logged as a client error.
    parseOptions: { maxTokens: config.graphql.maxTokens },
    introspection: !config.production,
    graphiql: false,
    includeStacktraceInErrorResponses: false,
    validationRules: protection.validationRules,
    // Armor and Apollo resolve @apollo/server's CJS and ESM typings differently; same objects at runtime.
    plugins: [...protection.plugins, variableCostPlugin(protection.validationRules), storableTextPlugin(), databaseOutagePlugin(), ApolloServerPluginLandingPageDisabled()] as ApolloDriverConfig['plugins'],
    // HTTP passes { req, res }; graphql-ws its connection context (with `extra`).
    context: (arg: { req?: unknown; res?: unknown } | Context) =>
      'extra' in arg ? { req: subscriptionRequest(arg) } : { req: (arg as { req: unknown }).req, res: (arg as { res: unknown }).res },
    formatError: format,
    // Nest's driver would reset every answer with `data` to 200, the outage's 503 included
    // (database-outage-plugin.ts); no resolver error here carries an HTTP status of its own.
    preserveHttpStatusForExecutionErrors: false,
    subscriptions: {
      // graphql-ws also takes `validate` and `onError`; Nest's type lists only some of its options.
      'graphql-ws': graphqlWsOptions({ rules: protection.validationRules, authenticate, format }) as never,
    },
  };
}
