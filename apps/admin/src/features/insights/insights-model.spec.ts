import { scorePageHealth } from '@pivot/domain';
import { healthReasonText, isKnownHealthReason } from './health-reasons';
import { bucketOf, chartPoints, demandByCountry, demandLine, funnelIsEmpty, funnelSteps, hasPoints, nextSort, sortRows, type SortState } from './insights-model';

describe('funnelSteps', () => {
  it('gives each step its share of the step before and of followers', () => {
    const steps = funnelSteps({ followers: 10_000, reached: 4_000, engaged: 400, conversed: 50, answeredWithinSla: 40 });
    expect(steps.map((step) => step.label)).toEqual(['Followers', 'Reached', 'Engaged', 'Conversed', 'Answered within SLA']);
    expect(steps[0]).toMatchObject({ value: 10_000, ofPrevious: null, ofFirst: null });
    expect(steps[2]).toMatchObject({ ofPrevious: 0.1, ofFirst: 0.04 });
    expect(steps[4]).toMatchObject({ ofPrevious: 0.8, ofFirst: 0.004 });
  });

  it('has no ratio after an unknown or empty step, and calls an all-zero funnel empty', () => {
    const steps = funnelSteps({ followers: null, reached: 0, engaged: null, conversed: 3, answeredWithinSla: 0 });
    expect(steps.map((step) => step.ofPrevious)).toEqual([null, null, null, null, 0]);
    expect(steps.map((step) => step.ofFirst)).toEqual([null, null, null, null, null]);
    expect(funnelIsEmpty({ followers: null, reached: 0, engaged: null, conversed: 0, answeredWithinSla: 0 })).toBe(true);
    expect(funnelIsEmpty({ followers: 1, conversed: 0, answeredWithinSla: 0 })).toBe(false);
  });
});

describe('sortRows', () => {
  type Row = { name: string; rate: number | null };
  const rows: Row[] = [
    { name: 'Spain', rate: 0.02 },
    { name: 'France', rate: null },
    { name: 'Italy', rate: 0.05 },
    { name: 'Belgium', rate: 0.02 },
  ];
  const sorted = (sort: SortState<'rate' | 'name'>) =>
    sortRows(rows, sort, (row, column) => row[column], (row) => row.name).map((row) => row.name);

  it('sorts by a figure either way, missing figures last both ways, ties by name', () => {
    expect(sorted({ column: 'rate', direction: 'desc' })).toEqual(['Italy', 'Belgium', 'Spain', 'France']);
    expect(sorted({ column: 'rate', direction: 'asc' })).toEqual(['Belgium', 'Spain', 'Italy', 'France']);
  });

  it('sorts names alphabetically', () => {
    expect(sorted({ column: 'name', direction: 'asc' })).toEqual(['Belgium', 'France', 'Italy', 'Spain']);
    expect(sorted({ column: 'name', direction: 'desc' })).toEqual(['Spain', 'Italy', 'France', 'Belgium']);
  });

  it('flips the same column and starts another with its natural direction', () => {
    expect(nextSort({ column: 'rate', direction: 'desc' }, 'rate', 'desc')).toEqual({ column: 'rate', direction: 'asc' });
    expect(nextSort({ column: 'rate', direction: 'asc' }, 'name', 'asc')).toEqual({ column: 'name', direction: 'asc' });
  });
});

describe('bucketOf (map colours)', () => {
  it('spreads values over the steps by share of the largest, zero and no data in the first', () => {
    expect(bucketOf(100, 100, 5)).toBe(4);
    expect(bucketOf(50, 100, 5)).toBe(2);
    expect(bucketOf(0, 100, 5)).toBe(0);
    expect(bucketOf(10, 0, 5)).toBe(0);
  });
});

