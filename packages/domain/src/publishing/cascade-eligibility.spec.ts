import { cascadeSourceProblem, cascadeTargetProblem, type CascadeTargetPage } from './cascade-eligibility';

describe('cascadeSourceProblem', () => {
  const global = { parentPostId: null, state: 'DRAFT', targets: [{ kind: 'GLOBAL' }] };

  it('lets a live post on a global page be cascaded, whatever its live state', () => {
    for (const state of ['DRAFT', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'PUBLISHED', 'FAILED']) expect(cascadeSourceProblem({ ...global, state })).toBeNull();
  });

  it('refuses a cascade child, a rejected or archived post, and a post on no global page', () => {
    expect(cascadeSourceProblem({ ...global, parentPostId: 'p' })).toBe('is a cascade child');
    expect(cascadeSourceProblem({ ...global, state: 'REJECTED' })).toBe('is REJECTED');
    expect(cascadeSourceProblem({ ...global, state: 'ARCHIVED' })).toBe('is ARCHIVED');
    expect(cascadeSourceProblem({ ...global, targets: [{ kind: 'MARKET' }] })).toBe('does not target the global page');
  });
});

describe('cascadeTargetProblem', () => {
  const context = { postPageIds: ['g'], marketIds: ['fr'] };
  const page = (kind: string, scopeIds: string[], status = 'ACTIVE'): CascadeTargetPage => ({ kind, status, scopeIds });

  it("takes an active market under the post's global page, and an active segment under a market", () => {
    expect(cascadeTargetProblem(page('MARKET', ['g', 'emea', 'fr']), context)).toBeNull();
    expect(cascadeTargetProblem(page('SEGMENT', ['g', 'emea', 'fr', 'fr-b']), context)).toBeNull();
    expect(cascadeTargetProblem(page('SEGMENT', ['g', 'emea', 'fr', 'fr-b']), { ...context, marketIds: new Set(['fr']) })).toBeNull();
  });

  it('refuses an archived page', () => {
    expect(cascadeTargetProblem(page('MARKET', ['g', 'fr'], 'ARCHIVED'), context)).toBe('is archived');
  });

  it('refuses a region, the global page and a segment under the global page', () => {
    for (const target of [page('REGION', ['g', 'emea']), page('GLOBAL', ['g']), page('SEGMENT', ['g', 'g-b'])]) {
      expect(cascadeTargetProblem(target, context)).toBe('is neither a market page nor a segment page under a market');
    }
  });

  it("refuses a market in another network's tree", () => {
    expect(cascadeTargetProblem(page('MARKET', ['g2', 'fr2']), context)).toBe('is not under the global page the post goes out on');
  });
});
