import { routeItem, validateRoutingRule, type DefaultQueue, type InboundItem, type RoutingRule } from './routing';

// Northwind's tree, root first as scopeIdsOf gives it: global → EMEA → France → France consumer.
const FR_CONSUMER_SCOPE = ['global', 'emea', 'fr', 'fr-consumer'];

function item(overrides: Partial<InboundItem> = {}): InboundItem {
  return {
    network: 'facebook',
    pageId: 'fr-consumer',
    pageScopeIds: FR_CONSUMER_SCOPE,
    country: 'FR',
    segment: 'consumer',
    language: 'fr',
    text: 'Bonjour, ma commande est arrivée cassée.',
    author: { id: 'a1', name: 'Camille Martin', flags: [] },
    ...overrides,
  };
}

function rule(overrides: Partial<RoutingRule> & { id: string }): RoutingRule {
  return {
    name: overrides.id,
    order: 10,
    scopePageId: 'global',
    conditions: {},
    action: { queueId: `q-${overrides.id}`, priority: 'NORMAL', tags: [] },
    enabled: true,
    ...overrides,
  };
}

const defaults: DefaultQueue[] = [
  { scopePageId: 'global', queueId: 'q-global-default' },
  { scopePageId: 'fr', queueId: 'q-fr-default' },
];

describe('routeItem, conditions', () => {
  it.each<[string, RoutingRule['conditions'], Partial<InboundItem>, string]>([
    ['network', { networks: ['instagram'] }, {}, 'network facebook ≠ instagram'],
    ['country', { countries: ['de', 'at'] }, {}, 'country FR not in de, at'],
    ['segment', { segments: ['business'] }, {}, 'segment consumer ≠ business'],
    ['language', { languages: ['de'] }, {}, 'language fr ≠ de'],
    ['language of an item without one', { languages: ['fr'] }, { language: null }, 'language unknown, rule wants fr'],
    ['country of an item outside any market', { countries: ['FR'] }, { country: undefined }, 'country unknown, rule wants FR'],
    ['keywords', { keywords: ['remboursement', 'refund'] }, {}, 'no keyword among remboursement, refund'],
    ['pattern', { pattern: { source: '\\bcommande\\s+\\d+', flags: 'i' } }, {}, 'text does not match /\\bcommande\\s+\\d+/'],
    ['author flags', { authorFlags: ['VIP'] }, {}, 'author is not VIP'],
  ])('skips a rule whose %s condition fails and says why', (_label, conditions, itemOverrides, reason) => {
    const result = routeItem(item(itemOverrides), [rule({ id: 'r1', name: 'R1', conditions })], defaults);
    expect(result.ruleId).toBeNull();
    expect(result.trail[0]).toBe(`rule R1: ${reason}`);
  });

  it.each<[string, RoutingRule['conditions'], Partial<InboundItem>]>([
    ['network, case-insensitively', { networks: ['Instagram', 'FACEBOOK'] }, {}],
    ['country, case-insensitively', { countries: ['fr'] }, {}],
    ['segment', { segments: ['Consumer'] }, {}],
    ['language by primary subtag (rule fr, item fr-CA)', { languages: ['fr'] }, { language: 'fr-CA' }],
    ['language by primary subtag (rule fr-BE, item fr)', { languages: ['fr-BE'] }, {}],
    ['any keyword, case-insensitively', { keywords: ['remboursement', 'CASSÉE'] }, {}],
    ['a keyword phrase', { keywords: ['commande est'] }, {}],
    ['the pattern', { pattern: { source: 'arriv(é|e)e\\s+cass', flags: 'iu' } }, {}],
    ['all author flags, case-insensitively', { authorFlags: ['vip', 'Journalist'] }, { author: { id: 'a', name: 'A', flags: ['VIP', 'journalist', 'employee'] } }],
    ['nothing when conditions are empty lists', { networks: [], countries: [], keywords: [], authorFlags: [] }, {}],
  ])('fires a rule matching on %s', (_label, conditions, itemOverrides) => {
    const result = routeItem(item(itemOverrides), [rule({ id: 'r1', conditions })], defaults);
    expect(result).toMatchObject({ ruleId: 'r1', queueId: 'q-r1' });
  });

  it('matches keywords as whole words only', () => {
    const refund = [rule({ id: 'refund', conditions: { keywords: ['rembourse'] } })];
    expect(routeItem(item({ text: 'Je veux un remboursement' }), refund, defaults).ruleId).toBeNull();
    expect(routeItem(item({ text: 'Rembourse-moi !' }), refund, defaults).ruleId).toBe('refund');
  });

  it('reads keywords with regex characters literally', () => {
    const plus = [rule({ id: 'plus', conditions: { keywords: ['c++'] } })];
    expect(routeItem(item({ text: 'I write C++ daily' }), plus, defaults).ruleId).toBe('plus');
    expect(routeItem(item({ text: 'I write cxx daily' }), plus, defaults).ruleId).toBeNull();
  });

  it('lists every failing condition of a skipped rule', () => {
    const result = routeItem(item(), [rule({ id: 'r', name: 'DE VIP', conditions: { languages: ['de'], authorFlags: ['VIP'] } })], defaults);
    expect(result.trail[0]).toBe('rule DE VIP: language fr ≠ de; author is not VIP');
  });

  it('applies the action of the matching rule: queue, priority and tags', () => {
    const vip = rule({
      id: 'vip',
      name: 'VIP',
      conditions: { authorFlags: ['VIP'] },
      action: { queueId: 'q-vip', priority: 'URGENT', tags: ['vip', 'press'] },
    });
    expect(routeItem(item({ author: { id: 'a', name: 'A', flags: ['VIP'] } }), [vip], defaults)).toEqual({
      queueId: 'q-vip',
      priority: 'URGENT',
      tags: ['vip', 'press'],
      ruleId: 'vip',
      trail: ['rule VIP: matched → queue q-vip, URGENT'],
    });
  });
});

