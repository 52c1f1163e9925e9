import { CANNED_RESPONSE_PLACEHOLDERS, isLanguageTag, placeholdersOf, type CannedResponseVariant } from '@pivot/domain';
import { previewCanned } from '../workspace/workspace-model';

/** A made-up conversation the editor previews with, so each placeholder shows what fills it. */
export const SAMPLE_AUTHOR = 'Camille Martin';

/** The issues of the variant at `index`, as the API words them (canned-response.service), shown before saving. */
export function variantIssues(all: readonly CannedResponseVariant[], index: number): string[] {
  const variant = all[index]!;
  const issues: string[] = [];
  const same = (other: CannedResponseVariant) => other.language.toLowerCase() === variant.language.toLowerCase();
  if (!isLanguageTag(variant.language)) issues.push(`${variant.language || 'an empty tag'} is not a BCP 47 language tag`);
  else if (all.slice(0, index).some(same)) issues.push(`${variant.language} appears twice`);
  if (!variant.body.trim()) issues.push('body is blank');
  for (const path of placeholdersOf(variant.body)) {
    if (!(CANNED_RESPONSE_PLACEHOLDERS as readonly string[]).includes(path)) issues.push(`{{${path}}} is not one of ${CANNED_RESPONSE_PLACEHOLDERS.join(', ')}`);
  }
  return issues;
}

/** The variant as a moderator would send it on `pageName`, with the sample author. */
export function samplePreview(variant: CannedResponseVariant, pageName: string, moderatorName: string): string {
  return previewCanned([variant], { authorName: SAMPLE_AUTHOR, pageName, moderatorName }, [variant.language]).text;
}

/** Inserts `{{path}}` at the cursor of a body (or at its end). */
export function insertPlaceholder(body: string, path: string, at: number | null): string {
  const position = at === null || at < 0 || at > body.length ? body.length : at;
  return `${body.slice(0, position)}{{${path}}}${body.slice(position)}`;
}
