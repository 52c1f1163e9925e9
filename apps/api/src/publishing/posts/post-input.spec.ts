import { commonScope, postContentFrom, targetIdsFrom } from './post-input';

const at = (...scopeIds: string[]) => ({ scopeIds });

describe('commonScope: the lowest common ancestor of the targets', () => {
  it.each<[string, { scopeIds: string[] }[], string[]]>([
    ['one target: its own scope', [at('G', 'EMEA', 'FR')], ['G', 'EMEA', 'FR']],
    ['a market and its segment: the market', [at('G', 'EMEA', 'FR'), at('G', 'EMEA', 'FR', 'FR-dev')], ['G', 'EMEA', 'FR']],
    ['two segments of one market: the market', [at('G', 'EMEA', 'FR', 'FR-dev'), at('G', 'EMEA', 'FR', 'FR-biz')], ['G', 'EMEA', 'FR']],
    ['FR and ES: their region, which no FR role reaches', [at('G', 'EMEA', 'FR'), at('G', 'EMEA', 'ES')], ['G', 'EMEA']],
    ['a market and the global page: the global page', [at('G', 'EMEA', 'FR'), at('G')], ['G']],
    ['two networks: nothing in common', [at('G', 'EMEA', 'FR'), at('IG', 'IG-FR')], []],
    ['no target at all', [], []],
  ])('%s', (_case, targets, expected) => {
    expect(commonScope(targets)).toEqual(expected);
  });
});

describe('post input', () => {
  it('normalizes a composer draft', () => {
    expect(postContentFrom({ body: 'Hi', link: '  ', locale: 'fr-fr', media: [{ id: ' m1 ', kind: 'image' }] })).toEqual({
      body: 'Hi',
      link: null,
      media: [{ id: 'm1', kind: 'image' }],
      locale: 'fr-FR',
      publishAt: null,
    });
  });

  it('refuses a bad link and locale together, field by field', () => {
    expect(() => postContentFrom({ body: 'Hi', link: 'ftp://x', locale: 'not a tag' })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { fields: [expect.objectContaining({ field: 'link' }), expect.objectContaining({ field: 'locale' })] } }),
    );
  });

  it('refuses a post without targets and drops repeated ones', () => {
    expect(() => targetIdsFrom([])).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    const id = '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f';
    expect(targetIdsFrom([id, id.toUpperCase()])).toEqual([id]);
  });
});
