import { stdSerializers } from 'pino';
/** What a logged database error keeps: enough to find the statement's fault, nothing of its values. */
const KEPT_FIELDS = ['code', 'constraint', 'table', 'column', 'severity', 'routine'] as const;
/** PostgreSQL quotes the rejected value in some messages (`invalid input syntax for type uuid: "…"`). */
const QUOTED_VALUE = /(for (?:type|enum) [\w ."]+?): ".*?"(?=$|\n|\s)/g;
/** Shorter values (ids, flags, page sizes) are not secrets, and redacting them would shred the message. */
const MIN_REDACTED_LENGTH = 4;

type Serialized = Record<string, unknown>;

const isObject = (value: unknown): value is Serialized => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A TypeORM QueryFailedError or a node-postgres DatabaseError, as pino serialized it. */
function isDatabaseError(err: Serialized): boolean {
  return 'parameters' in err || 'query' in err || 'driverError' in err || (typeof err.severity === 'string' && typeof err.routine === 'string');
}

function flatten(values: unknown, into: string[] = []): string[] {
  if (Array.isArray(values)) for (const value of values) flatten(value, into);
  else if (values instanceof Date) into.push(values.toISOString());
  else if (isObject(values)) flatten(Object.values(values), into);
  else if (values !== null && values !== undefined && String(values).length >= MIN_REDACTED_LENGTH) into.push(String(values));
  return into;
}

function redact(text: unknown, values: string[]): unknown {
  if (typeof text !== 'string') return text;
  let out = text.replace(QUOTED_VALUE, '$1: "[redacted]"');
  // Longest first, so a value containing another is removed whole.
  for (const value of [...values].sort((a, b) => b.length - a.length)) out = out.split(value).join('[redacted]');
  return out;
}

/**
 * pino's `err` serializer (after its standard one): a database error keeps its type, message, code,
 * constraint, table and column, never the statement's parameters (a password hash, an e-mail, a
 * post's body) nor its text or PostgreSQL's `detail` (which repeats the conflicting key's value);
 * values the message quotes are redacted. Other errors pass, their nested errors checked too.
 */
export function safeErrorLog(err: unknown): unknown {
  if (!isObject(err)) return err;
  if (isDatabaseError(err)) {
    const driver = isObject(err.driverError) ? err.driverError : {};
    const values = flatten(err.parameters);
    const safe: Serialized = { type: err.type, message: redact(err.message, values), stack: redact(err.stack, values) };
    for (const field of KEPT_FIELDS) {
      const value = err[field] ?? driver[field];
      if (value !== undefined) safe[field] = value;
    }
    return safe;
  }
  const out: Serialized = { ...err };
  for (const [key, value] of Object.entries(err)) {
    if (Array.isArray(value)) out[key] = value.map((item) => (isObject(item) ? safeErrorLog(item) : item));
    else if (isObject(value) && 'message' in value) out[key] = safeErrorLog(value);
  }
  return out;
}

/**
 * A failure as one line of a worker's log: the message safeErrorLog keeps (a database error's quoted
 * and bound values redacted) and its SQLSTATE, for the places that log a message, not an `err`.
 */
export function safeErrorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const safe = safeErrorLog(stdSerializers.err(error)) as Serialized;
  return typeof safe.code === 'string' ? `${String(safe.message)} (${safe.code})` : String(safe.message);
}
