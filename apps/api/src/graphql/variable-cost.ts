import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, validate, visit, type DocumentNode, type ValueNode, type ValidationRule } from 'graphql';

/** The page-size arguments the cost rule multiplies a list's cost by. */
const PAGE_SIZE_ARGS = new Set(['first', 'last']);
/** Beyond GraphQL's Int, and "1e+21" would read as 1: clamp, the cost is refused either way. */
const MAX_INT = 2 ** 31;

/**
 * The document with every `first: $n` (or `last: $n`) replaced by the literal the request gives
 * `$n` (or its default), so the cost rule counts `posts(first: $n)` as it counts
 * `posts(first: 100)`; null when no page size comes from a variable.
 */
export function withPageSizes(document: DocumentNode, variables: Readonly<Record<string, unknown>>): DocumentNode | null {
  const defaults = new Map<string, ValueNode>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      if (variable.defaultValue) defaults.set(variable.variable.name.value, variable.defaultValue);
    }
  }
  let replaced = false;
  const priced = visit(document, {
    Argument(node) {
      if (!PAGE_SIZE_ARGS.has(node.name.value) || node.value.kind !== Kind.VARIABLE) return undefined;
      const name = node.value.name.value;
      const given = variables[name];
      const value: ValueNode | undefined =
        typeof given === 'number' && Number.isInteger(given) ? { kind: Kind.INT, value: String(Math.min(given, MAX_INT)) } : given === undefined ? defaults.get(name) : undefined;
      if (value?.kind !== Kind.INT) return undefined;
      replaced = true;
      return { ...node, value };
    },
  });
  return replaced ? priced : null;
}

/**
 * Apollo validates a document before it knows the variables, so the cost rule alone sees
 * `first: $n` as a list of one. Once the operation is resolved (variables known, no resolver run
 * yet), this checks the document again with the page sizes filled in, by the same rules.
 */
export function variableCostPlugin(rules: readonly ValidationRule[]): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          const priced = withPageSizes(document, request.variables ?? {});
          if (!priced) return;
          const [refusal] = validate(schema, priced, rules);
          if (refusal) throw new GraphQLError(refusal.message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
        },
      };
    },
  };
}
