import { Client } from 'pg';
import { PivotDemand } from '../../src/pivot/pivot-demand.service';
import { startTestApp, type TestApp } from '../support/test-app';

/** The public pivot counts its resolutions in memory and adds them to pivot_demand_daily on flush (issue 10, item 6). */
describe('pivot demand', () => {
  let app: TestApp;
  let brandId: string;

  const query = async (url: string, text: string, params: unknown[] = []) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text, params)).rows;
    } finally {
      await client.end();
    }
  };
  const counts = async () =>
    Object.fromEntries(
      (await query(app.databaseUrl, `SELECT country, outcome, to_char(day, 'YYYY-MM-DD') AS day, count FROM pivot_demand_daily WHERE brand_id = $1`, [brandId])).map((row) => [
        `${row.country} ${row.outcome}`,
        Number(row.count),
      ]),
    );
  const resolve = (search: string, headers: Record<string, string> = {}) => {
    const req = app.http.get(`/pivot/northwind/resolve?${search}`);
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    return req.expect(200);
  };
  const demand = () => app.app.get(PivotDemand);

  beforeAll(async () => {
    app = await startTestApp();
    brandId = (await query(app.databaseUrl, `SELECT id FROM brands WHERE slug = 'northwind'`))[0].id;
  });
  afterAll(() => app.close());
  beforeEach(async () => {
    await demand().flush();
    await query(app.databaseUrl, 'DELETE FROM pivot_demand_daily');
  });

  it('counts each resolution per (brand, country, outcome) in memory, without a statement per request, and adds them at the flush', async () => {
    const before = app.queries();
    for (let i = 0; i < 5; i++) await resolve('country=FR');
    for (let i = 0; i < 3; i++) await resolve('country=LU&segment=developer');
    await resolve('', { 'cf-ipcountry': 'EE' });
    await resolve('country=EE&lang=et');
    await resolve('country=AQ');
    await resolve('');
    await app.http.get('/pivot/northwind?country=FR').expect(302);
    // Refused requests are not demand.
    await app.http.get('/pivot/northwind/resolve?country=FRA').expect(400);
    await app.http.get('/pivot/nobody/resolve?country=FR').expect(404);
    expect(app.queries()).toBe(before);
    expect(demand().pending).toBe(13);
    expect(await counts()).toEqual({});

    expect(await demand().flush()).toBe(13);
    expect(await counts()).toEqual({ 'FR market': 6, 'LU alias': 3, 'EE region': 2, 'AQ global': 1, 'ZZ global': 1 });
    const [{ day }] = await query(app.databaseUrl, `SELECT DISTINCT to_char(day, 'YYYY-MM-DD') AS day FROM pivot_demand_daily`);
    expect(day).toBe(new Date().toISOString().slice(0, 10));
  });

  it('adds to the day’s row at each flush (count = count + new)', async () => {
    await resolve('country=FR');
    await demand().flush();
    await resolve('country=FR');
    await resolve('country=FR');
    await demand().flush();
    expect(await counts()).toEqual({ 'FR market': 3 });
    expect(await demand().flush()).toBe(0);
  });

  it('a failed flush keeps its counts for the next one', async () => {
    await resolve('country=DE');
    await resolve('country=DE');
    await query(app.ownerDatabaseUrl, 'REVOKE INSERT ON pivot_demand_daily FROM pivot_app');
    try {
      expect(await demand().flush()).toBe(0);
      await resolve('country=DE');
      expect(demand().pending).toBe(3);
    } finally {
      await query(app.ownerDatabaseUrl, 'GRANT INSERT ON pivot_demand_daily TO pivot_app');
    }
    expect(await demand().flush()).toBe(3);
    expect(await counts()).toEqual({ 'DE market': 3 });
  });

  it('flushes at shutdown', async () => {
    const second = await startTestApp({}, { url: app.databaseUrl });
    await second.http.get('/pivot/northwind/resolve?country=EE').expect(200);
    await second.http.get('/pivot/northwind/resolve?country=EE').expect(200);
    await second.close();
    expect(await counts()).toEqual({ 'EE region': 2 });
  });
});
