// The whiteboard as a test: the repository keeps the rules of docs/ARCHITECTURE.md, and each
// rule fails on a new breach (shown on a small tree laid out like the repository, checked with
// the repository's own configuration).
const { spawnSync } = require('node:child_process');
const { mkdirSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { dirname, join } = require('node:path');

const ROOT = join(__dirname, '..', '..', '..');
const CHECK = join(__dirname, 'check.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

function check(cwd) {
  const run = spawnSync(process.execPath, [CHECK, '--config', CONFIG, '--json'], { cwd, encoding: 'utf8' });
  if (run.stdout.trim() === '') throw new Error(`the checker printed nothing (exit ${run.status}):\n${run.stderr}`);
  return { status: run.status, breaches: JSON.parse(run.stdout).breaches };
}

const trees = [];
/** A throwaway tree: path → file text. */
function tree(files) {
  const root = mkdtempSync(join(tmpdir(), 'pivot-architecture-'));
  trees.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
afterAll(() => {
  for (const root of trees) rmSync(root, { recursive: true, force: true });
});

const rulesOf = (breaches) => [...new Set(breaches.map((breach) => breach.rule))].sort();

/** The shape of the repository with nothing wrong: a tree, publishing above it, an admin feature. */
const CLEAN = {
  'packages/domain/src/tree.ts': 'export const depth = (ids: string[]): number => ids.length;\n',
  'apps/api/src/hierarchy/page.entity.ts': 'export class Page {}\n',
  'apps/api/src/hierarchy/hierarchy.service.ts': "import { depth } from '../../../../packages/domain/src/tree';\nimport { Page } from './page.entity';\nexport const pages: Page[] = [];\nexport const d = depth([]);\n",
  'apps/api/src/publishing/post.resolver.ts': "import { pages } from '../hierarchy/hierarchy.service';\nexport const posts = pages;\n",
  'apps/admin/src/features/hierarchy/tree-model.ts': 'export const tree = 1;\n',
  'apps/admin/src/features/publishing/post-model.ts': "import { tree } from '../hierarchy/tree-model';\nexport const post = tree;\n",
};

describe('architecture (dependency-cruiser, /.dependency-cruiser.cjs)', () => {
  it('the repository keeps every architecture rule', () => {
    const { status, breaches } = check(ROOT);
    expect(breaches).toEqual([]);
    expect(status).toBe(0);
  });

  it('a tree laid out by the rules passes', () => {
    const { status, breaches } = check(tree(CLEAN));
    expect(breaches).toEqual([]);
    expect(status).toBe(0);
  });

  it.each([
    ['@nestjs/common', "import { Injectable } from '@nestjs/common';\nexport const I = Injectable;\n"],
    ['typeorm', "import { Entity } from 'typeorm';\nexport const E = Entity;\n"],
    ['pg', "import { Pool } from 'pg';\nexport const P = Pool;\n"],
    ['react', "import { useState } from 'react';\nexport const S = useState;\n"],
    ['app code', "import { Page } from '../../../apps/api/src/hierarchy/page.entity';\nexport const P = Page;\n"],
  ])('the domain package importing %s fails domain-is-pure', (_what, text) => {
    const { status, breaches } = check(tree({ ...CLEAN, 'packages/domain/src/leak.ts': text }));
    expect(rulesOf(breaches)).toEqual(['domain-is-pure']);
    expect(status).toBe(1);
  });

  it('the domain package reading files outside a test fails domain-does-no-io', () => {
    const text = "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n";
    const { status, breaches } = check(tree({ ...CLEAN, 'packages/domain/src/load.ts': text, 'packages/domain/src/load.spec.ts': text }));
    expect(breaches.map((breach) => [breach.rule, breach.from])).toEqual([['domain-does-no-io', 'packages/domain/src/load.ts']]);
    expect(status).toBe(1);
  });

  it('the admin importing the API’s source fails admin-not-into-api, and the reverse api-not-into-admin', () => {
    const { status, breaches } = check(
      tree({
        ...CLEAN,
        'apps/admin/src/features/hierarchy/page-form.ts': "import { Page } from '../../../../api/src/hierarchy/page.entity';\nexport const P = Page;\n",
        'apps/api/src/hierarchy/tree-labels.ts': "import { tree } from '../../../admin/src/features/hierarchy/tree-model';\nexport const T = tree;\n",
      }),
    );
    expect(rulesOf(breaches)).toEqual(['admin-not-into-api', 'api-not-into-admin']);
    expect(status).toBe(1);
  });

  it.each([
    ['typeorm', "import { DataSource } from 'typeorm';\nexport const D = DataSource;\n", {}],
    ['a repository file', "import { PageRepository } from './page.repository';\nexport const R = PageRepository;\n", { 'apps/api/src/hierarchy/page.repository.ts': 'export class PageRepository {}\n' }],
    ['the data source', "import { dataSource } from '../database/data-source';\nexport const D = dataSource;\n", { 'apps/api/src/database/data-source.ts': 'export const dataSource = {};\n' }],
  ])('a resolver importing %s fails resolver-no-data-access', (_what, text, more) => {
    const { status, breaches } = check(tree({ ...CLEAN, ...more, 'apps/api/src/hierarchy/page.resolver.ts': text }));
    expect(rulesOf(breaches)).toEqual(['resolver-no-data-access']);
    expect(status).toBe(1);
  });

  it('two files importing each other fail no-circular-files', () => {
    const { status, breaches } = check(
      tree({
        ...CLEAN,
        'apps/api/src/hierarchy/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
        'apps/api/src/hierarchy/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
      }),
    );
    expect(rulesOf(breaches)).toEqual(['no-circular-files']);
    expect(status).toBe(1);
  });

  it('the tree importing publishing (publishing imports the tree) fails no-circle-between-api-domain-folders, through subfolders too', () => {
    const { status, breaches } = check(
      tree({
        ...CLEAN,
        'apps/api/src/publishing/scope/post-scope.ts': 'export const rescope = 1;\n',
        'apps/api/src/hierarchy/moves/move.ts': "import { rescope } from '../../publishing/scope/post-scope';\nexport const move = rescope;\n",
      }),
    );
    expect(breaches.map((breach) => [breach.rule, breach.circle])).toEqual([['no-circle-between-api-domain-folders', ['hierarchy', 'publishing']]]);
    expect(breaches[0].edges).toEqual([
      'hierarchy -> publishing (apps/api/src/hierarchy/moves/move.ts -> apps/api/src/publishing/scope/post-scope.ts)',
      'publishing -> hierarchy (apps/api/src/publishing/post.resolver.ts -> apps/api/src/hierarchy/hierarchy.service.ts)',
    ]);
    expect(status).toBe(1);
  });

  it('a wiring file (the seed) importing every domain makes no circle', () => {
    const { status, breaches } = check(
      tree({
        ...CLEAN,
        'apps/api/src/database/database-errors.ts': 'export const translate = 1;\n',
        'apps/api/src/hierarchy/errors.ts': "import { translate } from '../database/database-errors';\nexport const t = translate;\n",
        'apps/api/src/database/seed/seed-demo.ts': "import { pages } from '../../hierarchy/hierarchy.service';\nexport const seed = pages;\n",
      }),
    );
    expect(breaches).toEqual([]);
    expect(status).toBe(0);
  });

  it('two admin features importing each other fail no-circle-between-admin-features', () => {
    const { status, breaches } = check(
      tree({ ...CLEAN, 'apps/admin/src/features/hierarchy/post-count.ts': "import { post } from '../publishing/post-model';\nexport const count = post;\n" }),
    );
    expect(breaches.map((breach) => [breach.rule, breach.circle])).toEqual([['no-circle-between-admin-features', ['hierarchy', 'publishing']]]);
    expect(status).toBe(1);
  });
});
