import { gql } from '../support/graphql';
import type { TestApp } from '../support/test-app';

/** A page as these tests look at it. */
export interface TreeRow {
  id: string;
  kind: 'GLOBAL' | 'REGION' | 'MARKET' | 'SEGMENT';
  name: string;
  network: string;
  country: string | null;
  segment: string | null;
  languages: string[];
  status: 'ACTIVE' | 'ARCHIVED';
  parentId: string | null;
  version: number;
}

export interface Tree {
  brandId: string;
  pages: TreeRow[];
}

const TREE = `query($slug: String!) {
  brand(slug: $slug) { id pages { id kind name network country segment languages status parentId version } }
}`;

/** The brand's whole page list, read through GraphQL like any client. */
export async function loadTree(app: TestApp, token: string, slug = 'northwind'): Promise<Tree> {
  const result = await gql<{ brand: { id: string; pages: TreeRow[] } }>(app, TREE, { slug }, token);
  if (result.errors || !result.data) throw new Error(`tree of ${slug}: ${JSON.stringify(result.errors)}`);
  return { brandId: result.data.brand.id, pages: result.data.brand.pages };
}

export function pageOf(tree: Tree, kind: TreeRow['kind'], name: string): TreeRow {
  const page = tree.pages.find((p) => p.kind === kind && p.name === name);
  if (!page) throw new Error(`no ${kind} page named ${name}`);
  return page;
}

/** The market page of a country; with a language, the variant serving it. */
export function marketOf(tree: Tree, country: string, language?: string): TreeRow {
  const page = tree.pages.find((p) => p.kind === 'MARKET' && p.country === country && (!language || p.languages.includes(language)));
  if (!page) throw new Error(`no ${country} market${language ? ` in ${language}` : ''}`);
  return page;
}

export function segmentOf(tree: Tree, parent: TreeRow, segment: string): TreeRow {
  const page = tree.pages.find((p) => p.kind === 'SEGMENT' && p.parentId === parent.id && p.segment === segment);
  if (!page) throw new Error(`no ${segment} page under ${parent.name}`);
  return page;
}

export function regionOf(tree: Tree, code: 'EMEA' | 'AMER' | 'APAC'): TreeRow {
  return pageOf(tree, 'REGION', `Northwind ${code}`);
}

export function globalOf(tree: Tree): TreeRow {
  const page = tree.pages.find((p) => p.kind === 'GLOBAL' && p.network === 'facebook');
  if (!page) throw new Error('no global page');
  return page;
}