describe('healthReasonText', () => {
  it('has a sentence for every reason code scorePageHealth can give, failed or unknown', () => {
    const page = { kind: 'MARKET' as const, name: 'Acme France', country: 'FR', externalId: null, handle: null, pictureUrl: null, description: null, keywords: [], website: null };
    const now = new Date('2026-12-01T00:00:00Z');
    const failing = scorePageHealth(page, { name: 'Northwind', pictureUrl: 'https://x/p.png', allowedLinkDomains: ['northwind.example'] }, {
      now,
      connectorTokenHealthy: false,
      lastSuccessfulCallAt: null,
      pivotSendsCountryHere: false,
      followerGrowth: 0,
      recommendations: 1,
      lastPostAt: null,
      firstResponseP90Seconds: 100,
      firstResponseSlaSeconds: 10,
      backlog: 100,
    });
    const stale = scorePageHealth({ ...page, website: 'https://elsewhere.example' }, { name: 'Northwind', pictureUrl: 'https://x/p.png', allowedLinkDomains: ['northwind.example'] }, {
      now,
      lastSuccessfulCallAt: new Date('2026-01-01T00:00:00Z'),
      lastPostAt: new Date('2026-01-01T00:00:00Z'),
    });
    const unknown = scorePageHealth({ ...page, website: 'https://northwind.example' }, { name: '' }, { now });
    const codes = [failing, stale, unknown].flatMap((health) => [...Object.values(health.keys), health.operating].flatMap((key) => key.reasons.map((reason) => reason.code)));
    expect(codes.length).toBeGreaterThan(30);
    expect(codes.filter((code) => !isKnownHealthReason(code))).toEqual([]);
  });

  it('still reads a code it does not know as words', () => {
    expect(healthReasonText('METRIC_DEPRECATED')).toBe('Metric deprecated.');
    expect(healthReasonText('NO_RECENT_POST')).toBe('No post in the last 14 days.');
    expect(healthReasonText('TOKEN_EXPIRED')).toBe('The network token has expired: reconnect the page.');
    expect(healthReasonText('METRIC_UNAVAILABLE:page_views_total')).toBe('The network no longer gives a metric: page_views_total.');
  });
});

describe('chartPoints', () => {
  it('names buckets by their start and turns rates into percent for the axis', () => {
    const points = chartPoints(
      [
        { start: '2026-11-02', figures: { followers: 1200, conversationRate: 0.0125, firstResponseP50Seconds: 60, firstResponseP90Seconds: 600 } },
        { start: '2026-11-09', figures: { followers: null, conversationRate: null } },
      ],
      'WEEK',
    );
    expect(points[0]).toEqual({ label: expect.stringMatching(/^2 Nov/), followers: 1200, conversationRate: 1.25, firstResponseP50: 60, firstResponseP90: 600 });
    expect(points[1]).toMatchObject({ followers: null, conversationRate: null, firstResponseP50: null });
    expect(hasPoints(points, ['firstResponseP90'])).toBe(true);
    expect(hasPoints(points.slice(1), ['followers', 'conversationRate'])).toBe(false);
    expect(chartPoints([{ start: '2026-11-01', figures: {} }], 'MONTH')[0]!.label).toMatch(/2026$/);
  });
});

describe('demandLine', () => {
  it('names the country, the visitors and the page the pivot sent them to', () => {
    expect(demandLine('EE', 1240, 'Northwind EMEA', 30)).toBe('EE: 1,240 visitors sent to Northwind EMEA in 30 days');
    expect(demandLine('MT', 1, null, 1)).toBe('MT: 1 visitor sent to the fallback page in 1 day');
    expect(demandLine('ZZ', 30, 'Northwind', 7)).toBe('Unknown country: 30 visitors sent to Northwind in 7 days');
  });
});

describe('demandByCountry', () => {
  it("adds up a country's outcomes and keeps the one that served the most", () => {
    const merged = demandByCountry([
      { country: 'EE', outcome: 'REGION', visitors: 1200 },
      { country: 'FR', outcome: 'MARKET', visitors: 900, page: { id: 'fr', name: 'Northwind France' } },
      { country: 'EE', outcome: 'GLOBAL', visitors: 40 },
    ]);
    expect(merged.get('EE')).toEqual({ country: 'EE', outcome: 'REGION', visitors: 1240 });
    expect(merged.get('FR')?.page?.name).toBe('Northwind France');
  });
});
