import { validateRoutingRule, type FieldIssue, type ReplyPriority } from '@pivot/domain';
import type { CreateRoutingRuleInput, RoutingRuleFieldsFragment } from '../../../gql/graphql';

/** The rule form: lists are typed comma-separated, as people write them. */
export interface RuleFormValues {
  name: string;
  queueId: string;
  priority: ReplyPriority;
  tags: string;
  keywords: string;
  patternSource: string;
  patternFlags: string;
  languages: string;
  networks: string;
  countries: string;
  segments: string;
  authorFlags: string;
  enabled: boolean;
}

export const EMPTY_RULE: RuleFormValues = {
  name: '',
  queueId: '',
  priority: 'NORMAL',
  tags: '',
  keywords: '',
  patternSource: '',
  patternFlags: 'i',
  languages: '',
  networks: '',
  countries: '',
  segments: '',
  authorFlags: '',
  enabled: true,
};

/** "a, b ,, c" → ["a", "b", "c"]: empty entries between commas are typing, not values. */
export const listOf = (text: string): string[] => text.split(',').map((value) => value.trim()).filter(Boolean);
const textOf = (values: readonly string[] | null | undefined) => (values ?? []).join(', ');

export function valuesOfRule(rule: RoutingRuleFieldsFragment): RuleFormValues {
  const conditions = rule.conditions;
  return {
    name: rule.name,
    queueId: rule.queueId,
    priority: rule.priority,
    tags: textOf(rule.tags),
    keywords: textOf(conditions.keywords),
    patternSource: conditions.pattern?.source ?? '',
    patternFlags: conditions.pattern?.flags ?? '',
    languages: textOf(conditions.languages),
    networks: textOf(conditions.networks),
    countries: textOf(conditions.countries),
    segments: textOf(conditions.segments),
    authorFlags: textOf(conditions.authorFlags),
    enabled: rule.enabled,
  };
}

function conditionsOf(values: RuleFormValues) {
  const source = values.patternSource.trim();
  return {
    keywords: listOf(values.keywords),
    languages: listOf(values.languages),
    networks: listOf(values.networks),
    countries: listOf(values.countries),
    segments: listOf(values.segments),
    authorFlags: listOf(values.authorFlags),
    pattern: source ? { source, ...(values.patternFlags.trim() ? { flags: values.patternFlags.trim() } : {}) } : null,
  };
}

/** What the API would be sent, checked by the domain's validateRoutingRule before sending. */
export function ruleIssues(values: RuleFormValues, scopePageId: string, order: number): Record<string, string[]> {
  const issues: FieldIssue[] = validateRoutingRule({
    id: 'draft',
    name: values.name,
    order,
    scopePageId,
    conditions: conditionsOf(values),
    action: { queueId: values.queueId, priority: values.priority, tags: listOf(values.tags) },
    enabled: values.enabled,
  });
  const byField: Record<string, string[]> = {};
  for (const issue of issues) (byField[FORM_FIELD[issue.field] ?? issue.field] ??= []).push(issue.message);
  return byField;
}

/** The domain's (and the API's) field paths, as the form's fields. */
const FORM_FIELD: Record<string, keyof RuleFormValues> = {
  'action.queueId': 'queueId',
  'action.priority': 'priority',
  'action.tags': 'tags',
  queueId: 'queueId',
  'conditions.keywords': 'keywords',
  'conditions.pattern': 'patternSource',
  'conditions.languages': 'languages',
  'conditions.networks': 'networks',
  'conditions.countries': 'countries',
  'conditions.segments': 'segments',
  'conditions.authorFlags': 'authorFlags',
};

/** The form field a BAD_USER_INPUT path of the API is shown next to (input.conditions.pattern → patternSource). */
export const formFieldOf = (apiField: string): string => {
  const path = apiField.replace(/^input\./, '');
  return FORM_FIELD[path] ?? FORM_FIELD[path.replace(/\.source$|\.flags$/, '')] ?? path;
};

export function createInputOf(values: RuleFormValues, scopePageId: string): CreateRoutingRuleInput {
  return {
    name: values.name.trim(),
    scopePageId,
    queueId: values.queueId,
    priority: values.priority,
    tags: listOf(values.tags),
    enabled: values.enabled,
    conditions: conditionsOf(values),
  };
}

export function updateInputOf(values: RuleFormValues) {
  const { scopePageId: _scope, ...input } = createInputOf(values, '');
  return input;
}

/** One line describing what a rule asks, for the list. */
export function conditionsSummary(conditions: RoutingRuleFieldsFragment['conditions']): string {
  const parts: string[] = [];
  if (conditions.keywords?.length) parts.push(`words: ${conditions.keywords.join(', ')}`);
  if (conditions.pattern) parts.push(`matches /${conditions.pattern.source}/${conditions.pattern.flags ?? ''}`);
  if (conditions.languages?.length) parts.push(`language: ${conditions.languages.join(', ')}`);
  if (conditions.networks?.length) parts.push(`network: ${conditions.networks.join(', ')}`);
  if (conditions.countries?.length) parts.push(`country: ${conditions.countries.join(', ')}`);
  if (conditions.segments?.length) parts.push(`segment: ${conditions.segments.join(', ')}`);
  if (conditions.authorFlags?.length) parts.push(`author: ${conditions.authorFlags.join(', ')}`);
  return parts.length ? parts.join(' · ') : 'every item';
}
