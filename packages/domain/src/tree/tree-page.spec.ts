import { toTreePage } from './tree-page';
import type { TreePage } from './page.types';

describe('toTreePage', () => {
  it('keeps exactly the fields the tree rules read, dropping the rest of the row', () => {
    const tree: TreePage = {
      id: 'fr',
      kind: 'MARKET',
      parentId: 'emea',
      network: 'facebook',
      name: 'Northwind France',
      url: 'https://facebook.com/northwind.fr',
      country: 'FR',
      languages: ['fr'],
      segment: null,
      status: 'ACTIVE',
      defaultVariant: true,
      regionCountries: [],
    };
    const row = { ...tree, brandId: 'b', version: 3, handle: 'northwind.fr', scopeIds: ['g', 'emea', 'fr'] };
    expect(toTreePage(row)).toEqual(tree);
  });
});