describe('routeItem, order and scope', () => {
  it('tries rules in ascending order and stops at the first match', () => {
    const rules = [
      rule({ id: 'late', order: 30 }),
      rule({ id: 'miss', order: 10, conditions: { languages: ['de'] } }),
      rule({ id: 'first', order: 20 }),
    ];
    const result = routeItem(item(), rules, defaults);
    expect(result.ruleId).toBe('first');
    expect(result.trail).toEqual(['rule miss: language fr ≠ de', 'rule first: matched → queue q-first, NORMAL']);
  });

  it('prefers the more specific scope when orders tie', () => {
    const rules = [rule({ id: 'global-rule', scopePageId: 'global' }), rule({ id: 'fr-rule', scopePageId: 'fr' })];
    expect(routeItem(item(), rules, defaults).ruleId).toBe('fr-rule');
  });

  it('keeps a lower order ahead of a more specific scope', () => {
    const rules = [rule({ id: 'global-rule', order: 1 }), rule({ id: 'fr-rule', order: 2, scopePageId: 'fr' })];
    expect(routeItem(item(), rules, defaults).ruleId).toBe('global-rule');
  });

  it('breaks full ties on rule id, whatever the input order', () => {
    const a = rule({ id: 'a' });
    const b = rule({ id: 'b' });
    expect(routeItem(item(), [b, a], defaults).ruleId).toBe('a');
    expect(routeItem(item(), [a, b], defaults).ruleId).toBe('a');
  });

  it('ignores rules of pages outside the item scope, without noise in the trail', () => {
    const result = routeItem(item(), [rule({ id: 'de-rule', scopePageId: 'de' })], defaults);
    expect(result).toMatchObject({ ruleId: null, queueId: 'q-fr-default' });
    expect(result.trail).toEqual(['no rule matched: default queue q-fr-default of page fr']);
  });

  it('skips a disabled rule and says so', () => {
    const result = routeItem(item(), [rule({ id: 'off', name: 'Off', enabled: false }), rule({ id: 'on', order: 20 })], defaults);
    expect(result.ruleId).toBe('on');
    expect(result.trail[0]).toBe('rule Off: disabled');
  });

  it('does not reorder the caller array', () => {
    const rules = [rule({ id: 'b', order: 2 }), rule({ id: 'a', order: 1 })];
    routeItem(item(), rules, defaults);
    expect(rules.map((r) => r.id)).toEqual(['b', 'a']);
  });
});

