import { scopeOptions, type ScopePage } from './scope-options';

const page = (id: string, parentId: string | null, scopeIds: string[], fields: Partial<ScopePage> = {}): ScopePage => ({
  id,
  name: id.toUpperCase(),
  parentId,
  scopeIds,
  network: 'facebook',
  status: 'ACTIVE',
  ...fields,
});
const pages = [
  page('fr-dev', 'fr', ['g', 'emea', 'fr', 'fr-dev']),
  page('es', 'emea', ['g', 'emea', 'es']),
  page('fr', 'emea', ['g', 'emea', 'fr']),
  page('emea', 'g', ['g', 'emea']),
  page('g', null, ['g']),
  page('eg', 'emea', ['g', 'emea', 'eg'], { status: 'ARCHIVED' }),
];

describe('scopeOptions', () => {
  it('lists readable pages parent first, indented, without archived ones', () => {
    const options = scopeOptions(pages, () => true, false);
    expect(options.map((option) => [option.value, option.depth])).toEqual([
      ['g', 0],
      ['emea', 1],
      ['es', 2],
      ['fr', 2],
      ['fr-dev', 3],
    ]);
  });

  it("starts at the analyst's scope when the pages above it are not readable", () => {
    const options = scopeOptions(pages, (candidate) => candidate.scopeIds.includes('fr'), false);
    expect(options.map((option) => option.value)).toEqual(['fr', 'fr-dev']);
    expect(options[0]!.depth).toBe(0);
  });

  it('names the network of each top page when the brand has several', () => {
    expect(scopeOptions([page('g', null, ['g'])], () => true, true)[0]!.label).toBe('G (facebook)');
  });
});
