import { abilityFromPackedRules, defineAbilityFor, packRules, type Grant } from '@pivot/domain';
import { boardOrder, cascadeChoices, cascadeTargetIds, mayCascade, diffParts, diffSummary, jobProgress, jobRunning, rolloutCounts, type BoardCell } from './rollout-model';

const cell = (id: string, country: string, state: BoardCell['state'], globalChanged = false): BoardCell => ({ state, globalChanged, market: { id, name: `Northwind ${country}`, country, network: 'facebook' } });

describe('rollout board', () => {
  it('counts the markets in each of the seven states, zeros included, in the rollout order', () => {
    const counts = rolloutCounts([cell('fr', 'FR', 'LOCALIZING'), cell('es', 'ES', 'LOCALIZING'), cell('de', 'DE', 'PUBLISHED'), cell('it', 'IT', 'NOT_STARTED')]);
    expect(counts.map((entry) => entry.state)).toEqual(['NOT_STARTED', 'LOCALIZING', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'PUBLISHED', 'FAILED']);
    expect(Object.fromEntries(counts.map((entry) => [entry.state, entry.count]))).toEqual({ NOT_STARTED: 1, LOCALIZING: 2, IN_REVIEW: 0, APPROVED: 0, SCHEDULED: 0, PUBLISHED: 1, FAILED: 0 });
  });

  it('puts the markets that need a look first (global changed, failed), then those under way, the not started last, by country', () => {
    const order = boardOrder([cell('it', 'IT', 'NOT_STARTED'), cell('fr', 'FR', 'IN_REVIEW'), cell('es', 'ES', 'SCHEDULED', true), cell('de', 'DE', 'FAILED'), cell('be', 'BE', 'LOCALIZING'), cell('at', 'AT', 'NOT_STARTED')]);
    expect(order.map((entry) => entry.market.id)).toEqual(['de', 'es', 'be', 'fr', 'at', 'it']);
  });
});

describe('diffs', () => {
  it('merges neighbours of the same kind, drops empty parts and shows an unknown kind as unchanged', () => {
    const parts = diffParts([
      { op: 'equal', text: 'Spring ' },
      { op: 'equal', text: 'sale ' },
      { op: 'delete', text: 'today' },
      { op: 'insert', text: '' },
      { op: 'insert', text: 'this ' },
      { op: 'insert', text: 'week' },
      { op: 'move', text: '!' },
    ]);
    expect(parts).toEqual([
      { op: 'equal', text: 'Spring sale ' },
      { op: 'delete', text: 'today' },
      { op: 'insert', text: 'this week' },
      { op: 'equal', text: '!' },
    ]);
    expect(diffParts(null)).toEqual([]);
  });

  it('sums up what was added and removed', () => {
    expect(diffSummary(diffParts([{ op: 'equal', text: 'a' }, { op: 'insert', text: 'bcd' }, { op: 'delete', text: 'ef' }]))).toBe('3 characters added, 2 removed');
    expect(diffSummary(diffParts([{ op: 'delete', text: 'ef' }]))).toBe('2 removed');
    expect(diffSummary([])).toBe('no change in the text');
  });
});

describe('cascade job', () => {
  it('polls while the job is queued or running, and stops once done or failed', () => {
    expect([jobRunning({ state: 'QUEUED' }), jobRunning({ state: 'RUNNING' }), jobRunning({ state: 'DONE' }), jobRunning({ state: 'FAILED' }), jobRunning(null)]).toEqual([true, true, false, false, false]);
  });

  it('shows progress as the share of target pages made or failed', () => {
    expect(jobProgress({ state: 'QUEUED', total: 3, done: 0, failed: 0 })).toEqual({ percent: 0, label: 'Waiting for a worker…' });
    expect(jobProgress({ state: 'RUNNING', total: 40, done: 9, failed: 1 })).toEqual({ percent: 25, label: '9 of 40 markets localized, 1 failed' });
    expect(jobProgress({ state: 'DONE', total: 3, done: 3, failed: 0 }).percent).toBe(100);
    expect(jobProgress({ state: 'FAILED', total: 0, done: 0, failed: 0 }).percent).toBe(100);
  });

  it('targets the segment pages picked under a market, or the market page itself, without repeats', () => {
    expect(cascadeTargetIds(['fr', 'es', 'de', 'fr'], { fr: ['fr-consumer', 'fr-business'], es: [] })).toEqual(['fr-consumer', 'fr-business', 'es', 'de']);
  });
});

describe('who is offered the cascade', () => {
  const abilityOf = (userId: string, grant: Grant) => abilityFromPackedRules(JSON.stringify(packRules(defineAbilityFor({ userId, grants: [grant] }).rules)));
  const admin = abilityOf('ada', { role: 'BRAND_ADMIN', brandId: 'b', scopePageId: 'g', scopeIds: ['g'] });
  const frManager = abilityOf('fleur', { role: 'MARKET_MANAGER', brandId: 'b', scopePageId: 'fr', scopeIds: ['g', 'emea', 'fr'] });
  const globalPost = { id: 'p', brandId: 'b', scopeIds: ['g'], authorId: 'ada', state: 'DRAFT', parentPostId: null, targets: [{ id: 'g', kind: 'GLOBAL' }] };

  it("offers the brand team a live global post's cascade, and a market manager none", () => {
    expect(mayCascade(admin, globalPost)).toBe(true);
    expect(mayCascade(frManager, { ...globalPost, scopeIds: ['g', 'emea', 'fr'] })).toBe(false);
  });

  it('offers no cascade of a market post, a cascade child, or an archived post', () => {
    expect(mayCascade(admin, { ...globalPost, targets: [{ id: 'fr', kind: 'MARKET' }] })).toBe(false);
    expect(mayCascade(admin, { ...globalPost, parentPostId: 'q' })).toBe(false);
    expect(mayCascade(admin, { ...globalPost, state: 'ARCHIVED' })).toBe(false);
  });

  it('lists the active markets under the global page, each with its active segments, by name', () => {
    const page = (id: string, kind: string, scopeIds: string[], status = 'ACTIVE') => ({ id, kind, status, scopeIds, name: id, network: 'facebook' });
    const pages = [
      page('g', 'GLOBAL', ['g']),
      page('es', 'MARKET', ['g', 'emea', 'es']),
      page('fr', 'MARKET', ['g', 'emea', 'fr']),
      page('fr-b', 'SEGMENT', ['g', 'emea', 'fr', 'fr-b']),
      page('fr-old', 'SEGMENT', ['g', 'emea', 'fr', 'fr-old'], 'ARCHIVED'),
      page('it', 'MARKET', ['g', 'emea', 'it'], 'ARCHIVED'),
      page('other', 'MARKET', ['g2', 'other']),
    ];
    expect(cascadeChoices(pages, ['g']).map((choice) => [choice.market.id, choice.segments.map((segment) => segment.id)])).toEqual([
      ['es', []],
      ['fr', ['fr-b']],
    ]);
  });
});
