/**
 * Routing: which reply queue an inbound item (comment, mention, message) lands in, at which
 * priority and with which tags (DESIGN §6). One pure function so the API's webhook worker and
 * the admin app's rule tester ("paste a comment, pick a page: which rule fires, why") agree.
 *
 * Order of evaluation, decided here:
 * 1. Only enabled rules whose scope page is in the item's scope (the page or an ancestor).
 * 2. Ascending `order`. When orders tie, the rule of the more specific scope (the page nearer to
 *    the item's page) goes first, so a market can refine a global rule without renumbering the
 *    brand's list; remaining ties break on rule id, so the result never depends on input order.
 * 3. The first rule whose conditions all hold wins.
 * 4. No match: the default queue of the nearest scope, i.e. the deepest page of the item's scope
 *    that has one, at NORMAL priority and without tags.
 */
import type { FieldIssue } from '../tree/page-draft.types';
import { isLanguageTag, primaryLanguageSubtag } from '../tree/language-tag';
import { compileRoutingPattern, routingPatternProblem, type RoutingPattern } from './routing-pattern';

export const REPLY_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type ReplyPriority = (typeof REPLY_PRIORITIES)[number];

export interface InboundAuthor {
  id: string;
  name: string;
  /** Flags the brand keeps on authors, e.g. "VIP", "journalist", "employee". */
  flags: string[];
}

export interface InboundItem {
  network: string;
  pageId: string;
  /**
   * The page's scope as `scopeIdsOf` gives it (DESIGN §2): ancestors root first, then the page
   * itself. The order matters: later ids are nearer to the page, hence more specific.
   */
  pageScopeIds: string[];
  /** ISO 3166-1 alpha-2 of the market the page serves, when it is in one. */
  country?: string | null;
  segment?: string | null;
  /** BCP 47 tag, as detected or declared by the network. */
  language?: string | null;
  text: string;
  author: InboundAuthor;
}

/**
 * What a rule asks of an item. Every condition set must hold; an omitted condition or an empty
 * list asks nothing (forms send empty lists for untouched fields).
 */
export interface RoutingConditions {
  /** Any of these networks, case-insensitive. */
  networks?: string[];
  /** Any of these countries (ISO alpha-2), case-insensitive. */
  countries?: string[];
  /** Any of these segments, case-insensitive. */
  segments?: string[];
  /** Any of these languages, compared by primary subtag: "fr" and "fr-CA" both take "fr-BE". */
  languages?: string[];
  /** Any of these words or phrases, case-insensitive, as whole words ("refund" not in "refunds"). */
  keywords?: string[];
  /** A guarded regular expression; see routing-pattern.ts for what is refused and why. */
  pattern?: RoutingPattern | null;
  /** All of these author flags, case-insensitive. */
  authorFlags?: string[];
}

export interface RoutingAction {
  queueId: string;
  priority: ReplyPriority;
  tags: string[];
}

export interface RoutingRule {
  id: string;
  name: string;
  /** Ascending: lower orders are tried first. */
  order: number;
  /** The rule applies to items of this page and its whole subtree. */
  scopePageId: string;
  conditions: RoutingConditions;
  action: RoutingAction;
  enabled: boolean;
}

/** The queue a scope falls back to when no rule matches. */
export interface DefaultQueue {
  scopePageId: string;
  queueId: string;
}

export interface RoutingDecision {
  /** Null only when no rule matched and no page of the item's scope has a default queue. */
  queueId: string | null;
  priority: ReplyPriority;
  tags: string[];
  /** The rule that fired, null for the default queue. */
  ruleId: string | null;
  /** One line per rule considered, in evaluation order, then the outcome. */
  trail: string[];
}

/** The issues of a rule as a form would show them, attached to the field to highlight. */
export function validateRoutingRule(rule: RoutingRule): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ field, message });
  if (!rule.name?.trim()) issue('name', 'name is required');
  if (!Number.isInteger(rule.order)) issue('order', 'order must be a whole number');
  if (!rule.scopePageId) issue('scopePageId', 'a rule needs the page whose subtree it covers');
  if (!rule.action?.queueId) issue('action.queueId', 'a rule needs a queue');
  if (!(REPLY_PRIORITIES as readonly string[]).includes(rule.action?.priority)) {
    issue('action.priority', `priority must be one of ${REPLY_PRIORITIES.join(', ')}`);
  }
  if ((rule.action?.tags ?? []).some((tag) => !tag.trim())) issue('action.tags', 'tags may not be blank');

  const conditions = rule.conditions ?? {};
  for (const field of ['networks', 'countries', 'segments', 'authorFlags'] as const) {
    if ((conditions[field] ?? []).some((value) => !value.trim())) issue(`conditions.${field}`, 'values may not be blank');
  }
  for (const country of conditions.countries ?? []) {
    if (country.trim() && !/^[A-Za-z]{2}$/.test(country.trim())) {
      issue('conditions.countries', `${country} is not an ISO 3166-1 alpha-2 code`);
    }
  }
  for (const language of conditions.languages ?? []) {
    if (!isLanguageTag(language)) issue('conditions.languages', `${language} is not a BCP 47 language tag`);
  }
  for (const keyword of conditions.keywords ?? []) {
    if (!keyword.trim()) issue('conditions.keywords', 'keywords may not be blank');
  }
  if (conditions.pattern) {
    const problem = routingPatternProblem(conditions.pattern);
    if (problem) issue('conditions.pattern', problem);
  }
  return issues;
}

