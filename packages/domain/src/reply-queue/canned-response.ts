/**
 * Canned responses: per-language bodies with `{{path}}` placeholders filled from the
 * conversation ({{author.firstName}}, {{page.name}}, {{moderator.firstName}}).
 *
 * A placeholder that cannot be filled (unknown path, or no value such as an author without a
 * first name) stays visible in the text and is listed in `missing`: the moderator sees exactly
 * what would go out, and the app can refuse to send while `missing` is not empty. An empty value
 * counts as missing too, since "Hi , thanks" is as wrong as "Hi {{author.firstName}}".
 */
import { primaryLanguageSubtag } from '../tree/language-tag';

export interface CannedResponseContext {
  author: { firstName: string | null; name: string };
  page: { name: string };
  moderator: { firstName: string | null };
}

/**
 * Every placeholder a template may name: the paths of CannedResponseContext, for editors to offer
 * and to flag the others before the API refuses them.
 */
export const CANNED_RESPONSE_PLACEHOLDERS = ['author.firstName', 'author.name', 'page.name', 'moderator.firstName'] as const;

export interface CannedResponseVariant {
  /** BCP 47 tag of the body's language. */
  language: string;
  body: string;
}

export interface RenderedCannedResponse {
  /** The language of the variant used; null when there was none. */
  language: string | null;
  text: string;
  /** Placeholder paths left unfilled, each once, in order of first appearance. */
  missing: string[];
}

/** `{{ author.firstName }}`: spaces inside the braces are tolerated, paths are dotted names. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)\s*\}\}/g;

/** The placeholder paths of `template`, each once, in order of first appearance. */
export function placeholdersOf(template: string): string[] {
  return unique([...template.matchAll(PLACEHOLDER)].map((match) => match[1]!));
}

/** `template` with every fillable placeholder replaced; see the file comment for the rest. */
export function fillPlaceholders(template: string, context: CannedResponseContext): { text: string; missing: string[] } {
  const missing: string[] = [];
  const text = template.replace(PLACEHOLDER, (placeholder, path: string) => {
    const value = valueAt(context, path);
    if (value === null) {
      missing.push(path);
      return placeholder;
    }
    return value;
  });
  return { text, missing: unique(missing) };
}

/**
 * The variant for a reader who prefers `languages` (most preferred first). For each preferred
 * language in turn: the exact tag, else a variant of the same primary language (the bare "fr"
 * before "fr-FR" when both exist); only when no preferred language is served, the first variant.
 * So a fr-CA reader gets the French variant before their second choice, English.
 */
export function pickTemplate<V extends CannedResponseVariant>(variants: readonly V[], languages: readonly string[]): V | null {
  const tagOf = (tag: string) => tag.trim().toLowerCase();
  for (const language of languages) {
    const exact = variants.find((variant) => tagOf(variant.language) === tagOf(language));
    if (exact) return exact;
    const primary = primaryLanguageSubtag(language.trim());
    const samePrimary = variants.filter((variant) => primaryLanguageSubtag(variant.language.trim()) === primary);
    const best = samePrimary.find((variant) => tagOf(variant.language) === primary) ?? samePrimary[0];
    if (best) return best;
  }
  return variants[0] ?? null;
}

/** Picks the variant for `languages` and fills it from `context`. */
export function renderCannedResponse(
  variants: readonly CannedResponseVariant[],
  context: CannedResponseContext,
  languages: string | readonly string[],
): RenderedCannedResponse {
  const variant = pickTemplate(variants, typeof languages === 'string' ? [languages] : languages);
  if (!variant) return { language: null, text: '', missing: [] };
  return { language: variant.language, ...fillPlaceholders(variant.body, context) };
}

/**
 * The text at `path`, or null when absent or empty. Only own properties are followed, so a
 * template cannot reach `{{author.constructor}}` or anything on a prototype.
 */
function valueAt(context: CannedResponseContext, path: string): string | null {
  let value: unknown = context;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return null;
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
