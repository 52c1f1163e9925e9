import { checkDraft, weightedLength, type BrandGuardrails, type GuardrailContext, type GuardrailIssue } from './guardrails';
import type { MediaRef, PostDraft } from './post.types';

const guardrails: BrandGuardrails = {
  bannedTerms: ['damn', 'free money', 'ass'],
  requiredHashtags: ['#Northwind'],
  missingHashtagSeverity: 'warning',
  allowedLinkDomains: ['northwind.com'],
};
const facebook: GuardrailContext = { guardrails, networks: ['facebook'] };
const image: MediaRef = { id: 'm1', kind: 'image' };
const video: MediaRef = { id: 'v1', kind: 'video' };

const check = (draft: PostDraft, context: Partial<GuardrailContext> = {}) => checkDraft(draft, { ...facebook, ...context });
/** The issues as compact tuples, so tables read well: [code, start, end]. */
const spans = (issues: GuardrailIssue[]) => issues.map((issue) => [issue.code, issue.start, issue.end]);
const codes = (issues: GuardrailIssue[]) => issues.map((issue) => issue.code);

describe('checkDraft: brand rules', () => {
  it('finds nothing wrong with a clean draft', () => {
    expect(check({ body: 'Spring is here #Northwind https://northwind.com/spring' })).toEqual({ issues: [], blocking: false });
  });

  it.each(['', '   \n\t'])('blocks an empty body (%j)', (body) => {
    const report = check({ body });
    expect(codes(report.issues)).toContain('EMPTY_BODY');
    expect(report.blocking).toBe(true);
  });

  it('flags every occurrence of a banned term, case-insensitively, with its position', () => {
    const body = 'Damn, that was fast. damn! #Northwind DAMN';
    const report = check({ body });
    expect(spans(report.issues)).toEqual([
      ['BANNED_TERM', 0, 4],
      ['BANNED_TERM', 21, 25],
      ['BANNED_TERM', 38, 42],
    ]);
    expect(report.issues.map((issue) => body.slice(issue.start!, issue.end!))).toEqual(['Damn', 'damn', 'DAMN']);
    expect(report.blocking).toBe(true);
  });

  it.each([
    ['inside a longer word', 'A classic class act #Northwind', []],
    ['with a letter-with-accent neighbour', 'assé #Northwind', []],
    ['as a hashtag', 'So #damn good #Northwind', [[4, 8]]],
    ['across a line break in a phrase', 'Get free\nmoney now #Northwind', [[4, 14]]],
    ['in several terms', 'damn ass #Northwind', [[0, 4], [5, 8]]],
  ])('matches banned terms as whole words only: %s', (_case, body, expected) => {
    const found = check({ body }).issues.filter((issue) => issue.code === 'BANNED_TERM');
    expect(found.map((issue) => [issue.start, issue.end])).toEqual(expected);
  });

  it('gives UTF-16 offsets after emoji, so body.slice(start, end) is the term', () => {
    const body = '🎉👨‍👩‍👧 Party, damn! #Northwind';
    const [issue] = check({ body }).issues;
    expect(issue).toMatchObject({ code: 'BANNED_TERM', start: 18, end: 22 });
    expect(body.slice(issue!.start!, issue!.end!)).toBe('damn');
  });

  it('warns about a missing required hashtag when the brand says warning', () => {
    const report = check({ body: 'No tag here' });
    expect(report.issues).toEqual([expect.objectContaining({ code: 'MISSING_HASHTAG', severity: 'warning', start: null, end: null })]);
    expect(report.blocking).toBe(false);
  });

  it('blocks a missing required hashtag when the brand says error', () => {
    const report = check({ body: 'No tag here' }, { guardrails: { ...guardrails, missingHashtagSeverity: 'error' } });
    expect(report.blocking).toBe(true);
  });

  it.each([
    ['a different case', 'Hello #NORTHWIND', []],
    ['a longer hashtag', 'Hello #NorthwindDays', ['MISSING_HASHTAG']],
    ['the word without #', 'Hello Northwind', ['MISSING_HASHTAG']],
  ])('required hashtags: %s', (_case, body, expected) => {
    expect(codes(check({ body }).issues)).toEqual(expected);
  });

  it('accepts required hashtags configured with or without "#"', () => {
    const context = { guardrails: { ...guardrails, requiredHashtags: ['Northwind', '#Spring'] } };
    expect(codes(check({ body: '#northwind #spring' }, context).issues)).toEqual([]);
    expect(check({ body: '#northwind' }, context).issues.map((issue) => issue.message)).toEqual(['Add the hashtag #Spring']);
  });
});

