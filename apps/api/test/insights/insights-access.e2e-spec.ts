import { errorCode } from '../support/graphql';
import { ask, COMPARISON, DEMAND, HEALTH, INSIGHTS, RANGE, useInsightsWorld } from './insights-world';

/*
 * Who reads metrics (DESIGN §4): the brand team the whole brand, an ANALYST under its scope only
 * (never up the trail), nobody else. Filtered in SQL: an analyst's numbers are exactly the brand
 * admin's for the same scope, and nothing of another market leaks into a list or a total.
 */
describe('insights: who reads which metrics', () => {
  const w = useInsightsWorld();

  const ok = async (token: string, query: string, variables: Record<string, unknown>) => {
    const result = await ask(w, token, query, variables);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };

  describe('SQL-filter parity', () => {
    it.each([
      ['insights', INSIGHTS],
      ['marketComparison', COMPARISON],
      ['pageHealth', HEALTH],
    ])('an ANALYST at FR gets exactly the FR %s a BRAND_ADMIN gets', async (_name, query) => {
      for (const granularity of ['DAY', 'WEEK']) {
        const variables = { scope: w.id.FR, range: { ...RANGE, granularity } };
        expect(await ok(w.analystFr, query, variables)).toEqual(await ok(w.token.ADMIN, query, variables));
      }
    });

    it("an ANALYST at EMEA gets EMEA's totals, the sum of its markets", async () => {
      const variables = { scope: w.id.EMEA, range: RANGE };
      const analyst = await ok(w.token.ANALYST, INSIGHTS, variables);
      expect(analyst).toEqual(await ok(w.token.ADMIN, INSIGHTS, variables));
      expect(analyst.insights.totals.followers).toBe(5500);
    });
  });

  describe('an ANALYST never reads up the trail nor beside its scope', () => {
    it.each([
      ['insights', INSIGHTS],
      ['marketComparison', COMPARISON],
      ['pageHealth', HEALTH],
    ])('%s: an ANALYST at ES gets NOT_FOUND on FR, FR-consumer, EMEA and the global page', async (_name, query) => {
      for (const scope of [w.id.FR, w.id.frConsumer, w.id.EMEA, w.id.G]) {
        const result = await ask(w, w.analystEs, query, { scope, range: RANGE });
        expect({ code: errorCode(result), data: result.data }).toEqual({ code: 'NOT_FOUND', data: null });
      }
    });

    it('an ANALYST at FR asking for the global page or EMEA gets NOT_FOUND, like a missing page (the brand total never leaks)', async () => {
      for (const scope of [w.id.G, w.id.EMEA]) {
        expect(errorCode(await ask(w, w.analystFr, INSIGHTS, { scope, range: RANGE }))).toBe('NOT_FOUND');
        expect(errorCode(await ask(w, w.analystFr, COMPARISON, { scope, range: RANGE }))).toBe('NOT_FOUND');
      }
    });

    it("an ANALYST at ES compares ES only, and its pivot demand holds no FR row", async () => {
      const rows = (await ok(w.analystEs, COMPARISON, { scope: w.id.ES, range: RANGE })).marketComparison;
      expect(rows.map((row: { page: { country: string } }) => row.page.country)).toEqual(['ES']);
      const demand = (await ok(w.analystEs, DEMAND, { range: RANGE })).pivotDemand;
      expect(demand).toEqual([{ country: 'ES', outcome: 'MARKET', visitors: 50, page: { id: w.id.ES, country: 'ES' } }]);
    });

    it("an ANALYST at FR sees FR's pivot demand only, not EE's (no page of theirs serves it)", async () => {
      const demand = (await ok(w.analystFr, DEMAND, { range: RANGE })).pivotDemand;
      expect(demand).toEqual([{ country: 'FR', outcome: 'MARKET', visitors: 120, page: { id: w.id.FR, country: 'FR' } }]);
    });
  });

  describe('roles the table gives no metrics', () => {
    it.each(['FR_MANAGER', 'FR_PUBLISHER', 'FR_MODERATOR'] as const)('%s: FORBIDDEN on FR (a page it reads), NOT_FOUND on ES', async (who) => {
      for (const query of [INSIGHTS, COMPARISON, HEALTH]) {
        expect(errorCode(await ask(w, w.token[who], query, { scope: w.id.FR, range: RANGE }))).toBe('FORBIDDEN');
        expect(errorCode(await ask(w, w.token[who], query, { scope: w.id.ES, range: RANGE }))).toBe('NOT_FOUND');
      }
      expect(errorCode(await ask(w, w.token[who], DEMAND, { range: RANGE }))).toBe('FORBIDDEN');
    });

    it('asks for a sign-in first: UNAUTHENTICATED without a token', async () => {
      expect(errorCode(await ask(w, '', INSIGHTS, { scope: w.id.FR, range: RANGE }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('the brand team', () => {
    it('compares every active market of the brand, each over its subtree, with a health score', async () => {
      const rows = (await ok(w.token.ADMIN, COMPARISON, { scope: w.id.G, range: RANGE })).marketComparison;
      const markets = w.pages.filter((p) => p.kind === 'MARKET' && p.status === 'ACTIVE');
      expect(rows).toHaveLength(markets.length);
      const fr = rows.find((row: { page: { id: string } }) => row.page.id === w.id.FR);
      expect(fr).toMatchObject({ followers: 1500, followerGrowth: 25, conversationRate: 3 / 1500, responseRate: 0.8, slaAttainment: 0.75, backlog: 3 });
      expect(rows.every((row: { healthScore: number }) => Number.isInteger(row.healthScore) && row.healthScore >= 0 && row.healthScore <= 100)).toBe(true);
    });

    it("gives a segment scope's own row in the comparison", async () => {
      const rows = (await ok(w.token.ADMIN, COMPARISON, { scope: w.id.frConsumer, range: RANGE })).marketComparison;
      expect(rows).toMatchObject([{ page: { id: w.id.frConsumer }, followers: 500, followerGrowth: 5 }]);
    });

    it('lists page health for every active page under the scope, worst first, with reasons by key', async () => {
      const rows = (await ok(w.token.ADMIN, HEALTH, { scope: w.id.FR, range: RANGE })).pageHealth;
      const active = w.pages.filter((p) => p.status === 'ACTIVE' && (p.id === w.id.FR || p.parentId === w.id.FR));
      expect(rows.map((row: { page: { id: string } }) => row.page.id).sort()).toEqual(active.map((p) => p.id).sort());
      const scores = rows.map((row: { score: number }) => row.score);
      expect(scores).toEqual([...scores].sort((a, b) => a - b));
      expect(rows[0].keys.map((key: { key: string }) => key.key)).toEqual(['real', 'complete', 'branded', 'findable', 'endorsed', 'operating']);
      // No metrics fetch on record: the real key's connector checks are unknown, not failed.
      const fr = rows.find((row: { page: { id: string } }) => row.page.id === w.id.FR);
      expect(fr.reasons).toEqual(expect.arrayContaining([{ key: 'real', code: 'CONNECTOR_TOKEN_UNKNOWN', status: 'UNKNOWN' }, { key: 'endorsed', code: 'RECOMMENDATIONS_UNKNOWN', status: 'UNKNOWN' }]));
    });

    it('turns an expired token on record into a failed real key', async () => {
      await w.db.query(
        `INSERT INTO page_metric_status (page_id, brand_id, last_attempt_at, last_success_at, reasons) VALUES ($1, $2, now(), now() - interval '10 days', ARRAY['TOKEN_EXPIRED'])`,
        [w.id.DE, w.brandId],
      );
      const rows = (await ok(w.token.ADMIN, HEALTH, { scope: w.id.DE, range: RANGE })).pageHealth;
      const de = rows.find((row: { page: { id: string } }) => row.page.id === w.id.DE);
      expect(de.reasons).toEqual(expect.arrayContaining([
        { key: 'real', code: 'CONNECTOR_TOKEN_UNHEALTHY', status: 'FAIL' },
        { key: 'real', code: 'NO_RECENT_SUCCESSFUL_CALL', status: 'FAIL' },
      ]));
    });

    it('reads pivot demand for every country, a country without a page included, most visitors first', async () => {
      const demand = (await ok(w.token.ADMIN, DEMAND, { range: RANGE })).pivotDemand;
      expect(demand).toEqual([
        { country: 'EE', outcome: 'REGION', visitors: 1240, page: null },
        { country: 'FR', outcome: 'MARKET', visitors: 120, page: { id: w.id.FR, country: 'FR' } },
        { country: 'ES', outcome: 'MARKET', visitors: 50, page: { id: w.id.ES, country: 'ES' } },
      ]);
    });

    it('asks the platform admin, who reads every brand, to name one', async () => {
      expect(errorCode(await ask(w, w.token.PLATFORM, DEMAND, { range: RANGE }))).toBe('BAD_USER_INPUT');
      const named = await ok(w.token.PLATFORM, `query($range: InsightsRangeInput!, $brand: ID) { pivotDemand(range: $range, brandId: $brand) { country visitors } }`, { range: RANGE, brand: w.brandId });
      expect(named.pivotDemand).toHaveLength(3);
    });
  });
});
