import { gql } from '../support/graphql';
import { ask, INSIGHTS, RANGE, useInsightsWorld } from './insights-world';

/**
 * insights_rollups, the wide rows the insights read (migration 1797000000300): built from the
 * page-grain rollups and page metrics, kept in step with every write by the triggers' stale days,
 * and rebuilt before a read of the brand, so a write is never missed by the next request.
 */
describe('insights rollups: pre-summed by subtree and week, never stale', () => {
  const w = useInsightsWorld();

  const totals = async (scope: string, range: Record<string, unknown> = RANGE) => {
    const result = await ask(w, w.token.ADMIN, INSIGHTS, { scope, range });
    expect(result.errors).toBeUndefined();
    return result.data!.insights.totals as Record<string, number>;
  };
  const row = async (pageId: string, part: string, grain: string, start: string) => {
    const { rows } = await w.db.query(
      `SELECT opened::int, backlog::int, items_received::int AS "itemsReceived", follows::int, first_response_histogram AS histogram
         FROM insights_rollups WHERE page_id = $1 AND part = $2 AND grain = $3 AND start = $4`,
      [pageId, part, grain, start],
    );
    return rows[0] ?? null;
  };

  it('holds, after a read, each page alone (OWN) and its whole subtree (TREE), by day and by ISO week', async () => {
    await totals(w.id.FR);
    const { FR, frConsumer, ES, EMEA } = w.id;
    // 2025-03-04: FR opened 4 itself; ES 40; FR's consumer page nothing that day.
    expect(await row(FR, 'OWN', 'D', '2025-03-04')).toMatchObject({ opened: 4, itemsReceived: 6, follows: 30 });
    expect(await row(FR, 'TREE', 'D', '2025-03-04')).toMatchObject({ opened: 4, itemsReceived: 6 });
    expect(await row(EMEA, 'TREE', 'D', '2025-03-04')).toMatchObject({ opened: 44 });
    expect(await row(EMEA, 'OWN', 'D', '2025-03-04')).toBeNull();
    // The week of 2025-03-10: FR's consumer page opened 1 on the 11th, in FR's subtree and not in FR's own.
    expect(await row(FR, 'TREE', 'W', '2025-03-10')).toMatchObject({ opened: 1 });
    expect(await row(FR, 'OWN', 'W', '2025-03-10')).toMatchObject({ opened: 0 });
    expect(await row(frConsumer, 'TREE', 'W', '2025-03-10')).toMatchObject({ opened: 1 });
    // A week's backlog is its Sunday's (the gauge is never summed): FR's on 2025-03-09 was 7.
    expect(await row(FR, 'TREE', 'W', '2025-03-03')).toMatchObject({ opened: 4, backlog: 7 });
    // Histograms add bucket by bucket: FR's subtree week holds FR's four samples and its consumer page's none that week.
    const week = await row(FR, 'TREE', 'W', '2025-03-03');
    expect((week.histogram as number[]).reduce((a, b) => a + b, 0)).toBe(4);
    expect(await row(ES, 'TREE', 'W', '2025-03-03')).toMatchObject({ opened: 40 });
  });

  it('reads a write made after the last read, and forgets a deleted one', async () => {
    const before = await totals(w.id.FR);
    await w.db.query(
      `INSERT INTO conversation_metric_days (brand_id, page_id, day, queue_id, moderator_id, metric, count) VALUES ($1, $2, '2025-03-12', NULL, NULL, 'opened', 10)`,
      [w.brandId, w.id.frConsumer],
    );
    expect((await totals(w.id.FR)).conversationsOpened).toBe(before.conversationsOpened + 10);
    expect((await totals(w.id.EMEA)).conversationsOpened).toBe(before.conversationsOpened + 10 + 40);
    await w.db.query(`DELETE FROM conversation_metric_days WHERE page_id = $1 AND day = '2025-03-12' AND metric = 'opened'`, [w.id.frConsumer]);
    expect((await totals(w.id.FR)).conversationsOpened).toBe(before.conversationsOpened);
    const { rows } = await w.db.query(`SELECT count(*)::int AS n FROM insights_stale_days`);
    expect(rows[0].n).toBe(0);
  });

  it('reads a revised network figure (an upsert of the same day) in place of the old one', async () => {
    const before = await totals(w.id.FR);
    await w.db.query(`UPDATE page_metric_daily SET value = value + 100 WHERE page_id = $1 AND metric = 'page_total_media_view_unique' AND day = '2025-03-04'`, [w.id.FR]);
    expect((await totals(w.id.FR)).reach).toBe(before.reach + 100);
  });

  it('moves a market’s figures with it when it moves to another region', async () => {
    const emea = await totals(w.id.EMEA);
    const amer = await totals(w.id.AMER);
    const es = await totals(w.id.ES);
    const moved = await gql(w.app, `mutation($id: ID!, $input: UpdatePageInput!) { updatePage(id: $id, input: $input) { id parentId } }`, { id: w.id.ES, input: { parentId: w.id.AMER } }, w.token.ADMIN);
    expect(moved.errors).toBeUndefined();
    expect((await totals(w.id.EMEA)).conversationsOpened).toBe(emea.conversationsOpened - es.conversationsOpened);
    expect((await totals(w.id.AMER)).conversationsOpened).toBe(amer.conversationsOpened + es.conversationsOpened);
    expect((await totals(w.id.ES)).conversationsOpened).toBe(es.conversationsOpened);
  });

  it('keeps a distinct author count once made, and counts again once a day of its range changes', async () => {
    const before = await totals(w.id.FR);
    const kept = async () =>
      (await w.db.query(`SELECT counts FROM insights_author_counts WHERE page_id = $1 AND granularity = 'ALL' AND from_day = $2 AND to_day = $3`, [w.id.FR, RANGE.from, RANGE.to])).rows[0]?.counts;
    expect(await kept()).toEqual({ '': before.conversedAuthors });
    const { rows: [version] } = await w.db.query(`SELECT version::int FROM insights_versions WHERE brand_id = $1`, [w.brandId]);
    await w.db.query(`INSERT INTO conversation_metric_authors (page_id, day, author_id, brand_id) VALUES ($1, '2025-03-12', 'a-new', $2)`, [w.id.frConsumer, w.brandId]);
    expect((await totals(w.id.FR)).conversedAuthors).toBe(before.conversedAuthors + 1);
    expect(await kept()).toEqual({ '': before.conversedAuthors + 1 });
    const { rows: [after] } = await w.db.query(`SELECT version::int FROM insights_versions WHERE brand_id = $1`, [w.brandId]);
    expect(after.version).toBeGreaterThan(version.version);
  });
});
