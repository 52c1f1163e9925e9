/**
 * The one limit on names people type: queues, routing rules, canned responses, approval steps,
 * display names, page handles and external ids are stored in varchar(120) columns, so both apps
 * refuse a longer one with the same words before the database would.
 */
import type { FieldIssue } from '../tree/page-draft.types';

export const NAME_MAX_LENGTH = 120;

/**
 * The issues of a name under `field`: required unless `optional` (blank then passes), and at most
 * NAME_MAX_LENGTH characters. Counted without the surrounding spaces, which the apps trim before
 * storing.
 */
export function validateName(name: string | null | undefined, field = 'name', { optional = false }: { optional?: boolean } = {}): FieldIssue[] {
  const trimmed = (name ?? '').trim();
  if (!trimmed) return optional ? [] : [{ field, message: 'is required' }];
  if (trimmed.length > NAME_MAX_LENGTH) return [{ field, message: `is longer than ${NAME_MAX_LENGTH} characters` }];
  return [];
}
