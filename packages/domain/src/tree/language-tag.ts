/**
 * BCP 47 language tags, checked by the runtime's own Intl rather than a regex: Node and every
 * browser the admin app targets implement Intl.getCanonicalLocales, which knows the grammar,
 * case conventions and deprecated aliases (iw → he) far better than we would.
 */

/**
 * The canonical form of a tag ("EN-us" → "en-US", "iw" → "he"), or null when it is not a
 * well-formed BCP 47 tag. Surrounding spaces are trimmed; "*" (Accept-Language wildcard) and
 * the empty string are not tags.
 */
export function canonicalLanguageTag(tag: string | null | undefined): string | null {
  if (typeof tag !== 'string') return null;
  const trimmed = tag.trim();
  if (trimmed === '' || trimmed === '*') return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(trimmed);
    return canonical ?? null;
  } catch (error) {
    // getCanonicalLocales signals a malformed tag with RangeError; anything else is a real bug.
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** True when `tag` is a well-formed BCP 47 tag as given (no surrounding spaces), in any case. */
export function isLanguageTag(tag: string): boolean {
  return typeof tag === 'string' && tag === tag.trim() && canonicalLanguageTag(tag) !== null;
}

/** "fr-BE" → "fr": what language-variant matching falls back to when no tag matches exactly. */
export function primaryLanguageSubtag(tag: string): string {
  return tag.split(/[-_]/, 1)[0]!.toLowerCase();
}
