import { estimatePercentile, histogramOf } from '@pivot/domain';
import { errorCode } from '../support/graphql';
import { ask, FIRST_RESPONSES_FR, FIRST_RESPONSES_FR_CONSUMER, INSIGHTS, RANGE, useInsightsWorld } from './insights-world';

/** The figures of a fixed rollup fixture (insights-world.ts), as the brand admin reads them. */
describe('insights figures from the rollups', () => {
  const w = useInsightsWorld();

  const insights = async (scope: string, range: Record<string, unknown>) => {
    const result = await ask(w, w.token.ADMIN, INSIGHTS, { scope, range });
    expect(result.errors).toBeUndefined();
    return result.data!.insights;
  };
  const samples = [...FIRST_RESPONSES_FR, ...FIRST_RESPONSES_FR_CONSUMER];

  it("sums FR's subtree over the range: followers on each page's last day, growth, rates, distinct authors, merged percentiles, backlog on the last day", async () => {
    const { totals, funnel, from, to } = await insights(w.id.FR, RANGE);
    expect({ from, to }).toEqual(RANGE);
    expect(totals).toEqual({
      followers: 1500,
      followerGrowth: 25,
      reach: 2000,
      engagements: 100,
      engagementRate: 0.05,
      conversedAuthors: 3,
      conversationRate: 3 / 1500,
      itemsReceived: 6,
      conversationsOpened: 5,
      conversationsAnswered: 4,
      conversationsResolved: 2,
      responseRate: 0.8,
      firstResponseP50Seconds: estimatePercentile(histogramOf(samples), 0.5),
      firstResponseP90Seconds: estimatePercentile(histogramOf(samples), 0.9),
      firstResponseBusinessP50Seconds: estimatePercentile(histogramOf(samples), 0.5),
      firstResponseBusinessP90Seconds: estimatePercentile(histogramOf(samples), 0.9),
      nextResponseP50Seconds: null,
      nextResponseP90Seconds: null,
      resolutionP50Seconds: null,
      resolutionP90Seconds: null,
      slaMet: 3,
      firstAnsweredWithinSla: 2,
      slaBreached: 1,
      slaAttainment: 0.75,
      backlog: 3,
    });
    // In people, never above "conversed": 3 authors × 2 of 5 opened conversations first answered in time.
    expect(funnel).toEqual({ followers: 1500, reached: 2000, engaged: 100, conversed: 3, answeredWithinSla: 1 });
  });

  it('reads a percentile from the merged histograms of both pages, within the documented error of the true value', async () => {
    const { totals } = await insights(w.id.FR, RANGE);
    // Nearest-rank p90 of the six samples is 90,000 s (consumer page); p50 is 90 s.
    expect(Math.abs(totals.firstResponseP90Seconds - 90000) / 90000).toBeLessThan(0.28);
    expect(Math.abs(totals.firstResponseP50Seconds - 90) / 90).toBeLessThan(0.28);
  });

  it('gives the previous period: the same number of days just before from', async () => {
    const { previousFrom, previousTo, previous } = await insights(w.id.FR, RANGE);
    expect({ previousFrom, previousTo }).toEqual({ previousFrom: '2025-02-17', previousTo: '2025-03-02' });
    expect(previous).toMatchObject({ followers: 900, followerGrowth: 12, reach: null, conversationsOpened: 5, conversedAuthors: 0, conversationRate: 0, responseRate: 0, backlog: 0 });
  });

  it('cuts a DAY series into one point per day, in order', async () => {
    const { series } = await insights(w.id.FR, { ...RANGE, granularity: 'DAY' });
    expect(series).toHaveLength(14);
    expect(series.map((p: { start: string }) => p.start)).toEqual(series.map((p: { end: string }) => p.end));
    expect(series[1]).toMatchObject({ start: '2025-03-04', figures: { conversationsOpened: 4, conversedAuthors: 2, followerGrowth: 30 } });
  });

  it('cuts a WEEK series at ISO Mondays: distinct authors per week, followers and backlog at the end of each week', async () => {
    const { series } = await insights(w.id.FR, { ...RANGE, granularity: 'WEEK' });
    expect(series.map((p: { start: string; end: string; figures: Record<string, unknown> }) => ({ start: p.start, end: p.end, ...pick(p.figures) }))).toEqual([
      { start: '2025-03-03', end: '2025-03-09', followers: 950, followerGrowth: 20, conversedAuthors: 2, backlog: 7, conversationsOpened: 4 },
      { start: '2025-03-10', end: '2025-03-16', followers: 1500, followerGrowth: 5, conversedAuthors: 2, backlog: 3, conversationsOpened: 1 },
    ]);
  });

  it('cuts a MONTH series at calendar months, clipped to the range, and counts an author once per month', async () => {
    const { series } = await insights(w.id.FR, { from: '2025-02-20', to: '2025-03-16', granularity: 'MONTH' });
    expect(series.map((p: { start: string; end: string; figures: Record<string, unknown> }) => ({ start: p.start, end: p.end, ...pick(p.figures) }))).toEqual([
      { start: '2025-02-20', end: '2025-02-28', followers: null, followerGrowth: 12, conversedAuthors: 0, backlog: 0, conversationsOpened: 5 },
      { start: '2025-03-01', end: '2025-03-16', followers: 1500, followerGrowth: 25, conversedAuthors: 3, backlog: 3, conversationsOpened: 5 },
    ]);
  });

  it("adds FR and ES into EMEA's figures, and nothing of FR into ES's", async () => {
    const emea = await insights(w.id.EMEA, RANGE);
    const es = await insights(w.id.ES, RANGE);
    expect(emea.totals).toMatchObject({ followers: 5500, followerGrowth: 95, conversedAuthors: 4, conversationsOpened: 45, backlog: 14 });
    expect(es.totals).toMatchObject({ followers: 4000, followerGrowth: 70, conversedAuthors: 1, conversationsOpened: 40, backlog: 11, reach: null, firstResponseP50Seconds: null });
  });

  describe('bad input is BAD_USER_INPUT, never a 500', () => {
    it.each([
      ['a reversed range', { from: '2025-03-16', to: '2025-03-03' }],
      ['a range over 731 days', { from: '2023-01-01', to: '2025-01-02' }],
      ['an impossible date', { from: '2025-02-30', to: '2025-03-03' }],
      ['a date that is not YYYY-MM-DD', { from: '03/03/2025', to: '2025-03-16' }],
      ['an unknown granularity', { ...RANGE, granularity: 'YEAR' }],
    ])('%s', async (_label, range) => {
      expect(errorCode(await ask(w, w.token.ADMIN, INSIGHTS, { scope: w.id.FR, range }))).toBe('BAD_USER_INPUT');
    });

    it('a scope id that is not an id', async () => {
      expect(errorCode(await ask(w, w.token.ADMIN, INSIGHTS, { scope: 'FR', range: RANGE }))).toBe('BAD_USER_INPUT');
    });

    it('accepts exactly 731 days', async () => {
      const result = await ask(w, w.token.ADMIN, INSIGHTS, { scope: w.id.FR, range: { from: '2023-03-17', to: '2025-03-16', granularity: 'MONTH' } });
      expect(result.errors).toBeUndefined();
      expect(result.data!.insights.totals.followers).toBe(1500);
    });
  });

  it('answers NOT_FOUND for a scope page that does not exist', async () => {
    expect(errorCode(await ask(w, w.token.ADMIN, INSIGHTS, { scope: '00000000-0000-4000-8000-000000000000', range: RANGE }))).toBe('NOT_FOUND');
  });
});

function pick(figures: Record<string, unknown>) {
  const { followers, followerGrowth, conversedAuthors, backlog, conversationsOpened } = figures;
  return { followers, followerGrowth, conversedAuthors, backlog, conversationsOpened };
}
