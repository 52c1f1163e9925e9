/**
 * Guardrails on a draft (DESIGN §5): the brand's rules and each target network's limits, checked
 * by one pure function. The admin composer calls it on every keystroke to underline problems;
 * the API calls it on submit and refuses a draft with a blocking issue.
 *
 * Positions are UTF-16 offsets into the body (what String.prototype.slice and a textarea's
 * selectionStart use), so the composer can highlight them as they are. Lengths are counted in
 * Unicode code points, like most networks count (an emoji is 1, not 2); we do not use grapheme
 * clusters (Intl.Segmenter), because networks do not either: a family emoji made of several code
 * points counts several.
 */
import { isHttpUrl } from '../tree/http-url';
import { NETWORK_LIMITS, type NetworkLimits } from './network-limits';
import type { MediaRef, PostDraft } from './post.types';
import { hostOf, isHostAllowed, linksInText, type TextSpan } from './text-links';

export type GuardrailSeverity = 'error' | 'warning';

export const GUARDRAIL_CODES = [
  'EMPTY_BODY',
  'BANNED_TERM',
  'MISSING_HASHTAG',
  'INVALID_LINK',
  'LINK_DOMAIN_NOT_ALLOWED',
  'TOO_LONG',
  'LINK_NOT_CLICKABLE',
  'MEDIA_REQUIRED',
  'TOO_MANY_MEDIA',
  'MEDIA_KIND_NOT_ACCEPTED',
  'UNKNOWN_NETWORK',
] as const;
export type GuardrailCode = (typeof GUARDRAIL_CODES)[number];

/** A brand's own rules, set by the brand team. */
export interface BrandGuardrails {
  /** Words or phrases never to publish; matched case-insensitively, as whole words. */
  bannedTerms: readonly string[];
  /** With or without "#"; each must appear as a hashtag in the body. */
  requiredHashtags: readonly string[];
  /** Whether a missing hashtag blocks submission or only warns. */
  missingHashtagSeverity: GuardrailSeverity;
  /** null: any domain; an empty list: no links at all. Subdomains of a listed domain are allowed. */
  allowedLinkDomains: readonly string[] | null;
}

export interface GuardrailIssue {
  code: GuardrailCode;
  severity: GuardrailSeverity;
  message: string;
  /** The draft field at fault; null when the whole post is. */
  field: 'body' | 'link' | 'media' | null;
  /** UTF-16 offsets of the offending text in the body; null when the issue is not a span of the body. */
  start: number | null;
  end: number | null;
  /** Set when the issue comes from one target network's limits. */
  network?: string;
}

export interface GuardrailReport {
  issues: GuardrailIssue[];
  /** True when any issue is an error: submitting is refused. */
  blocking: boolean;
}

export interface GuardrailContext {
  guardrails: BrandGuardrails;
  /** The networks of the post's target pages; duplicates are checked once. */
  networks: readonly string[];
  /** Defaults to NETWORK_LIMITS; a brand or a test may pass its own. */
  limits?: Readonly<Record<string, NetworkLimits>>;
}

/** Every guardrail issue of `draft`: brand rules first, in body order, then each network's. */
export function checkDraft(draft: PostDraft, context: GuardrailContext): GuardrailReport {
  const body = draft.body ?? '';
  const link = draft.link?.trim() ? draft.link.trim() : null;
  const bodyLinks = linksInText(body);
  const issues: GuardrailIssue[] = [
    ...emptyBodyIssues(body),
    ...bannedTermIssues(body, context.guardrails.bannedTerms),
    ...missingHashtagIssues(body, context.guardrails),
    ...linkIssues(bodyLinks, link, context.guardrails.allowedLinkDomains),
  ];
  const limits = context.limits ?? NETWORK_LIMITS;
  for (const network of new Set(context.networks)) {
    const networkLimits = Object.hasOwn(limits, network) ? limits[network] : undefined;
    const found = networkLimits
      ? networkIssues(body, bodyLinks, link, draft.media ?? [], network, networkLimits)
      : [issue('UNKNOWN_NETWORK', 'warning', `No limits are known for ${network}: its length and media rules are not checked`, null)];
    issues.push(...found.map((found) => ({ ...found, network })));
  }
  return { issues, blocking: issues.some((found) => found.severity === 'error') };
}

function issue(
  code: GuardrailCode,
  severity: GuardrailSeverity,
  message: string,
  field: GuardrailIssue['field'],
  span?: { start: number; end: number },
): GuardrailIssue {
  return { code, severity, message, field, start: span?.start ?? null, end: span?.end ?? null };
}

function emptyBodyIssues(body: string): GuardrailIssue[] {
  return body.trim() === '' ? [issue('EMPTY_BODY', 'error', 'Write the text of the post', 'body')] : [];
}

// Letters, marks, digits and "_": what counts as part of a word on either side of a banned term.
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}_]';

function termPattern(term: string): RegExp {
  const escaped = term
    .trim()
    .replace(/[.*+?^${}()|[\]\\/-]/gu, '\\$&')
    .replace(/\s+/gu, '\\s+');
  return new RegExp(`(?<!${WORD_CHAR})${escaped}(?!${WORD_CHAR})`, 'giu');
}

