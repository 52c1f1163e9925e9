import { conditionsSummary, createInputOf, EMPTY_RULE, formFieldOf, listOf, ruleIssues, updateInputOf, valuesOfRule } from './routing-form-model';

const valid = { ...EMPTY_RULE, name: 'Refunds', queueId: 'q-refunds', keywords: 'remboursement, refund' };

describe('the rule form, checked by the domain before the API', () => {
  it('has no issue for a named rule with a queue', () => {
    expect(ruleIssues(valid, 'p-fr', 0)).toEqual({});
  });

  it('puts the domain issues under the form fields that cause them', () => {
    const issues = ruleIssues({ ...valid, name: ' ', queueId: '', languages: 'fr, not a tag!', countries: 'FRA', patternSource: '(a+)+$' }, 'p-fr', 0);
    expect(Object.keys(issues).sort()).toEqual(['countries', 'languages', 'name', 'patternSource', 'queueId']);
    expect(issues.languages![0]).toContain('not a tag!');
  });

  it('maps the API’s BAD_USER_INPUT paths to the same fields', () => {
    expect(formFieldOf('input.conditions.pattern.source')).toBe('patternSource');
    expect(formFieldOf('input.queueId')).toBe('queueId');
    expect(formFieldOf('input.name')).toBe('name');
  });
});

describe('what is sent', () => {
  it('splits the comma lists, drops empty entries, and sends no pattern when none is typed', () => {
    expect(listOf(' a, ,b ,')).toEqual(['a', 'b']);
    const input = createInputOf({ ...valid, tags: 'refund,', patternFlags: 'i' }, 'p-fr');
    expect(input).toMatchObject({ name: 'Refunds', scopePageId: 'p-fr', queueId: 'q-refunds', tags: ['refund'], conditions: { keywords: ['remboursement', 'refund'], pattern: null } });
    expect(updateInputOf(valid)).not.toHaveProperty('scopePageId');
  });

  it('reads a stored rule back into the same form values', () => {
    const input = createInputOf({ ...valid, patternSource: 'commande\\s*\\d+', patternFlags: 'i', authorFlags: 'VIP' }, 'p-fr');
    const stored = { id: 'r1', position: 0, scopePageId: 'p-fr', version: 1, queueId: input.queueId, name: input.name, priority: input.priority!, tags: input.tags!, enabled: true, conditions: { ...input.conditions!, pattern: { source: 'commande\\s*\\d+', flags: 'i' } } };
    expect(valuesOfRule(stored as never)).toEqual({ ...valid, patternSource: 'commande\\s*\\d+', patternFlags: 'i', authorFlags: 'VIP' });
    expect(conditionsSummary(stored.conditions as never)).toBe('words: remboursement, refund · matches /commande\\s*\\d+/i · author: VIP');
    expect(conditionsSummary({} as never)).toBe('every item');
  });
});
