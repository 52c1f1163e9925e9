import { randomUUID } from 'node:crypto';
import { as, loadWorld, must, subtreeIds, type Who, type World } from '../access/access-world';
import { errorCode, gql } from '../support/graphql';
import { startTestApp } from '../support/test-app';
import { InboundTables, PAGE, uid, WEBHOOK_ENV } from './inbound-fixture';

/*
 * The conversations query: each reader gets exactly the conversations of their scope (FR's
 * moderator never sees ES's), each filter matches the rows in the table, the cursor walks
 * every conversation once with a steady totalCount, and the statement count does not grow
 * with the page.
 */
describe('conversations: who reads what, filters, cursor pagination', () => {
  let w: World;
  let tables: InboundTables;

  const QUERY = `query($filter: ConversationFilterInput, $first: Int, $after: String) {
    conversations(filter: $filter, first: $first, after: $after) {
      totalCount edges { cursor node { id network brandId pageId threadId authorId authorName state queueId itemCount firstItemAt lastItemAt } }
      pageInfo { endCursor hasNextPage } } }`;

  /** Conversations per page the import below makes: [page, how many]. */
  const SPREAD: [string, number][] = [
    [PAGE.FR, 5],
    [PAGE.frConsumer, 2],
    [PAGE.ES, 3],
    ['fb-northwind.es.consumer', 1],
    [PAGE.DE, 2],
    [PAGE.US, 2],
    [PAGE.G, 1],
  ];

  beforeAll(async () => {
    w = await loadWorld(await startTestApp(WEBHOOK_ENV));
    tables = await InboundTables.open(w.app.databaseUrl);
    const items = SPREAD.flatMap(([page, count], p) =>
      Array.from({ length: count }, (_, i) =>
        Array.from({ length: 1 + (i % 3) }, (_, k) => ({
          externalId: uid('cq'),
          pageExternalId: page,
          kind: k === 0 ? 'COMMENT' : 'REPLY',
          threadId: `cq-post-${p}-${i}`,
          authorId: `cq-author-${i}`,
          text: 'hello',
          // Two conversations on FR end at the same instant: the id breaks the tie.
          occurredAt: new Date(Date.UTC(2026, 5, 1, 8, page === PAGE.FR && i < 2 ? 0 : p * 10 + i, page === PAGE.FR && i < 2 ? 0 : k)).toISOString(),
        })),
      ).flat(),
    );
    must(await as(w, 'PLATFORM', 'mutation($input: ImportInboundItemsInput!) { importInboundItems(input: $input) { stored } }', { input: { network: 'facebook', items } }));
    // Routing runs after the import commits: wait for it, then set states and queues by hand so
    // every filter has rows on both sides (routing and claims have their own tests).
    for (let tries = 0; (await tables.db.query(`SELECT 1 FROM inbound_items WHERE status = 'RECEIVED' LIMIT 1`)).rowCount; tries++) {
      if (tries > 200) throw new Error('routing did not settle');
      await new Promise((wait) => setTimeout(wait, 25));
    }
    await tables.db.query('UPDATE conversations SET queue_id = NULL');
    const queueId = (await tables.db.query('SELECT id FROM reply_queues ORDER BY id LIMIT 1')).rows[0].id as string;
    const conversationOn = async (page: string, nth: number) =>
      (await tables.db.query(`SELECT c.id FROM conversations c JOIN pages p ON p.id = c.page_id WHERE p.external_id = $1 ORDER BY c.thread_id LIMIT 1 OFFSET $2`, [page, nth])).rows[0].id;
    const set = async (sql: string, page: string, nth: number) => tables.db.query(`UPDATE conversations SET ${sql} WHERE id = $1`, [await conversationOn(page, nth)]);
    await set(`state = 'RESOLVED'`, PAGE.FR, 0);
    await set(`state = 'RESOLVED', queue_id = '${queueId}'`, PAGE.FR, 1);
    await set(`state = 'SNOOZED'`, PAGE.ES, 0);
    await set(`state = 'ASSIGNED', queue_id = '${queueId}'`, PAGE.frConsumer, 0);
    await set(`queue_id = '${queueId}'`, PAGE.DE, 0);
    await set(`network = 'instagram'`, PAGE.DE, 1);
  });
  afterAll(async () => {
    await tables?.close();
    await w?.app.close();
  });

  /** The ids the table holds for a condition, latest activity first (the query's order). */
  async function stored(condition = 'TRUE', params: unknown[] = []): Promise<string[]> {
    const { rows } = await tables.db.query(`SELECT id FROM conversations c WHERE ${condition} ORDER BY last_item_at DESC, id DESC`, params);
    return rows.map((row: { id: string }) => row.id);
  }
  const inScope = (pageId: string) => stored('c.scope_ids @> ARRAY[$1]::uuid[]', [pageId]);

  interface Listed {
    ids: string[];
    totalCount: number;
    pages: number;
  }

  /** Everything `who` gets for a filter, following endCursor; totalCount must be the same on every page. */
  async function list(who: Who, filter: Record<string, unknown> = {}, first = 200): Promise<Listed> {
    const ids: string[] = [];
    const totals = new Set<number>();
    let pages = 0;
    for (let after: string | null = null, more = true; more; pages++) {
      const page: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } = must(
        await as(w, who, QUERY, { filter, first, after }),
      ).conversations;
      ids.push(...page.edges.map((edge) => edge.node.id));
      totals.add(page.totalCount);
      [after, more] = [page.pageInfo.endCursor, page.pageInfo.hasNextPage];
    }
    expect([...totals]).toHaveLength(1);
    return { ids, totalCount: [...totals][0], pages };
  }

  it('the import made the conversations the tests below read', async () => {
    expect((await stored()).length).toBe(SPREAD.reduce((sum, [, n]) => sum + n, 0));
  });

  describe('each reader sees the conversations of their scope, never more', () => {
    it.each<[Who, (w: World) => Promise<string[]>]>([
      ['PLATFORM', () => stored()],
      ['ADMIN', (w) => stored('c.brand_id = $1', [w.brandId])],
      ['FR_MANAGER', (w) => inScope(w.id.FR)],
      ['ES_MANAGER', (w) => inScope(w.id.ES)],
      ['FR_MODERATOR', (w) => inScope(w.id.FR)],
      ['ANALYST', (w) => inScope(w.id.EMEA)],
      ['FR_PUBLISHER', async () => []],
    ])('%s', async (who, expected) => {
      const ids = await expected(w);
      const listed = await list(who);
      expect(listed.ids).toEqual(ids);
      expect(listed.totalCount).toBe(ids.length);
    });

    it("FR's moderator gets FR's conversations and none of ES's, even when asking for ES's page", async () => {
      const esIds = new Set(await stored('c.page_id = ANY($1::uuid[])', [subtreeIds(w, w.id.ES)]));
      expect(esIds.size).toBe(4);
      const mine = await list('FR_MODERATOR');
      expect(mine.ids.length).toBe(7);
      expect(mine.ids.filter((id) => esIds.has(id))).toEqual([]);
      expect(await list('FR_MODERATOR', { pageId: w.id.ES })).toEqual({ ids: [], totalCount: 0, pages: 1 });
      expect(await list('FR_MODERATOR', { pageId: w.id.esConsumer })).toEqual({ ids: [], totalCount: 0, pages: 1 });
    });

    it("the pageId filter of a page above the reader's scope gives only what is under their scope", async () => {
      expect((await list('FR_MODERATOR', { pageId: w.id.G })).ids).toEqual(await inScope(w.id.FR));
    });

    it('needs a signed-in caller', async () => {
      expect(errorCode(await gql(w.app, QUERY, {}))).toBe('UNAUTHENTICATED');
    });
  });

  describe('filters match the table', () => {
    it.each<[string, (w: World) => Record<string, unknown>, string, (w: World) => unknown[]]>([
      ['pageId: a market and every page under it', (w) => ({ pageId: w.id.FR }), 'c.scope_ids @> ARRAY[$1]::uuid[]', (w) => [w.id.FR]],
      ['pageId: a segment only', (w) => ({ pageId: w.id.frConsumer }), 'c.page_id = $1', (w) => [w.id.frConsumer]],
      ['pageId: a region', (w) => ({ pageId: w.id.EMEA }), 'c.scope_ids @> ARRAY[$1]::uuid[]', (w) => [w.id.EMEA]],
      ['states: one', () => ({ states: ['RESOLVED'] }), "c.state = 'RESOLVED'", () => []],
      ['states: several', () => ({ states: ['OPEN', 'SNOOZED'] }), "c.state IN ('OPEN', 'SNOOZED')", () => []],
      ['states: empty means any', () => ({ states: [] }), 'TRUE', () => []],
      ['network', () => ({ network: 'instagram' }), "c.network = 'instagram'", () => []],
      ['network, case and spaces aside', () => ({ network: ' FaceBook ' }), "c.network = 'facebook'", () => []],
      ['unrouted: true', () => ({ unrouted: true }), 'c.queue_id IS NULL', () => []],
      ['unrouted: false', () => ({ unrouted: false }), 'c.queue_id IS NOT NULL', () => []],
      [
        'all of them at once',
        (w) => ({ pageId: w.id.FR, states: ['RESOLVED', 'ASSIGNED'], network: 'facebook', unrouted: false }),
        "c.scope_ids @> ARRAY[$1]::uuid[] AND c.state IN ('RESOLVED', 'ASSIGNED') AND c.network = 'facebook' AND c.queue_id IS NOT NULL",
        (w) => [w.id.FR],
      ],
    ])('%s', async (_label, filter, condition, params) => {
      const expected = await stored(condition, params(w));
      const listed = await list('PLATFORM', filter(w));
      expect(listed.ids).toEqual(expected);
      expect(listed.totalCount).toBe(expected.length);
    });

    it('every filter above has rows on both sides, so none passes by matching all or nothing', async () => {
      const total = (await stored()).length;
      for (const condition of ["c.state = 'RESOLVED'", "c.network = 'instagram'", 'c.queue_id IS NULL']) {
        const n = (await stored(condition)).length;
        expect(n).toBeGreaterThan(0);
        expect(n).toBeLessThan(total);
      }
    });

    it('a filter combines with the reader\'s scope: FR\'s moderator, unrouted, gets FR\'s unrouted ones', async () => {
      const expected = await stored('c.scope_ids @> ARRAY[$1]::uuid[] AND c.queue_id IS NULL', [w.id.FR]);
      expect(expected.length).toBeGreaterThan(0);
      expect((await list('FR_MODERATOR', { unrouted: true })).ids).toEqual(expected);
    });

    it('returns every field as stored', async () => {
      const [row] = (await tables.db.query(`SELECT * FROM conversations WHERE state = 'ASSIGNED'`)).rows;
      const node = must(await as(w, 'PLATFORM', QUERY, { filter: { states: ['ASSIGNED'] } })).conversations.edges[0].node;
      expect(node).toEqual({
        id: row.id,
        network: row.network,
        brandId: row.brand_id,
        pageId: row.page_id,
        threadId: row.thread_id,
        authorId: row.author_id,
        authorName: row.author_name,
        state: 'ASSIGNED',
        queueId: row.queue_id,
        itemCount: row.item_count,
        firstItemAt: row.first_item_at.toISOString(),
        lastItemAt: row.last_item_at.toISOString(),
      });
    });

    it.each([
      ['a malformed pageId', { pageId: 'not-an-id' }],
      ['an unknown state', { states: ['CLOSED'] }],
    ])('%s is BAD_USER_INPUT', async (_label, filter) => {
      expect(errorCode(await as(w, 'PLATFORM', QUERY, { filter }))).toBe('BAD_USER_INPUT');
    });
  });

  describe('conversation(id)', () => {
    const ONE = `query($id: ID!) { conversation(id: $id) { id network brandId pageId threadId authorId authorName state queueId itemCount firstItemAt lastItemAt } }`;

    it('gives a reader in scope the same fields as the list does', async () => {
      const node = must(await as(w, 'FR_MODERATOR', QUERY, { first: 1 })).conversations.edges[0].node;
      expect(must(await as(w, 'FR_MODERATOR', ONE, { id: node.id })).conversation).toEqual(node);
      expect(must(await as(w, 'ANALYST', ONE, { id: node.id })).conversation.id).toBe(node.id);
    });

    it("is NOT_FOUND for one outside the reader's scope, exactly as for one that does not exist", async () => {
      const [esId] = await stored('c.page_id = ANY($1::uuid[])', [subtreeIds(w, w.id.ES)]);
      expect(errorCode(await as(w, 'FR_MODERATOR', ONE, { id: esId }))).toBe('NOT_FOUND');
      expect(errorCode(await as(w, 'FR_PUBLISHER', ONE, { id: esId }))).toBe('NOT_FOUND');
      expect(errorCode(await as(w, 'FR_MODERATOR', ONE, { id: randomUUID() }))).toBe('NOT_FOUND');
      expect(must(await as(w, 'ES_MANAGER', ONE, { id: esId })).conversation.id).toBe(esId);
    });

    it('refuses a malformed id with BAD_USER_INPUT and an anonymous caller with UNAUTHENTICATED', async () => {
      expect(errorCode(await as(w, 'PLATFORM', ONE, { id: 'not-an-id' }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await gql(w.app, ONE, { id: randomUUID() }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('cursor pagination', () => {
    it('pages of 1, 2 and 3 give every conversation once, in order (ties on the last item broken by id), with a constant totalCount', async () => {
      const all = await list('PLATFORM');
      expect(all.pages).toBe(1);
      for (const size of [1, 2, 3]) {
        const paged = await list('PLATFORM', {}, size);
        expect(paged.ids).toEqual(all.ids);
        expect(new Set(paged.ids).size).toBe(paged.ids.length);
        expect(paged.totalCount).toBe(all.ids.length);
        expect(paged.pages).toBe(Math.ceil(all.ids.length / size));
      }
      const { rows } = await tables.db.query('SELECT last_item_at FROM conversations GROUP BY last_item_at HAVING count(*) > 1');
      expect(rows.length).toBeGreaterThan(0);
    });

    it('pages of 1 through a filter and a scope give the same as one page', async () => {
      const filter = { unrouted: true };
      const one = await list('FR_MODERATOR', filter);
      const paged = await list('FR_MODERATOR', filter, 1);
      expect(paged.ids).toEqual(one.ids);
      expect(paged.pages).toBe(one.ids.length);
    });

    it('a conversation with new activity while a reader pages does not repeat or shift the pages after the cursor', async () => {
      const first = must(await as(w, 'PLATFORM', QUERY, { first: 4 })).conversations;
      const before = await stored();
      // The oldest conversation gets a new item: it jumps to the top, ahead of the cursor.
      const oldest = before.at(-1)!;
      await tables.db.query(`UPDATE conversations SET last_item_at = now() + interval '1 day' WHERE id = $1`, [oldest]);
      try {
        const second = must(await as(w, 'PLATFORM', QUERY, { first: 4, after: first.pageInfo.endCursor })).conversations;
        expect(second.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(before.slice(4, 8));
      } finally {
        await tables.db.query(`UPDATE conversations SET last_item_at = (SELECT max(occurred_at) FROM inbound_items WHERE conversation_id = $1) WHERE id = $1`, [oldest]);
      }
    });

    it('last activity times finer than a millisecond (as PostgreSQL keeps them) still give every conversation once', async () => {
      const before = await tables.db.query('SELECT id, last_item_at FROM conversations');
      // Microseconds apart, all within one millisecond: a cursor carrying milliseconds must not skip any.
      await tables.db.query(
        `UPDATE conversations c SET last_item_at = timestamptz '2026-06-01 09:00:00.123' + (n.rank || ' microseconds')::interval
           FROM (SELECT id, row_number() OVER (ORDER BY id) AS rank FROM conversations) n WHERE n.id = c.id`,
      );
      try {
        const all = await list('PLATFORM');
        const paged = await list('PLATFORM', {}, 2);
        expect(paged.ids).toEqual(all.ids);
        expect(new Set(paged.ids).size).toBe(before.rows.length);
      } finally {
        for (const row of before.rows) await tables.db.query('UPDATE conversations SET last_item_at = $2 WHERE id = $1', [row.id, row.last_item_at]);
      }
    });

    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    it.each([
      ['not base64 JSON', 'garbage!'],
      ['a cursor of one part', cursor(['2026-06-01T08:00:00.000Z'])],
      ['a cursor with a date that is not one', cursor(['not a date', randomUUID()])],
      ['a cursor with an id that is not one', cursor(['2026-06-01T08:00:00.000Z', 'nope'])],
    ])('after: %s is BAD_USER_INPUT', async (_label, after) => {
      expect(errorCode(await as(w, 'PLATFORM', QUERY, { after }))).toBe('BAD_USER_INPUT');
    });

    it.each([0, -1, 201])('first: %i is BAD_USER_INPUT', async (first) => {
      expect(errorCode(await as(w, 'PLATFORM', QUERY, { first }))).toBe('BAD_USER_INPUT');
    });
  });

  describe('no N+1', () => {
    /** Statements the app sent to PostgreSQL for one request. */
    async function statementsOf(who: Who, first: number): Promise<{ statements: number; rows: number }> {
      await as(w, who, QUERY, { first }); // the caller's ability is warm for the measured call too
      const before = w.app.queries();
      const result = must(await as(w, who, QUERY, { first }));
      return { statements: w.app.queries() - before, rows: result.conversations.edges.length };
    }

    it.each<Who>(['PLATFORM', 'FR_MODERATOR', 'ANALYST'])('%s: a page of 1 and a page of every conversation cost the same statements, and few', async (who) => {
      const small = await statementsOf(who, 1);
      const large = await statementsOf(who, 200);
      expect(large.rows).toBeGreaterThan(small.rows);
      expect(large.statements).toBe(small.statements);
      expect(large.statements).toBeLessThanOrEqual(6);
    });
  });
});
