import { CombinedGraphQLErrors } from '@apollo/client';

/** Messages per form field (its input name), as the forms show them under each input. */
export type FieldErrors = Record<string, string[]>;

/** A refused write as a form shows it: per field, and one message for the rest. */
export interface ApiErrors {
  fields: FieldErrors;
  general: string | null;
}

export const NO_API_ERRORS: ApiErrors = { fields: {}, general: null };

/**
 * The API's answer to a refused write, split as the form shows it: BAD_USER_INPUT carries
 * extensions.fields [{ field, message }] for the inputs; anything else is one form-level message.
 */
export function apiErrorsOf(error: unknown): ApiErrors {
  if (!CombinedGraphQLErrors.is(error)) return { fields: {}, general: 'The API cannot be reached. Try again.' };
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const graphqlError of error.errors) {
    const list = graphqlError.extensions?.fields;
    if (graphqlError.extensions?.code === 'BAD_USER_INPUT' && Array.isArray(list) && list.length > 0) {
      for (const item of list as { field?: unknown; message?: unknown }[]) {
        const field = typeof item.field === 'string' ? item.field.replace(/^input\./, '') : '';
        const message = typeof item.message === 'string' ? item.message : graphqlError.message;
        (fields[field] ??= []).push(message);
      }
    } else if (graphqlError.extensions?.code === 'CONFLICT') {
      general.push(`${graphqlError.message} Reload the page to see the latest version.`);
    } else {
      general.push(graphqlError.message);
    }
  }
  return { fields, general: general.length > 0 ? general.join(' ') : null };
}
