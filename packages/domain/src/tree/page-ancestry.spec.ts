import { ancestorsOf, isSelfOrAncestor, scopeIdsOf } from './page-ancestry';

const pages = [
  { id: 'global', parentId: null },
  { id: 'emea', parentId: 'global' },
  { id: 'fr', parentId: 'emea' },
  { id: 'fr-dev', parentId: 'fr' },
  { id: 'loop-a', parentId: 'loop-b' },
  { id: 'loop-b', parentId: 'loop-a' },
  { id: 'orphan', parentId: 'gone' },
];

describe('ancestorsOf', () => {
  it('lists the ancestors root first, without the page itself', () => {
    expect(ancestorsOf(pages, 'fr-dev').map((page) => page.id)).toEqual(['global', 'emea', 'fr']);
  });

  it('is empty for a root page and for an unknown id', () => {
    expect(ancestorsOf(pages, 'global')).toEqual([]);
    expect(ancestorsOf(pages, 'nope')).toEqual([]);
  });

  it('stops at a cycle instead of looping', () => {
    expect(ancestorsOf(pages, 'loop-a').map((page) => page.id)).toEqual(['loop-b']);
  });

  it('stops at a missing parent', () => {
    expect(ancestorsOf(pages, 'orphan')).toEqual([]);
  });
});

describe('scopeIdsOf', () => {
  it('is the ancestors’ ids root first, then the page’s own id', () => {
    expect(scopeIdsOf(pages, 'fr-dev')).toEqual(['global', 'emea', 'fr', 'fr-dev']);
  });

  it('is just the id for the root page', () => {
    expect(scopeIdsOf(pages, 'global')).toEqual(['global']);
  });

  it('is empty for an id not among the pages', () => {
    expect(scopeIdsOf(pages, 'nope')).toEqual([]);
  });
});

describe('isSelfOrAncestor', () => {
  it('is true for the page itself and its ancestors, false for descendants and strangers', () => {
    expect(isSelfOrAncestor(pages, 'fr', 'fr')).toBe(true);
    expect(isSelfOrAncestor(pages, 'emea', 'fr-dev')).toBe(true);
    expect(isSelfOrAncestor(pages, 'fr-dev', 'emea')).toBe(false);
    expect(isSelfOrAncestor(pages, 'loop-a', 'fr')).toBe(false);
  });
});
