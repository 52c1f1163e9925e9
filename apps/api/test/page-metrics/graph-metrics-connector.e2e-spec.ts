import { PAGE_METRICS } from '../../src/connectors/metrics-connector';
import { FakeGraph, insightsBody } from '../support/fake-graph';
import { startTestApp, type TestApp } from '../support/test-app';
import { fetchPage, marketPage, sql, statusOf, storedDays } from './metrics-world';

/** The Graph API page-insights connector against the local fake Graph server, on a real database. */
describe('page metrics: the Graph API insights connector', () => {
  const graph = new FakeGraph();
  let app: TestApp;
  let fr: { id: string; externalId: string };

  beforeAll(async () => {
    const url = await graph.start();
    const probe = await startTestApp();
    fr = await marketPage(probe, 'FR');
    await probe.close();
    app = await startTestApp({ METRICS_CONNECTOR: 'graph', GRAPH_API_URL: url, GRAPH_PAGE_TOKENS: JSON.stringify({ [fr.externalId]: 'token-fr' }), METRICS_RETRY_BASE_MS: '10' });
  });
  afterAll(async () => {
    await app.close();
    await graph.stop();
  });
  beforeEach(async () => {
    graph.insightsHits.length = 0;
    graph.insights = (hit) => ({ status: 200, body: insightsBody(hit.query) });
    await sql(app, 'DELETE FROM page_metric_daily');
    await sql(app, 'DELETE FROM page_metric_status');
  });

  it('asks every metric by day with the page token, and files a value under the day before its end_time', async () => {
    graph.insights = () => ({ status: 200, body: { data: [{ name: 'page_post_engagements', period: 'day', values: [{ value: 12, end_time: '2026-09-03T07:00:00+0000' }] }] } });
    await fetchPage(app, fr.id, '2026-09-02', '2026-09-02');
    expect(graph.insightsHits).toHaveLength(1);
    expect(graph.insightsHits[0]).toMatchObject({
      pageId: fr.externalId,
      query: { metric: PAGE_METRICS.join(','), period: 'day', since: '2026-09-02', until: '2026-09-03', access_token: 'token-fr' },
    });
    expect(await storedDays(app, fr.id)).toEqual(new Map([['page_post_engagements 2026-09-02', 12]]));
    expect(await statusOf(app, fr.id)).toMatchObject({ reasons: [], last_error_reason: null, last_success_at: expect.any(Date) });
  });

  it('cuts a 120-day range into two calls of at most 90 days and stores every day of every metric', async () => {
    await fetchPage(app, fr.id, '2026-01-01', '2026-04-30');
    expect(graph.insightsHits.map((hit) => [hit.query.since, hit.query.until])).toEqual([
      ['2026-01-01', '2026-04-01'],
      ['2026-04-01', '2026-05-01'],
    ]);
    const stored = await storedDays(app, fr.id);
    expect(stored.size).toBe(120 * PAGE_METRICS.length);
    expect(stored.get('page_follows 2026-03-31')).toBe(31);
    expect(stored.get('page_views_total 2026-04-30')).toBe(30);
  });

  it('follows paging.next until the window is covered', async () => {
    graph.insights = (hit, nth) => {
      if (nth === 1) {
        const next = graph.url(`/${fr.externalId}/insights?${new URLSearchParams({ ...hit.query, since: '2026-06-06', after: 'cursor-2' })}`);
        return { status: 200, body: { ...insightsBody({ ...hit.query, until: '2026-06-06' }), paging: { next } } };
      }
      // The page after: the rest of the window, then a next that starts past it (not followed).
      const next = graph.url(`/${fr.externalId}/insights?${new URLSearchParams({ ...hit.query, since: '2026-06-11', until: '2026-06-20' })}`);
      return { status: 200, body: { ...insightsBody(hit.query), paging: { next } } };
    };
    await fetchPage(app, fr.id, '2026-06-01', '2026-06-10');
    expect(graph.insightsHits.map((hit) => hit.query.after ?? null)).toEqual([null, 'cursor-2']);
    const stored = await storedDays(app, fr.id);
    expect(stored.size).toBe(10 * PAGE_METRICS.length);
    expect(stored.get('page_media_view 2026-06-10')).toBe(10);
  });

  it('never follows paging.next to another host (it would carry the token there)', async () => {
    graph.insights = (hit) => ({ status: 200, body: { ...insightsBody(hit.query), paging: { next: `http://example.invalid/${fr.externalId}/insights?since=2026-06-01` } } });
    await fetchPage(app, fr.id, '2026-06-01', '2026-06-02');
    expect(graph.insightsHits).toHaveLength(1);
  });

  it('code 100 on one metric: records METRIC_UNAVAILABLE for it and keeps every other metric', async () => {
    graph.insights = (hit) =>
      hit.query.metric!.split(',').includes('page_views_total')
        ? { status: 400, body: { error: { message: '(#100) The value must be a valid insights metric', type: 'OAuthException', code: 100 } } }
        : { status: 200, body: insightsBody(hit.query) };
    await fetchPage(app, fr.id, '2026-01-01', '2026-04-30');
    const stored = await storedDays(app, fr.id);
    expect(stored.size).toBe(120 * (PAGE_METRICS.length - 1));
    expect([...stored.keys()].some((key) => key.startsWith('page_views_total'))).toBe(false);
    expect(await statusOf(app, fr.id)).toMatchObject({ reasons: ['METRIC_UNAVAILABLE:page_views_total'], last_error_reason: 'METRIC_UNAVAILABLE', last_success_at: expect.any(Date) });
    // The second window no longer asks for it: one call, not another round metric by metric.
    expect(graph.insightsHits.filter((hit) => hit.query.since === '2026-04-01').map((hit) => hit.query.metric)).toEqual([PAGE_METRICS.filter((m) => m !== 'page_views_total').join(',')]);
  });

  it('code 190 (expired token): records TOKEN_EXPIRED and stops for the page', async () => {
    graph.insights = () => ({ status: 400, body: { error: { message: 'Error validating access token: Session has expired', type: 'OAuthException', code: 190 } } });
    const outcome = await fetchPage(app, fr.id, '2026-01-01', '2026-04-30');
    expect(outcome?.problems.map((p) => p.reason)).toEqual(['TOKEN_EXPIRED']);
    expect(graph.insightsHits).toHaveLength(1);
    expect((await storedDays(app, fr.id)).size).toBe(0);
    expect(await statusOf(app, fr.id)).toMatchObject({ reasons: ['TOKEN_EXPIRED'], last_error_reason: 'TOKEN_EXPIRED', last_success_at: null, last_error_at: expect.any(Date) });
  });

  it('retries a 5xx with backoff and stores the answer once the network recovers', async () => {
    graph.insights = (hit, nth) => (nth <= 2 ? { status: 503, body: { error: { message: 'Service temporarily unavailable', code: 2 } } } : { status: 200, body: insightsBody(hit.query) });
    await fetchPage(app, fr.id, '2026-06-01', '2026-06-03');
    expect(graph.insightsHits).toHaveLength(3);
    // Backoff: 10 ms, then 20 ms.
    expect(graph.insightsHits[2]!.at - graph.insightsHits[0]!.at).toBeGreaterThanOrEqual(25);
    expect((await storedDays(app, fr.id)).size).toBe(3 * PAGE_METRICS.length);
    expect(await statusOf(app, fr.id)).toMatchObject({ reasons: [], last_error_reason: null });
  });

  it('gives up after 4 tries of a 5xx: NETWORK_UNAVAILABLE, nothing thrown', async () => {
    graph.insights = () => ({ status: 500, body: {} });
    const outcome = await fetchPage(app, fr.id, '2026-06-01', '2026-06-03');
    expect(outcome?.problems.map((p) => p.reason)).toEqual(['NETWORK_UNAVAILABLE']);
    expect(graph.insightsHits).toHaveLength(4);
    expect(await statusOf(app, fr.id)).toMatchObject({ reasons: ['NETWORK_UNAVAILABLE'] });
  });

  it('a page without a token records NO_TOKEN without calling the network', async () => {
    const de = await marketPage(app, 'DE');
    const outcome = await fetchPage(app, de.id, '2026-06-01', '2026-06-03');
    expect(outcome?.problems.map((p) => p.reason)).toEqual(['NO_TOKEN']);
    expect(graph.insightsHits).toHaveLength(0);
    expect(await statusOf(app, de.id)).toMatchObject({ reasons: ['NO_TOKEN'], last_error_reason: 'NO_TOKEN' });
  });
});
