/**
 * What a canned response must satisfy before it is stored: the API runs it before it writes, the
 * admin's editor on every keystroke, so both word each problem the same way.
 */
import { validateName } from '../common/name-limit';
import { isLanguageTag } from '../tree/language-tag';
import type { FieldIssue } from '../tree/page-draft.types';
import { CANNED_RESPONSE_PLACEHOLDERS, placeholdersOf, type CannedResponseVariant } from './canned-response';

/** The longest reply a moderator may send, and so the longest body of a canned response. */
export const REPLY_TEXT_MAX = 8000;
/** Languages of one canned response. */
export const CANNED_RESPONSE_MAX_VARIANTS = 30;

/**
 * Every issue of a canned response (empty when valid): `name`, `variants` (none, too many), and
 * `variants.<index>` for one body: its language tag, a language given again (on the later
 * variant), a blank or too long body, a placeholder that is not CANNED_RESPONSE_PLACEHOLDERS.
 */
export function validateCannedResponse(canned: { name: string; variants: readonly CannedResponseVariant[] }): FieldIssue[] {
  const issues: FieldIssue[] = [...validateName(canned.name)];
  const { variants } = canned;
  if (variants.length === 0) issues.push({ field: 'variants', message: 'needs at least one language' });
  if (variants.length > CANNED_RESPONSE_MAX_VARIANTS) issues.push({ field: 'variants', message: `has more than ${CANNED_RESPONSE_MAX_VARIANTS} languages` });
  const known: readonly string[] = CANNED_RESPONSE_PLACEHOLDERS;
  const seen = new Set<string>();
  variants.forEach((variant, index) => {
    const at = (message: string) => issues.push({ field: `variants.${index}`, message });
    if (!isLanguageTag(variant.language)) at(`${variant.language || 'an empty tag'} is not a BCP 47 language tag`);
    else if (seen.has(variant.language.toLowerCase())) at(`${variant.language} appears twice`);
    seen.add(variant.language.toLowerCase());
    if (!variant.body.trim()) at('body is blank');
    if (variant.body.length > REPLY_TEXT_MAX) at(`body is longer than ${REPLY_TEXT_MAX} characters`);
    for (const path of placeholdersOf(variant.body)) if (!known.includes(path)) at(`{{${path}}} is not one of ${known.join(', ')}`);
  });
  return issues;
}
