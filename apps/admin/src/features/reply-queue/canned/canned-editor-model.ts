import { validateCannedResponse, type CannedResponseVariant } from '@pivot/domain';
import { previewCanned } from '../workspace/workspace-model';

/** A made-up conversation the editor previews with, so each placeholder shows what fills it. */
export const SAMPLE_AUTHOR = 'Camille Martin';

/** The issues of the variant at `index`, by the domain's validateCannedResponse (the API's own check), shown before saving. */
export function variantIssues(all: readonly CannedResponseVariant[], index: number): string[] {
  const field = `variants.${index}`;
  return validateCannedResponse({ name: '', variants: all }).flatMap((issue) => (issue.field === field ? [issue.message] : []));
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
