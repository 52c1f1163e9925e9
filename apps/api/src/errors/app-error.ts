/**
 * The error codes a client may see, in `errors[0].extensions.code` (GraphQL) or `code` (REST).
 * Services throw AppError; one formatter maps it to the wire. Anything else is an internal
 * error whose details stay in the server log.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldProblem {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  static badInput(message: string, fields: FieldProblem[] = []): AppError {
    return new AppError('BAD_USER_INPUT', message, fields.length ? { fields } : {});
  }

  /** One problem per field; the message repeats the first so a client that shows one line is still clear. */
  static invalidFields(fields: FieldProblem[]): AppError {
    const [first] = fields;
    return AppError.badInput(first ? `${first.field}: ${first.message}` : 'Invalid input', fields);
  }

  static notFound(what: string): AppError {
    return new AppError('NOT_FOUND', `${what} not found`);
  }

  static conflict(message: string): AppError {
    return new AppError('CONFLICT', message);
  }

  static unauthenticated(message = 'Sign in required'): AppError {
    return new AppError('UNAUTHENTICATED', message);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Ids come from clients: a malformed one is bad input, never a database cast error. */
export function assertUuid(value: string, field: string): string {
  if (!isUuid(value)) throw AppError.badInput(`${field} is not a valid id`, [{ field, message: 'is not a valid id' }]);
  return value.toLowerCase();
}
