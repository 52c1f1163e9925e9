import type { GraphQLFormattedError } from 'graphql';

/**
 * graphql-js appends " Did you mean …?" to validation and coercion messages (fields, arguments,
 * types, input fields, enum values: `Did you mean the enum value "DRAFT"?`), which maps the schema
 * for anyone when introspection is off. Its suggestions are quoted GraphQL names, never a `?`.
 */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '').trimEnd();
}

type Formatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** The formatter with suggestions cut from every message it lets out (production). */
export function suggestionFreeFormatter(format: Formatter): Formatter {
  return (formatted, error) => {
    const result = format(formatted, error);
    return { ...result, message: withoutSuggestions(result.message) };
  };
}
