import { REPLY_TEXT_MAX, validateCannedResponse } from './validate-canned-response';

const fr = { language: 'fr', body: 'Bonjour {{author.firstName}}, merci de votre message.' };

describe('validateCannedResponse', () => {
  it('accepts a named response with one body per language and known placeholders', () => {
    expect(validateCannedResponse({ name: 'Thanks', variants: [fr, { language: 'en-GB', body: 'Hi {{ author.firstName }} from {{page.name}}' }] })).toEqual([]);
  });

  it('requires a name of at most 120 characters', () => {
    expect(validateCannedResponse({ name: '', variants: [fr] })).toEqual([{ field: 'name', message: 'is required' }]);
    expect(validateCannedResponse({ name: 'x'.repeat(121), variants: [fr] })).toEqual([{ field: 'name', message: 'is longer than 120 characters' }]);
  });

  it('needs 1 to 30 languages', () => {
    expect(validateCannedResponse({ name: 'Thanks', variants: [] })).toEqual([{ field: 'variants', message: 'needs at least one language' }]);
    const many = Array.from({ length: 31 }, (_, i) => ({ language: `x-lang${i}`, body: 'hi' }));
    expect(validateCannedResponse({ name: 'Thanks', variants: many }).filter((issue) => issue.field === 'variants')).toEqual([{ field: 'variants', message: 'has more than 30 languages' }]);
  });

  it('flags, under the variant, a bad or empty tag, a language given twice (on the later one, any case), a blank body and an unknown placeholder', () => {
    const issues = validateCannedResponse({
      name: 'Thanks',
      variants: [
        { language: 'fr', body: 'Bonjour {{author.prenom}}' },
        { language: 'FR', body: ' ' },
        { language: 'pas une langue', body: 'x' },
        { language: '', body: 'x' },
      ],
    });
    expect(issues).toEqual([
      { field: 'variants.0', message: '{{author.prenom}} is not one of author.firstName, author.name, page.name, moderator.firstName' },
      { field: 'variants.1', message: 'FR appears twice' },
      { field: 'variants.1', message: 'body is blank' },
      { field: 'variants.2', message: 'pas une langue is not a BCP 47 language tag' },
      { field: 'variants.3', message: 'an empty tag is not a BCP 47 language tag' },
    ]);
  });

  it('refuses a body longer than a reply may be', () => {
    expect(REPLY_TEXT_MAX).toBe(8000);
    expect(validateCannedResponse({ name: 'Thanks', variants: [{ language: 'fr', body: 'x'.repeat(8001) }] })).toEqual([{ field: 'variants.0', message: 'body is longer than 8000 characters' }]);
  });
});
