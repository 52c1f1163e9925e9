import { CANNED_RESPONSE_PLACEHOLDERS, fillPlaceholders, pickTemplate, placeholdersOf, renderCannedResponse, type CannedResponseContext } from './canned-response';

const context: CannedResponseContext = {
  author: { firstName: 'Camille', name: 'Camille Martin' },
  page: { name: 'Northwind France' },
  moderator: { firstName: 'Léa' },
};

const variants = [
  { language: 'en', body: 'Hi {{author.firstName}}, thanks for writing to {{page.name}}. {{moderator.firstName}}' },
  { language: 'fr-FR', body: 'Bonjour {{ author.firstName }}, merci d’avoir écrit à {{page.name}}. {{moderator.firstName}}' },
  { language: 'pt-BR', body: 'Olá {{author.firstName}}!' },
  { language: 'pt', body: 'Olá {{author.firstName}} (pt)' },
];

describe('fillPlaceholders', () => {
  it('fills every known placeholder, spaces inside braces tolerated', () => {
    expect(fillPlaceholders('Hi {{author.firstName}} / {{ author.name }} from {{page.name}}, {{moderator.firstName}}', context)).toEqual({
      text: 'Hi Camille / Camille Martin from Northwind France, Léa',
      missing: [],
    });
  });

  it('leaves an unknown placeholder visible and reports it once', () => {
    expect(fillPlaceholders('Order {{order.id}} / {{order.id}} for {{author.firstName}}', context)).toEqual({
      text: 'Order {{order.id}} / {{order.id}} for Camille',
      missing: ['order.id'],
    });
  });

  it.each([[null], [''], ['  ']])('treats a first name of %j as missing', (firstName) => {
    const anonymous = { ...context, author: { firstName, name: 'c.m' } };
    expect(fillPlaceholders('Hi {{author.firstName}}', anonymous)).toEqual({ text: 'Hi {{author.firstName}}', missing: ['author.firstName'] });
  });

  it.each([['{{author}}'], ['{{author.constructor}}'], ['{{page.name.length}}'], ['{{__proto__.toString}}']])(
    'does not render objects or reach prototypes: %s',
    (template) => {
      expect(fillPlaceholders(template, context)).toEqual({ text: template, missing: [template.slice(2, -2)] });
    },
  );

  it('leaves text that only looks like a placeholder alone', () => {
    expect(fillPlaceholders('{{ }} {single} {{1abc}}', context)).toEqual({ text: '{{ }} {single} {{1abc}}', missing: [] });
  });
});

describe('CANNED_RESPONSE_PLACEHOLDERS', () => {
  it('lists exactly the paths a full context fills', () => {
    const template = CANNED_RESPONSE_PLACEHOLDERS.map((path) => `{{${path}}}`).join(' ');
    expect(fillPlaceholders(template, context)).toEqual({ text: 'Camille Camille Martin Northwind France Léa', missing: [] });
  });
});

describe('placeholdersOf', () => {
  it('lists each placeholder path once, in order of appearance', () => {
    expect(placeholdersOf('{{page.name}} {{ author.firstName }} {{page.name}} {{x}}')).toEqual(['page.name', 'author.firstName', 'x']);
  });
});

describe('pickTemplate', () => {
  it.each<[string[], string | null]>([
    [['fr-FR'], 'fr-FR'],
    [['FR-fr'], 'fr-FR'],
    [['fr-CA'], 'fr-FR'],
    [['fr'], 'fr-FR'],
    [['pt-PT'], 'pt'],
    [['pt-BR'], 'pt-BR'],
    [['de', 'en'], 'en'],
    [['fr-CA', 'en'], 'fr-FR'],
    [['de'], 'en'],
    [[], 'en'],
  ])('picks for %j: %s', (languages, expected) => {
    expect(pickTemplate(variants, languages)?.language).toBe(expected);
  });

  it('answers null when there is no variant', () => {
    expect(pickTemplate([], ['fr'])).toBeNull();
  });
});

describe('renderCannedResponse', () => {
  it('renders the variant of the author language', () => {
    expect(renderCannedResponse(variants, context, 'fr-BE')).toEqual({
      language: 'fr-FR',
      text: 'Bonjour Camille, merci d’avoir écrit à Northwind France. Léa',
      missing: [],
    });
  });

  it('falls back to the first variant and still reports what is missing', () => {
    const result = renderCannedResponse(variants, { ...context, moderator: { firstName: null } }, ['ja']);
    expect(result).toEqual({
      language: 'en',
      text: 'Hi Camille, thanks for writing to Northwind France. {{moderator.firstName}}',
      missing: ['moderator.firstName'],
    });
  });

  it('renders nothing when the response has no variant', () => {
    expect(renderCannedResponse([], context, 'fr')).toEqual({ language: null, text: '', missing: [] });
  });
});