describe('checkDraft: link domains', () => {
  it.each([
    ['the allowed domain', 'https://northwind.com/a'],
    ['a subdomain of it', 'https://shop.eu.northwind.com/a?b=c'],
    ['upper case and a port', 'HTTPS://News.Northwind.COM:8443/x'],
    ['a bare www address', 'www.northwind.com/spring'],
  ])('allows %s', (_case, url) => {
    expect(codes(check({ body: `See ${url} #Northwind` }).issues)).toEqual([]);
  });

  it.each([
    ['another domain', 'https://evil.com/x'],
    ['a look-alike ending in the domain', 'https://evilnorthwind.com'],
    ['the domain as a subdomain of another', 'https://northwind.com.evil.com/'],
    ['the domain as userinfo', 'https://northwind.com@evil.com/'],
  ])('refuses %s, pointing at the link', (_case, url) => {
    const body = `See ${url} #Northwind`;
    const report = check({ body });
    expect(spans(report.issues)).toEqual([['LINK_DOMAIN_NOT_ALLOWED', 4, 4 + url.length]]);
    expect(report.blocking).toBe(true);
  });

  it('leaves the sentence punctuation after a link out of its span', () => {
    const body = '#Northwind (see https://evil.com/a_(b)). Done';
    const [issue] = check({ body }).issues;
    expect(body.slice(issue!.start!, issue!.end!)).toBe('https://evil.com/a_(b)');
  });

  it('checks the link field too, without a body position', () => {
    const report = check({ body: '#Northwind', link: 'https://evil.com/x' });
    expect(report.issues).toEqual([expect.objectContaining({ code: 'LINK_DOMAIN_NOT_ALLOWED', field: 'link', start: null })]);
  });

  it.each(['javascript:alert(1)', 'northwind.com', 'ftp://northwind.com/file'])('refuses a link field that is not an http address: %s', (link) => {
    expect(codes(check({ body: '#Northwind', link }).issues)).toEqual(['INVALID_LINK']);
  });

  it('allows any domain when the brand sets no list', () => {
    const context = { guardrails: { ...guardrails, allowedLinkDomains: null } };
    expect(check({ body: '#Northwind https://anything.org', link: 'https://evil.com' }, context).issues).toEqual([]);
  });

  it('refuses every link when the brand allows no domain', () => {
    const context = { guardrails: { ...guardrails, allowedLinkDomains: [] } };
    expect(codes(check({ body: '#Northwind https://northwind.com' }, context).issues)).toEqual(['LINK_DOMAIN_NOT_ALLOWED']);
  });
});