/** Routes `item` by `rules`, falling back to `defaultQueues`; see the file comment for the order. */
export function routeItem(
  item: InboundItem,
  rules: readonly RoutingRule[],
  defaultQueues: readonly DefaultQueue[],
): RoutingDecision {
  const depthOf = (pageId: string) => item.pageScopeIds.lastIndexOf(pageId);
  const candidates = rules
    .filter((rule) => depthOf(rule.scopePageId) >= 0)
    .sort((a, b) => a.order - b.order || depthOf(b.scopePageId) - depthOf(a.scopePageId) || compareIds(a.id, b.id));

  const trail: string[] = [];
  for (const rule of candidates) {
    if (!rule.enabled) {
      trail.push(`rule ${rule.name}: disabled`);
      continue;
    }
    const failures = unmetConditions(item, rule.conditions ?? {});
    if (failures.length > 0) {
      trail.push(`rule ${rule.name}: ${failures.join('; ')}`);
      continue;
    }
    const { queueId, priority, tags } = rule.action;
    trail.push(`rule ${rule.name}: matched → queue ${queueId}, ${priority}`);
    return { queueId, priority, tags: [...tags], ruleId: rule.id, trail };
  }

  const fallback = defaultQueues
    .filter((queue) => depthOf(queue.scopePageId) >= 0)
    .sort((a, b) => depthOf(b.scopePageId) - depthOf(a.scopePageId))[0];
  trail.push(
    fallback
      ? `no rule matched: default queue ${fallback.queueId} of page ${fallback.scopePageId}`
      : 'no rule matched and no page in scope has a default queue',
  );
  return { queueId: fallback?.queueId ?? null, priority: 'NORMAL', tags: [], ruleId: null, trail };
}

/** Every condition `item` fails, in words for the trail; empty when the rule matches. */
function unmetConditions(item: InboundItem, conditions: RoutingConditions): string[] {
  const failures: string[] = [];
  const oneOf = (label: string, actual: string | null | undefined, wanted: string[] | undefined, key: (v: string) => string) => {
    if (!wanted?.length) return;
    if (!actual) {
      failures.push(`${label} unknown, rule wants ${wanted.join(', ')}`);
    } else if (!wanted.some((value) => key(value) === key(actual))) {
      failures.push(wanted.length === 1 ? `${label} ${actual} ≠ ${wanted[0]}` : `${label} ${actual} not in ${wanted.join(', ')}`);
    }
  };
  const folded = (value: string) => value.trim().toLowerCase();
  oneOf('network', item.network, conditions.networks, folded);
  oneOf('country', item.country, conditions.countries, folded);
  oneOf('segment', item.segment, conditions.segments, folded);
  oneOf('language', item.language, conditions.languages, (tag) => primaryLanguageSubtag(tag.trim()));

  const keywords = (conditions.keywords ?? []).filter((keyword) => keyword.trim());
  if (keywords.length > 0 && !keywords.some((keyword) => containsWord(item.text, keyword))) {
    failures.push(`no keyword among ${keywords.join(', ')}`);
  }

  if (conditions.pattern) {
    const regex = compileRoutingPattern(conditions.pattern);
    // A stored rule that slipped past validation is skipped, never run: it may be the evil one.
    if (!regex) failures.push(`pattern /${conditions.pattern.source}/ refused: ${routingPatternProblem(conditions.pattern)}`);
    else if (!regex.test(item.text.normalize('NFC'))) failures.push(`text does not match /${conditions.pattern.source}/`);
  }

  const authorFlags = new Set(item.author.flags.map(folded));
  const missingFlags = (conditions.authorFlags ?? []).filter((flag) => !authorFlags.has(folded(flag)));
  if (missingFlags.length > 0) failures.push(`author is not ${missingFlags.join(', ')}`);
  return failures;
}

/**
 * Whole-word, case-insensitive search. "Word" is Unicode-aware (letters, digits, underscore), so
 * "prix" is found in "Quel prix ?" but "remboursement" does not fire the keyword "rembourse".
 */
function containsWord(text: string, keyword: string): boolean {
  const escaped = keyword.trim().normalize('NFC').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'iu').test(text.normalize('NFC'));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
