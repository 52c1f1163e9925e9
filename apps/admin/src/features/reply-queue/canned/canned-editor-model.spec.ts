import { insertPlaceholder, samplePreview, variantIssues } from './canned-editor-model';

describe('the canned response editor', () => {
  it('flags an unknown placeholder, a bad language tag, a blank body and a language given twice (on its second variant, as the API says), before the API', () => {
    const variants = [
      { language: 'fr', body: 'Bonjour {{author.prenom}}' },
      { language: 'FR', body: ' ' },
      { language: 'pas une langue', body: 'x' },
    ];
    expect(variantIssues(variants, 0)).toEqual([expect.stringContaining('{{author.prenom}} is not one of author.firstName')]);
    expect(variantIssues(variants, 1)).toEqual(['FR appears twice', 'body is blank']);
    expect(variantIssues(variants, 2)).toEqual(['pas une langue is not a BCP 47 language tag']);
    expect(variantIssues([{ language: 'en', body: 'Hi {{ author.firstName }} from {{page.name}}' }], 0)).toEqual([]);
  });

  it("flags a body longer than a reply may be, as the API's (the domain's) check does", () => {
    expect(variantIssues([{ language: 'fr', body: 'x'.repeat(8001) }], 0)).toEqual(['body is longer than 8000 characters']);
  });

  it('previews a variant with the sample author, the page and the moderator filled in', () => {
    expect(samplePreview({ language: 'fr', body: 'Bonjour {{author.firstName}}, {{page.name}} — {{moderator.firstName}}' }, 'Northwind France', 'Fleur Manager')).toBe(
      'Bonjour Camille, Northwind France — Fleur',
    );
  });

  it('inserts a placeholder at the cursor, or at the end without one', () => {
    expect(insertPlaceholder('Hi !', 'author.firstName', 3)).toBe('Hi {{author.firstName}}!');
    expect(insertPlaceholder('Hi', 'page.name', null)).toBe('Hi{{page.name}}');
  });
});
