import { PAGE_METRICS } from '../../src/connectors/metrics-connector';
import { JobQueue } from '../../src/jobs/job-queue';
import { PAGE_METRICS_DAILY_QUEUE } from '../../src/jobs/queues';
import { PageMetricsWorker } from '../../src/page-metrics/page-metrics.worker';
import { as, loadWorld, must, type World } from '../access/access-world';
import { errorCode } from '../support/graphql';
import { startTestApp } from '../support/test-app';
import { fetchPage, sql, statusOf, storedDays } from './metrics-world';

const BACKFILL = `mutation($input: BackfillPageMetricsInput!) { backfillPageMetrics(input: $input) { pages days from to } }`;
const utcDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Page metrics through the sandbox connector (the default): storage, the daily job, the back-fill mutation. */
describe('page metrics: storage, the daily job and the back-fill', () => {
  let w: World;
  let activePages: number;

  beforeAll(async () => {
    // The pg-boss clock on, as in production: the daily schedule is saved at boot.
    w = await loadWorld(await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '10000', PAGE_METRICS_CRON: '5 4 * * *' }));
    activePages = Number((await sql(w.app, `SELECT count(*) AS n FROM pages WHERE status = 'ACTIVE' AND network = 'facebook'`))[0]!.n);
  });
  afterAll(() => w.app.close());
  beforeEach(async () => {
    await sql(w.app, 'DELETE FROM page_metric_daily');
    await sql(w.app, 'DELETE FROM page_metric_status');
  });
  const poll = () => w.app.app.get(PageMetricsWorker).poll();
  const rowCount = async (where = 'true', params: unknown[] = []) => Number((await sql(w.app, `SELECT count(*) AS n FROM page_metric_daily WHERE ${where}`, params))[0]!.n);

  it('a rerun over the same days changes nothing: same rows, same values, same fetched_at', async () => {
    const first = await fetchPage(w.app, w.id.FR, '2026-03-01', '2026-03-31');
    expect(first?.written).toBe(31 * PAGE_METRICS.length);
    const before = await sql(w.app, `SELECT metric, day, value, fetched_at FROM page_metric_daily WHERE page_id = $1 ORDER BY metric, day`, [w.id.FR]);
    const again = await fetchPage(w.app, w.id.FR, '2026-03-10', '2026-03-20');
    const rerun = await fetchPage(w.app, w.id.FR, '2026-03-01', '2026-03-31');
    expect([again?.written, rerun?.written]).toEqual([0, 0]);
    expect(await sql(w.app, `SELECT metric, day, value, fetched_at FROM page_metric_daily WHERE page_id = $1 ORDER BY metric, day`, [w.id.FR])).toEqual(before);
  });

  it('the sandbox series is plausible and a function of page and day only', async () => {
    await fetchPage(w.app, w.id.FR, '2026-01-01', '2026-03-31');
    await fetchPage(w.app, w.id.ES, '2026-01-01', '2026-03-31');
    const fr = await storedDays(w.app, w.id.FR);
    const es = await storedDays(w.app, w.id.ES);
    const series = (days: Map<string, number>, metric: string) => [...days].filter(([key]) => key.startsWith(`${metric} `)).sort().map(([, v]) => v);
    const followers = series(fr, 'page_follows');
    expect(followers).toHaveLength(90);
    // Followers grow slowly: never down, under 10 % in a quarter.
    expect(followers.every((n, i) => i === 0 || n >= followers[i - 1]!)).toBe(true);
    expect(followers.at(-1)! / followers[0]!).toBeLessThan(1.1);
    const views = series(fr, 'page_media_view');
    const engagements = series(fr, 'page_post_engagements');
    expect(engagements.every((n, i) => n < views[i]!)).toBe(true);
    expect(series(fr, 'page_total_media_view_unique').every((n, i) => n <= views[i]!)).toBe(true);
    // Seeded by the page: another page gets another series.
    expect(series(es, 'page_follows')).not.toEqual(followers);
  });

  it('saves the daily schedule in pg-boss at boot (PAGE_METRICS_CRON, UTC)', async () => {
    const rows = await sql(w.app, `SELECT cron, timezone FROM pgboss.schedule WHERE name = $1`, [PAGE_METRICS_DAILY_QUEUE]);
    expect(rows).toEqual([{ cron: '5 4 * * *', timezone: 'UTC' }]);
  });

  it('the daily tick fetches yesterday (UTC) for every active page of every brand, and only yesterday', async () => {
    await w.app.app.get(JobQueue).instance.send(PAGE_METRICS_DAILY_QUEUE, {});
    await poll();
    const yesterday = utcDay(-1);
    const pages = await sql(w.app, `SELECT DISTINCT page_id FROM page_metric_daily`);
    expect(pages).toHaveLength(activePages);
    expect(await rowCount()).toBe(activePages * PAGE_METRICS.length);
    expect(await rowCount(`day = $1::date`, [yesterday])).toBe(activePages * PAGE_METRICS.length);
    expect(Number((await sql(w.app, `SELECT count(*) AS n FROM page_metric_status WHERE last_success_at IS NOT NULL AND reasons = '{}'`))[0]!.n)).toBe(activePages);
    // An archived page is not fetched.
    expect(await rowCount(`page_id IN (SELECT id FROM pages WHERE status = 'ARCHIVED')`)).toBe(0);
  });

  it('a brand admin back-fills a market subtree: its active pages queued, every day of the range stored', async () => {
    const result = must(await as(w, 'ADMIN', BACKFILL, { input: { pageId: w.id.FR, from: '2026-01-01', to: '2026-04-30' } })).backfillPageMetrics;
    const frPages = Number((await sql(w.app, `SELECT count(*) AS n FROM pages WHERE status = 'ACTIVE' AND scope_ids @> ARRAY[$1::uuid]`, [w.id.FR]))[0]!.n);
    expect(result).toEqual({ pages: frPages, days: 120, from: '2026-01-01', to: '2026-04-30' });
    await poll();
    expect(await rowCount()).toBe(frPages * 120 * PAGE_METRICS.length);
    expect(await statusOf(w.app, w.id.ES)).toBeUndefined();
    const [audit] = await sql(w.app, `SELECT action, subject_id FROM audit_entries WHERE action = 'pageMetrics.backfill'`);
    expect(audit).toEqual({ action: 'pageMetrics.backfill', subject_id: w.id.FR });
  });

  it('a brand admin back-fills the whole brand', async () => {
    const result = must(await as(w, 'ADMIN', BACKFILL, { input: { brandId: w.brandId, from: utcDay(-2), to: utcDay(-1) } })).backfillPageMetrics;
    expect(result).toMatchObject({ pages: activePages, days: 2 });
    await poll();
    expect(await rowCount()).toBe(activePages * 2 * PAGE_METRICS.length);
  });

  it.each(['FR_MANAGER', 'ANALYST', 'FR_PUBLISHER', 'FR_MODERATOR'] as const)('%s (a role below the brand team) may not back-fill: FORBIDDEN, nothing queued', async (who) => {
    const result = await as(w, who, BACKFILL, { input: { pageId: w.id.FR, from: '2026-01-01', to: '2026-01-31' } });
    expect(errorCode(result)).toBe('FORBIDDEN');
    await poll();
    expect(await rowCount()).toBe(0);
  });

  it('a page out of the caller’s reach reads like a missing one: NOT_FOUND', async () => {
    const result = await as(w, 'ES_MANAGER', BACKFILL, { input: { pageId: w.id.FR, from: '2026-01-01', to: '2026-01-31' } });
    expect(errorCode(result)).toBe('NOT_FOUND');
    const missing = await as(w, 'ADMIN', BACKFILL, { input: { pageId: '00000000-0000-4000-8000-000000000000', from: '2026-01-01', to: '2026-01-31' } });
    expect(errorCode(missing)).toBe('NOT_FOUND');
  });

  it.each([
    ['a reversed range', { from: '2026-02-01', to: '2026-01-31' }],
    ['a range over two years', { from: '2023-01-01', to: '2025-01-02' }],
    ['a day that does not exist', { from: '2026-02-30', to: '2026-03-01' }],
    ['a malformed day', { from: '2026-1-1', to: '2026-03-01' }],
    ['a day in the future', { from: utcDay(-1), to: utcDay(2) }],
    ['neither brand nor page', { from: '2026-01-01', to: '2026-01-31', pageId: null }],
    ['a malformed page id', { from: '2026-01-01', to: '2026-01-31', pageId: 'fr' }],
  ])('%s: BAD_USER_INPUT, nothing queued', async (_what, input) => {
    const result = await as(w, 'ADMIN', BACKFILL, { input: { pageId: w.id.FR, ...input } });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    await poll();
    expect(await rowCount()).toBe(0);
  });

  it('two years to the day is accepted (731 days)', async () => {
    const result = must(await as(w, 'ADMIN', BACKFILL, { input: { pageId: w.id.frStudent, from: '2023-01-01', to: '2024-12-31' } })).backfillPageMetrics;
    expect(result).toMatchObject({ pages: 1, days: 731 });
    await poll();
    expect(await rowCount()).toBe(731 * PAGE_METRICS.length);
  });
});
