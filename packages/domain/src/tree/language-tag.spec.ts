import { canonicalLanguageTag, isLanguageTag, primaryLanguageSubtag } from './language-tag';

describe('canonicalLanguageTag', () => {
  it.each([
    ['fr', 'fr'],
    ['FR', 'fr'],
    ['en-us', 'en-US'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['iw', 'he'],
    [' nl-be ', 'nl-BE'],
  ])('canonicalises %j to %j', (tag, canonical) => {
    expect(canonicalLanguageTag(tag)).toBe(canonical);
  });

  it.each(['', '   ', '*', 'en_US', 'x-private', 'abcdefghi', '123', 'fr--BE'])('returns null for %j, which is not a BCP 47 tag', (tag) => {
    expect(canonicalLanguageTag(tag)).toBeNull();
  });

  it('returns null for a non-string', () => {
    expect(canonicalLanguageTag(null)).toBeNull();
    expect(canonicalLanguageTag(undefined)).toBeNull();
  });
});

describe('isLanguageTag', () => {
  it.each(['fr', 'FR', 'nl-BE', 'zh-Hant-TW', 'en-u-ca-gregory'])('accepts %j', (tag) => {
    expect(isLanguageTag(tag)).toBe(true);
  });

  it.each(['', '*', ' fr', 'en_US', 'français'])('rejects %j', (tag) => {
    expect(isLanguageTag(tag)).toBe(false);
  });
});

describe('primaryLanguageSubtag', () => {
  it('keeps the language and drops region and script, lower-cased', () => {
    expect(primaryLanguageSubtag('fr-BE')).toBe('fr');
    expect(primaryLanguageSubtag('ZH-Hant-TW')).toBe('zh');
    expect(primaryLanguageSubtag('nl')).toBe('nl');
  });
});