/** Every occurrence of every banned term, whole words only ("ass" does not flag "class"). */
function bannedTermIssues(body: string, bannedTerms: readonly string[]): GuardrailIssue[] {
  const found: GuardrailIssue[] = [];
  for (const term of new Set(bannedTerms.map((term) => term.trim()).filter((term) => term !== ''))) {
    for (const match of body.matchAll(termPattern(term))) {
      const span = { start: match.index, end: match.index + match[0].length };
      found.push(issue('BANNED_TERM', 'error', `"${match[0]}" is a banned term`, 'body', span));
    }
  }
  return found.sort((a, b) => a.start! - b.start!);
}

function hashtagsIn(body: string): Set<string> {
  return new Set([...body.matchAll(/#([\p{L}\p{M}\p{N}_]+)/gu)].map((match) => match[1]!.toLowerCase()));
}

/** Whole hashtags: #brand is not satisfied by #brandnew. */
function missingHashtagIssues(body: string, guardrails: BrandGuardrails): GuardrailIssue[] {
  const present = hashtagsIn(body);
  return guardrails.requiredHashtags
    .map((tag) => tag.trim().replace(/^#/u, ''))
    .filter((tag) => tag !== '' && !present.has(tag.toLowerCase()))
    .map((tag) => issue('MISSING_HASHTAG', guardrails.missingHashtagSeverity, `Add the hashtag #${tag}`, 'body'));
}

function linkIssues(bodyLinks: readonly TextSpan[], link: string | null, allowed: readonly string[] | null): GuardrailIssue[] {
  const found: GuardrailIssue[] = [];
  const refused = (host: string | null): boolean => allowed !== null && (host === null || !isHostAllowed(host, allowed));
  for (const span of bodyLinks) {
    const host = hostOf(span.text);
    if (refused(host)) found.push(issue('LINK_DOMAIN_NOT_ALLOWED', 'error', domainMessage(host), 'body', span));
  }
  if (link !== null) {
    if (!isHttpUrl(link)) found.push(issue('INVALID_LINK', 'error', 'The link must be an http or https address', 'link'));
    else if (refused(hostOf(link))) found.push(issue('LINK_DOMAIN_NOT_ALLOWED', 'error', domainMessage(hostOf(link)), 'link'));
  }
  return found;
}

function domainMessage(host: string | null): string {
  return host ? `Links to ${host} are not allowed for this brand` : 'This link has no domain the brand allows';
}

/**
 * The body's length as `limits` counts it, and the UTF-16 offset of the first character past
 * the limit (null when within it), so the composer can shade the overflow.
 */
export function weightedLength(
  body: string,
  limits: Pick<NetworkLimits, 'maxLength' | 'urlLength'>,
  links: readonly TextSpan[] = linksInText(body),
): { length: number; overflowAt: number | null } {
  const linkAt = new Map(links.map((span) => [span.start, span]));
  let length = 0;
  let overflowAt: number | null = null;
  let index = 0;
  while (index < body.length) {
    const span = limits.urlLength === null ? undefined : linkAt.get(index);
    const codePoint = body.codePointAt(index)!;
    length += span ? limits.urlLength! : 1;
    if (length > limits.maxLength && overflowAt === null) overflowAt = index;
    index = span ? span.end : index + (codePoint > 0xffff ? 2 : 1);
  }
  return { length, overflowAt };
}

function networkIssues(
  body: string,
  bodyLinks: readonly TextSpan[],
  link: string | null,
  media: readonly MediaRef[],
  network: string,
  limits: NetworkLimits,
): GuardrailIssue[] {
  const found: GuardrailIssue[] = [];
  const text = weightedLength(body, limits, bodyLinks);
  // An appended link is joined to the text by a space.
  const linkLength = link !== null && limits.links === 'appended' ? 1 + (limits.urlLength ?? [...link].length) : 0;
  const total = text.length + linkLength;
  if (total > limits.maxLength) {
    const message = `${total} characters: ${network} allows ${limits.maxLength}`;
    found.push(
      text.overflowAt !== null
        ? issue('TOO_LONG', 'error', message, 'body', { start: text.overflowAt, end: body.length })
        : issue('TOO_LONG', 'error', `${message} (with the link added to the text)`, 'link'),
    );
  }
  if (limits.links === 'not-clickable') {
    for (const span of bodyLinks) found.push(issue('LINK_NOT_CLICKABLE', 'warning', `Links in ${network} text are not clickable`, 'body', span));
    if (link !== null) found.push(issue('LINK_NOT_CLICKABLE', 'warning', `${network} does not show the link field`, 'link'));
  }
  if (limits.mediaRequired && media.length === 0) {
    found.push(issue('MEDIA_REQUIRED', 'error', `A ${network} post needs ${limits.acceptedMedia.join(' or ')}`, 'media'));
  }
  if (media.length > limits.maxMedia) {
    found.push(issue('TOO_MANY_MEDIA', 'error', `${media.length} media: ${network} allows ${limits.maxMedia}`, 'media'));
  }
  const refusedKinds = [...new Set(media.map((item) => item.kind))].filter((kind) => !limits.acceptedMedia.includes(kind));
  for (const kind of refusedKinds) found.push(issue('MEDIA_KIND_NOT_ACCEPTED', 'error', `${network} does not take ${kind} media`, 'media'));
  return found;
}
