import type { AuditFilterInput } from '../../gql/graphql';

/** One changed field as the audit screen shows it: values as readable text, null when there was none. */
export interface DiffRow {
  field: string;
  before: string | null;
  after: string | null;
  change: 'added' | 'removed' | 'changed';
}

/** A stored value (JSON) as text: strings as they are, lists comma-separated, null as null. */
export function formatAuditValue(json: string | null | undefined): string | null {
  if (json === null || json === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The changes of one entry as rows to show: fields whose readable values did not change are left out. */
export function diffRows(changes: readonly { field: string; before?: string | null; after?: string | null }[]): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const { field, before, after } of changes) {
    const old = formatAuditValue(before);
    const now = formatAuditValue(after);
    if (old === now) continue;
    rows.push({ field, before: old, after: now, change: old === null ? 'added' : now === null ? 'removed' : 'changed' });
  }
  return rows;
}

/** What the filter form holds: free text, blank meaning "any". */
export interface AuditFilterValues {
  /** A user's "Name <email>", an email, or a user id. */
  actor: string;
  subjectType: string | null;
  /** "page.update" (exact), "page." or "page" (every page action). */
  action: string;
  /** `datetime-local` values, in the browser's time zone. */
  from: string;
  to: string;
}

export const EMPTY_FILTER: AuditFilterValues = { actor: '', subjectType: null, action: '', from: '', to: '' };

export interface ActorOption {
  id: string;
  email: string;
  displayName: string;
}

export const actorLabel = (user: ActorOption) => `${user.displayName} <${user.email}>`;

/** The actor's id: a user picked from the list (by label or email), else whatever id was typed. */
export function actorIdOf(value: string, users: readonly ActorOption[]): string | null {
  const text = value.trim();
  if (text === '') return null;
  const lower = text.toLowerCase();
  const user = users.find((candidate) => actorLabel(candidate) === text || candidate.email.toLowerCase() === lower);
  return user ? user.id : text;
}

/** An action word without a dot asks for the whole family ("page" → "page."), as the API's prefix filter expects. */
export function actionFilterOf(value: string): string | null {
  const text = value.trim();
  if (text === '') return null;
  return text.includes('.') ? text : `${text}.`;
}

function isoOf(local: string): string | null {
  if (local.trim() === '') return null;
  const time = new Date(local);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/** The API filter for the form's values. */
export function auditFilterOf(values: AuditFilterValues, users: readonly ActorOption[]): AuditFilterInput {
  const filter: AuditFilterInput = {};
  const actorId = actorIdOf(values.actor, users);
  if (actorId) filter.actorId = actorId;
  if (values.subjectType) filter.subjectType = values.subjectType;
  const action = actionFilterOf(values.action);
  if (action) filter.action = action;
  const from = isoOf(values.from);
  if (from) filter.from = from;
  const to = isoOf(values.to);
  if (to) filter.to = to;
  return filter;
}