describe('checkDraft: network limits', () => {
  const x = (draft: PostDraft) => check(draft, { networks: ['x'] });
  const tag = ' #Northwind'; // 11 characters

  it('counts a URL as 23 characters on X, whatever its length', () => {
    const url = `https://northwind.com/${'a'.repeat(100)}`;
    const body = `${'b'.repeat(280 - 23 - 1 - tag.length)} ${url}${tag}`;
    expect(weightedLength(body, { maxLength: 280, urlLength: 23 }).length).toBe(280);
    expect(x({ body }).issues).toEqual([]);
    expect(codes(x({ body: `${body}!` }).issues)).toEqual(['TOO_LONG']);
  });

  it('points a too-long X post at the first character past 280', () => {
    const body = `${'a'.repeat(290 - tag.length)}${tag}`;
    const [issue] = x({ body }).issues;
    expect(issue).toMatchObject({ code: 'TOO_LONG', severity: 'error', network: 'x', field: 'body', start: 280, end: 290 });
  });

  it('counts an emoji as one character and reports the overflow as a UTF-16 offset', () => {
    const body = `#Northwind ${'😀'.repeat(269)}`;
    expect(x({ body }).issues).toEqual([]);
    const [issue] = x({ body: `${body}😀` }).issues;
    expect(issue).toMatchObject({ code: 'TOO_LONG', start: 11 + 269 * 2, end: 11 + 270 * 2 });
  });

  it('adds an X link field to the text, as X has no separate link', () => {
    const body = `${'a'.repeat(260 - tag.length)}${tag}`;
    expect(x({ body }).issues).toEqual([]);
    expect(x({ body, link: 'https://northwind.com/x' }).issues).toEqual([
      expect.objectContaining({ code: 'TOO_LONG', field: 'link', start: null, network: 'x' }),
    ]);
  });

  it('does not count a Facebook link field, which becomes a preview card', () => {
    expect(check({ body: `${'a'.repeat(63206 - tag.length)}${tag}`, link: 'https://northwind.com' }).issues).toEqual([]);
  });

  it('requires media on Instagram and warns that its links are not clickable', () => {
    const body = '#Northwind https://northwind.com/spring';
    const report = check({ body, link: 'https://northwind.com' }, { networks: ['instagram'] });
    expect(report.issues.map((issue) => [issue.code, issue.severity, issue.field, issue.start])).toEqual([
      ['LINK_NOT_CLICKABLE', 'warning', 'body', 11],
      ['LINK_NOT_CLICKABLE', 'warning', 'link', null],
      ['MEDIA_REQUIRED', 'error', 'media', null],
    ]);
    expect(report.issues.every((issue) => issue.network === 'instagram')).toBe(true);
  });

  it('only warns on an Instagram post with media and a link', () => {
    const report = check({ body: '#Northwind www.northwind.com', media: [image] }, { networks: ['instagram'] });
    expect(codes(report.issues)).toEqual(['LINK_NOT_CLICKABLE']);
    expect(report.blocking).toBe(false);
  });

  it.each<[string, MediaRef[], string[]]>([
    ['x', [image, image, image, image], []],
    ['x', [image, image, image, image, video], ['TOO_MANY_MEDIA']],
    ['youtube', [video], []],
    ['youtube', [], ['MEDIA_REQUIRED']],
    ['youtube', [image], ['MEDIA_KIND_NOT_ACCEPTED']],
    ['youtube', [video, video], ['TOO_MANY_MEDIA']],
    ['linkedin', [], []],
  ])('%s with media %j: %j', (network, media, expected) => {
    expect(codes(check({ body: '#Northwind', media }, { networks: [network] }).issues)).toEqual(expected);
  });

  it('checks each target network once and labels its issues, after the brand issues', () => {
    const body = `damn ${'a'.repeat(300)} #Northwind`;
    const report = check({ body }, { networks: ['x', 'instagram', 'facebook', 'x'] });
    expect(report.issues.map((issue) => [issue.code, issue.network])).toEqual([
      ['BANNED_TERM', undefined],
      ['TOO_LONG', 'x'],
      ['MEDIA_REQUIRED', 'instagram'],
    ]);
  });

  it('warns that an unknown network is not checked, rather than passing it silently', () => {
    const report = check({ body: '#Northwind' }, { networks: ['mastodon'] });
    expect(report.issues).toEqual([expect.objectContaining({ code: 'UNKNOWN_NETWORK', severity: 'warning', network: 'mastodon' })]);
    expect(report.blocking).toBe(false);
  });

  it('uses limits passed by the caller instead of the built-in table', () => {
    const limits = { tiny: { maxLength: 5, urlLength: null, links: 'attached' as const, mediaRequired: false, maxMedia: 0, acceptedMedia: [] } };
    expect(codes(check({ body: '#Northwind' }, { networks: ['tiny'], limits }).issues)).toEqual(['TOO_LONG']);
  });
});
