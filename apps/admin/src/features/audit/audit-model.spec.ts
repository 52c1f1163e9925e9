import { actionFilterOf, actorIdOf, auditFilterOf, diffRows, EMPTY_FILTER, formatAuditValue } from './audit-model';

describe('formatAuditValue', () => {
  it('shows strings as they are, lists comma-separated, empty lists and nulls as such', () => {
    expect(formatAuditValue('"Northwind France"')).toBe('Northwind France');
    expect(formatAuditValue('["fr","en"]')).toBe('fr, en');
    expect(formatAuditValue('[]')).toBe('(none)');
    expect(formatAuditValue('null')).toBeNull();
    expect(formatAuditValue(null)).toBeNull();
    expect(formatAuditValue('true')).toBe('true');
    expect(formatAuditValue('3')).toBe('3');
    expect(formatAuditValue('{"a":1}')).toBe('{"a":1}');
    expect(formatAuditValue('not json')).toBe('not json');
  });
});

describe('diffRows', () => {
  it('marks added, removed and changed fields and leaves out fields that did not change', () => {
    expect(
      diffRows([
        { field: 'description', before: '"Old"', after: '"New"' },
        { field: 'handle', before: null, after: '"nw.fr"' },
        { field: 'website', before: '"https://a.example"', after: 'null' },
        { field: 'keywords', before: '["a"]', after: '["a"]' },
      ]),
    ).toEqual([
      { field: 'description', before: 'Old', after: 'New', change: 'changed' },
      { field: 'handle', before: null, after: 'nw.fr', change: 'added' },
      { field: 'website', before: 'https://a.example', after: null, change: 'removed' },
    ]);
  });
});

describe('auditFilterOf', () => {
  const users = [{ id: 'u-fleur', email: 'fr.manager@northwind.example', displayName: 'Fleur Manager' }];

  it('finds the actor by label or email, and keeps a typed id as it is', () => {
    expect(actorIdOf('Fleur Manager <fr.manager@northwind.example>', users)).toBe('u-fleur');
    expect(actorIdOf(' FR.Manager@northwind.example ', users)).toBe('u-fleur');
    expect(actorIdOf('3f2c0000-0000-4000-8000-000000000000', users)).toBe('3f2c0000-0000-4000-8000-000000000000');
    expect(actorIdOf('  ', users)).toBeNull();
  });

  it('turns an action word into a prefix and keeps an exact action', () => {
    expect(actionFilterOf('page')).toBe('page.');
    expect(actionFilterOf('page.')).toBe('page.');
    expect(actionFilterOf('page.update')).toBe('page.update');
    expect(actionFilterOf('')).toBeNull();
  });

  it('sends only the filters given, times as ISO instants', () => {
    expect(auditFilterOf(EMPTY_FILTER, users)).toEqual({});
    const filter = auditFilterOf({ actor: 'fr.manager@northwind.example', subjectType: 'Page', action: 'role', from: '2026-11-25T10:00', to: '' }, users);
    expect(filter).toEqual({ actorId: 'u-fleur', subjectType: 'Page', action: 'role.', from: new Date('2026-11-25T10:00').toISOString() });
  });
});
