import { abilityFromPackedRules, defineAbilityFor, packRules, type Grant } from '@pivot/domain';
import { bodySegments, fromLocalInput, policiesOf, reviewDraft, targetablePages, toLocalInput, type ComposerPage } from './composer-model';

const page = (id: string, parentId: string | null, kind: ComposerPage['kind'], scopeIds: string[], extra: Partial<ComposerPage> = {}): ComposerPage => ({
  id,
  brandId: 'b',
  parentId,
  kind,
  scopeIds,
  country: null,
  network: 'facebook',
  name: id,
  status: 'ACTIVE',
  ...extra,
});
const PAGES = [
  page('g', null, 'GLOBAL', ['g']),
  page('emea', 'g', 'REGION', ['g', 'emea']),
  page('fr', 'emea', 'MARKET', ['g', 'emea', 'fr'], { country: 'FR' }),
  page('fr-old', 'fr', 'SEGMENT', ['g', 'emea', 'fr', 'fr-old'], { country: 'FR', status: 'ARCHIVED' }),
  page('es', 'emea', 'MARKET', ['g', 'emea', 'es'], { country: 'ES' }),
];
const abilityOf = (grant: Grant) => abilityFromPackedRules(JSON.stringify(packRules(defineAbilityFor({ userId: 'me', grants: [grant] }).rules)));
const guardrails = { bannedTerms: ['guaranteed'], requiredHashtags: ['northwind'], missingHashtagSeverity: 'warning' as const, allowedLinkDomains: ['northwind.example'] };
const policies = policiesOf([
  {
    id: 'p',
    country: null,
    version: 1,
    steps: [
      { id: 'market', name: 'Market manager', mode: 'ANY', role: 'MARKET_MANAGER', scope: 'POST_MARKET', userIds: null, when: ['ALWAYS'] },
      { id: 'brand', name: 'Brand team', mode: 'ANY', role: 'BRAND_ADMIN', scope: 'BRAND', userIds: null, when: ['TARGETS_GLOBAL_PAGE', 'HAS_GUARDRAIL_WARNINGS'] },
    ],
  },
]);
const context = { pages: PAGES, guardrails, policies, authorId: 'me', brandId: 'b' };

describe('targetablePages', () => {
  it("offers a publisher the active pages of their market only, as the API's create rule does", () => {
    const publisher = abilityOf({ role: 'PUBLISHER', brandId: 'b', scopePageId: 'fr', scopeIds: ['g', 'emea', 'fr'] });
    expect(targetablePages(publisher, PAGES, 'me').map((candidate) => candidate.id)).toEqual(['fr']);
  });

  it('offers the brand admin every active page, widest first', () => {
    const admin = abilityOf({ role: 'BRAND_ADMIN', brandId: 'b', scopePageId: 'g', scopeIds: ['g'] });
    expect(targetablePages(admin, PAGES, 'me').map((candidate) => candidate.id)).toEqual(['g', 'emea', 'es', 'fr']);
  });
});

describe('reviewDraft', () => {
  it('reports a banned term as blocking and a missing hashtag as a warning, which adds the brand step', () => {
    const review = reviewDraft({ body: 'Offre guaranteed', link: '', targetPageIds: ['fr'] }, context);
    expect(review.report.blocking).toBe(true);
    expect(review.report.issues.map((issue) => [issue.code, issue.severity, issue.start])).toEqual([
      ['BANNED_TERM', 'error', 6],
      ['MISSING_HASHTAG', 'warning', null],
    ]);
    expect(review.path.map((step) => step.step.id)).toEqual(['market', 'brand']);
  });

  it('needs only the market manager once the draft is clean, and no path before a target is picked', () => {
    expect(reviewDraft({ body: 'Bonjour #northwind', link: 'https://northwind.example/a', targetPageIds: ['fr'] }, context).path.map((step) => step.step.id)).toEqual(['market']);
    expect(reviewDraft({ body: 'Bonjour #northwind', link: '', targetPageIds: [] }, context).path).toEqual([]);
  });

  it('sends a post on the global page to the brand team', () => {
    const review = reviewDraft({ body: 'Hello #northwind', link: '', targetPageIds: ['g'] }, context);
    expect(review.path.map((step) => step.step.id)).toEqual(['brand']);
  });
});

describe('bodySegments', () => {
  it('cuts the body at issue spans, errors winning where they overlap warnings', () => {
    const issues = [
      { start: 0, end: 5, severity: 'warning' as const, message: 'w' },
      { start: 3, end: 8, severity: 'error' as const, message: 'e' },
    ];
    expect(bodySegments('abcdefghij', issues).map((segment) => [segment.text, segment.severity])).toEqual([
      ['abc', 'warning'],
      ['de', 'error'],
      ['fgh', 'error'],
      ['ij', null],
    ]);
  });

  it('leaves a body without span issues whole', () => {
    expect(bodySegments('abc', [{ start: null, end: null, severity: 'warning', message: 'w' }])).toEqual([{ text: 'abc', severity: null, messages: [] }]);
  });
});

describe('publish time input', () => {
  it('round-trips a local wall-clock minute through the ISO time the API takes', () => {
    const at = new Date(2026, 11, 2, 9, 30);
    expect(toLocalInput(at.toISOString())).toBe('2026-12-02T09:30');
    expect(fromLocalInput('2026-12-02T09:30')).toBe(at.toISOString());
  });

  it('treats an empty or malformed value as no publish time', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
    expect(toLocalInput(null)).toBe('');
  });
});
