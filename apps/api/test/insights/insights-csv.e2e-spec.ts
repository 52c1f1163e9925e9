import { parse } from 'csv-parse/sync';
import { subtreeIds } from '../access/access-world';
import { RANGE, useInsightsWorld } from './insights-world';

/** The CSV exports: the same authorization as the queries, a header row, one row per market or bucket. */
describe('insights CSV exports', () => {
  const w = useInsightsWorld();

  const get = (path: string, query: Record<string, string>, token?: string) => {
    const req = w.app.http.get(path).query(query);
    if (token) req.set('authorization', `Bearer ${token}`);
    return req;
  };
  const comparison = (scope: string) => ({ scopePageId: scope, ...RANGE });

  it('answers 401 { code: UNAUTHENTICATED } without a token', async () => {
    for (const path of ['/insights/market-comparison.csv', '/insights/series.csv']) {
      const res = await get(path, comparison(w.id.FR));
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    }
  });

  it('answers 404 { code: NOT_FOUND } for a scope out of reach, as for a missing page', async () => {
    for (const path of ['/insights/market-comparison.csv', '/insights/series.csv']) {
      const res = await get(path, comparison(w.id.FR), w.analystEs);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    }
  });

  it.each([
    ['a reversed range', { scopePageId: 'x', from: '2025-03-16', to: '2025-03-03' }],
    ['no scope', { scopePageId: undefined }],
    ['an unknown granularity', { granularity: 'YEAR' }],
    ['a repeated parameter', { from: ['2025-03-03', '2025-03-04'] }],
  ])('answers 400 { code: BAD_USER_INPUT } for %s', async (_label, override) => {
    // undefined drops the parameter.
    const query = JSON.parse(JSON.stringify({ ...comparison(w.id.FR), ...override })) as Record<string, string>;
    const res = await get('/insights/series.csv', query, w.token.ADMIN);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
  });

  it('sends the market comparison: a header row then one row per market, as an attachment', async () => {
    const res = await get('/insights/market-comparison.csv', comparison(w.id.EMEA), w.token.ADMIN);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="market-comparison-${RANGE.from}-${RANGE.to}.csv"`);
    const rows = parse(res.text, { columns: true }) as Array<Record<string, string>>;
    const markets = w.pages.filter((p) => p.kind === 'MARKET' && p.status === 'ACTIVE' && subtreeIds(w, w.id.EMEA).includes(p.id));
    expect(rows).toHaveLength(markets.length);
    expect(rows.find((row) => row.pageId === w.id.FR)).toMatchObject({ country: 'FR', followers: '1500', followerGrowth: '25', responseRate: '0.8', slaAttainment: '0.75', backlog: '3' });
    expect(Object.keys(rows[0])).toEqual(['page', 'pageId', 'country', 'followers', 'followerGrowth', 'conversationRate', 'responseRate', 'firstResponseP50Seconds', 'firstResponseP90Seconds', 'slaAttainment', 'backlog', 'healthScore']);
  });

  it("gives an ANALYST at FR the same comparison CSV as the brand admin for FR", async () => {
    const analyst = await get('/insights/market-comparison.csv', comparison(w.id.FR), w.analystFr);
    const admin = await get('/insights/market-comparison.csv', comparison(w.id.FR), w.token.ADMIN);
    expect(analyst.status).toBe(200);
    expect(analyst.text).toBe(admin.text);
  });

  it('sends the series: one row per week, figures empty where there is nothing', async () => {
    const res = await get('/insights/series.csv', { ...comparison(w.id.FR), granularity: 'WEEK' }, w.analystFr);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="series-week-${RANGE.from}-${RANGE.to}.csv"`);
    const rows = parse(res.text, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => [row.start, row.end, row.followers, row.conversedAuthors, row.backlog, row.nextResponseP50Seconds])).toEqual([
      ['2025-03-03', '2025-03-09', '950', '2', '7', ''],
      ['2025-03-10', '2025-03-16', '1500', '2', '3', ''],
    ]);
  });

  it('escapes a page name a spreadsheet would run as a formula', async () => {
    await w.db.query(`UPDATE pages SET name = '=HYPERLINK("http://evil.example")' WHERE id = $1`, [w.id.ES]);
    const res = await get('/insights/market-comparison.csv', comparison(w.id.ES), w.token.ADMIN);
    const [row] = parse(res.text, { columns: true }) as Array<Record<string, string>>;
    expect(row.page.startsWith('=')).toBe(false);
    expect(row.page).toContain('HYPERLINK');
  });
});