describe('routeItem, default queue', () => {
  it('falls back to the default queue of the nearest scope at NORMAL priority', () => {
    expect(routeItem(item(), [], defaults)).toEqual({
      queueId: 'q-fr-default',
      priority: 'NORMAL',
      tags: [],
      ruleId: null,
      trail: ['no rule matched: default queue q-fr-default of page fr'],
    });
  });

  it('climbs to the global default queue when the market has none', () => {
    const de = item({ pageId: 'de', pageScopeIds: ['global', 'emea', 'de'], country: 'DE' });
    expect(routeItem(de, [], defaults).queueId).toBe('q-global-default');
  });

  it('answers no queue when no page in scope has a default queue', () => {
    const result = routeItem(item(), [], [{ scopePageId: 'de', queueId: 'q-de' }]);
    expect(result.queueId).toBeNull();
    expect(result.trail).toEqual(['no rule matched and no page in scope has a default queue']);
  });
});

describe('routeItem, refused patterns', () => {
  it('skips a stored rule with an invalid regex instead of throwing', () => {
    const broken = rule({ id: 'broken', name: 'Broken', conditions: { pattern: { source: '(unclosed' } } });
    const result = routeItem(item(), [broken], defaults);
    expect(result.ruleId).toBeNull();
    expect(result.trail[0]).toMatch(/^rule Broken: pattern \/\(unclosed\/ refused: pattern is not a valid regular expression/);
  });

  it('never runs a catastrophic pattern that was stored anyway', () => {
    const evil = rule({ id: 'evil', name: 'Evil', conditions: { pattern: { source: '^(a+)+$' } } });
    const started = Date.now();
    const result = routeItem(item({ text: `${'a'.repeat(40)}!` }), [evil], defaults);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.trail[0]).toMatch(/^rule Evil: pattern \/\^\(a\+\)\+\$\/ refused: nested repetition/);
  });
});

describe('validateRoutingRule', () => {
  it('accepts a complete rule', () => {
    const valid = rule({
      id: 'ok',
      conditions: { networks: ['facebook'], countries: ['FR'], languages: ['fr-BE'], keywords: ['prix'], pattern: { source: 'prix\\s*\\d+', flags: 'i' }, authorFlags: ['VIP'] },
    });
    expect(validateRoutingRule(valid)).toEqual([]);
  });

  it.each<[string, Partial<RoutingRule>, { field: string; message: RegExp }]>([
    ['a blank name', { name: ' ' }, { field: 'name', message: /required/ }],
    ['a fractional order', { order: 1.5 }, { field: 'order', message: /whole number/ }],
    ['no scope page', { scopePageId: '' }, { field: 'scopePageId', message: /subtree/ }],
    ['no queue', { action: { queueId: '', priority: 'LOW', tags: [] } }, { field: 'action.queueId', message: /queue/ }],
    ['an unknown priority', { action: { queueId: 'q', priority: 'CRITICAL' as never, tags: [] } }, { field: 'action.priority', message: /LOW, NORMAL, HIGH, URGENT/ }],
    ['a blank tag', { action: { queueId: 'q', priority: 'LOW', tags: [''] } }, { field: 'action.tags', message: /blank/ }],
    ['a malformed country', { conditions: { countries: ['FRA'] } }, { field: 'conditions.countries', message: /FRA is not/ }],
    ['a malformed language', { conditions: { languages: ['french!'] } }, { field: 'conditions.languages', message: /not a BCP 47/ }],
    ['a blank keyword', { conditions: { keywords: ['  '] } }, { field: 'conditions.keywords', message: /blank/ }],
    ['a blank author flag', { conditions: { authorFlags: [''] } }, { field: 'conditions.authorFlags', message: /blank/ }],
    ['an invalid regex', { conditions: { pattern: { source: '[a-' } } }, { field: 'conditions.pattern', message: /not a valid regular expression/ }],
    ['a nested quantifier', { conditions: { pattern: { source: '(a+)+b' } } }, { field: 'conditions.pattern', message: /nested repetition/ }],
    ['a stateful flag', { conditions: { pattern: { source: 'a', flags: 'g' } } }, { field: 'conditions.pattern', message: /flag g not allowed/ }],
  ])('reports %s', (_label, overrides, expected) => {
    const issues = validateRoutingRule(rule({ id: 'r', ...overrides }));
    expect(issues).toEqual([{ field: expected.field, message: expect.stringMatching(expected.message) }]);
  });
});
