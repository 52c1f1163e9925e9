import { as, loadWorld, type Who, type World } from '../access/access-world';
import { errorCode, gql, type GraphqlResult } from '../support/graphql';
import { startTestApp } from '../support/test-app';
import { delivery, InboundTables, PAGE, postSigned, uid, WEBHOOK_ENV } from './inbound-fixture';

/*
 * importInboundItems: what the webhook does, for back-fills and tests, by a signed-in user.
 * Input checked whole before anything is written; every page of the batch must be one the
 * caller may import for (NOT_FOUND when they cannot see it, FORBIDDEN when they can); one
 * audit entry per page, in the transaction that stores the items.
 */
describe('importInboundItems', () => {
  let w: World;
  let tables: InboundTables;

  // 1,000 items need more than the default 100kb body.
  beforeAll(async () => {
    w = await loadWorld(await startTestApp({ ...WEBHOOK_ENV, BODY_LIMIT: '1mb' }));
    tables = await InboundTables.open(w.app.databaseUrl);
  });
  afterAll(async () => {
    await tables?.close();
    await w?.app.close();
  });

  const IMPORT = `mutation($input: ImportInboundItemsInput!) {
    importInboundItems(input: $input) { stored duplicates conversations { id pageId threadId authorId authorName itemCount firstItemAt lastItemAt state } } }`;

  const item = (page: string, overrides: Record<string, unknown> = {}) => ({
    externalId: uid('imp'),
    pageExternalId: page,
    kind: 'COMMENT',
    threadId: 'imp-post-1',
    authorId: 'imp-author',
    authorName: 'Imp Author',
    text: 'Imported comment',
    occurredAt: '2026-06-01T10:00:00.000Z',
    ...overrides,
  });
  const routingDone = async () => {
    const end = Date.now() + 10_000;
    while (Number((await tables.db.query(`SELECT count(*) FROM inbound_items WHERE status = 'RECEIVED'`)).rows[0].count) > 0 && Date.now() < end) {
      await new Promise((wait) => setTimeout(wait, 25));
    }
    return tables.counts();
  };
  const run = (who: Who, items: unknown[], network = 'facebook') => as(w, who, IMPORT, { input: { network, items } });

  /**
   * Items, conversations, kept-aside items and the audit entries people wrote: a refusal moves
   * none of them. Taken once earlier imports are routed; routing's own entries (the system's, in
   * its own time) do not count.
   */
  const everything = async () => ({
    ...(await routingDone()),
    audit: Number((await tables.db.query('SELECT count(*) FROM audit_entries WHERE actor_id IS NOT NULL')).rows[0].count),
  });

  async function refused(result: GraphqlResult, code: string, before: Awaited<ReturnType<typeof everything>>): Promise<void> {
    expect({ code: errorCode(result), data: result.data?.importInboundItems ?? null }).toEqual({ code, data: null });
    expect(await everything()).toEqual(before);
  }

  describe('input validation: BAD_USER_INPUT and nothing stored', () => {
    const long = (n: number) => 'x'.repeat(n);
    it.each<[string, Record<string, unknown>, string]>([
      ['a blank externalId', { externalId: '  ' }, 'items.1.externalId'],
      ['an externalId over 200 characters', { externalId: long(201) }, 'items.1.externalId'],
      ['an empty pageExternalId', { pageExternalId: '' }, 'items.1.pageExternalId'],
      ['a blank threadId', { threadId: ' ' }, 'items.1.threadId'],
      ['an empty authorId', { authorId: '' }, 'items.1.authorId'],
      ['an authorId over 200 characters', { authorId: long(201) }, 'items.1.authorId'],
      ['a parentExternalId over 200 characters', { kind: 'REPLY', parentExternalId: long(201) }, 'items.1.parentExternalId'],
      ['an authorName over 200 characters', { authorName: long(201) }, 'items.1.authorName'],
      ['a text over 20,000 characters', { text: long(20_001) }, 'items.1.text'],
      ['a language over 35 characters', { language: long(36) }, 'items.1.language'],
    ])('%s (the second of three items) names the field', async (_label, overrides, field) => {
      const before = await everything();
      const result = await run('PLATFORM', [item(PAGE.FR), item(PAGE.FR, overrides), item(PAGE.FR)]);
      await refused(result, 'BAD_USER_INPUT', before);
      expect(result.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field })]);
    });

    it.each<[string, Record<string, unknown>]>([
      ['an unknown kind', { kind: 'LIKE' }],
      ['an occurredAt that is not a date', { occurredAt: 'yesterday' }],
      ['a missing text', { text: undefined }],
      ['a null authorId', { authorId: null }],
    ])('%s is refused by the schema, nothing stored', async (_label, overrides) => {
      const before = await everything();
      const bad = Object.fromEntries(Object.entries(item(PAGE.FR, overrides)).filter(([, value]) => value !== undefined));
      await refused(await run('PLATFORM', [item(PAGE.FR), bad]), 'BAD_USER_INPUT', before);
    });

    it('an empty list of items', async () => {
      const before = await everything();
      const result = await run('PLATFORM', []);
      await refused(result, 'BAD_USER_INPUT', before);
      expect(result.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'items' })]);
    });

    it('a blank network', async () => {
      const before = await everything();
      const result = await run('PLATFORM', [item(PAGE.FR)], '   ');
      await refused(result, 'BAD_USER_INPUT', before);
      expect(result.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'network' })]);
    });

    it('1,001 items is too many; 1,000 is fine', async () => {
      const many = (n: number) => Array.from({ length: n }, (_, i) => item(PAGE.FR, { text: '', threadId: `bulk-${i % 20}` }));
      const before = await everything();
      await refused(await run('PLATFORM', many(1001)), 'BAD_USER_INPUT', before);
      const ok = await run('PLATFORM', many(1000));
      expect(ok.errors).toBeUndefined();
      expect(ok.data?.importInboundItems).toMatchObject({ stored: 1000, duplicates: 0 });
      expect(ok.data?.importInboundItems.conversations).toHaveLength(20);
      expect((await tables.counts()).items).toBe(before.items + 1000);
    });

    it('validation comes before anything else: a bad field with an unknown page is BAD_USER_INPUT', async () => {
      const before = await everything();
      await refused(await run('FR_MODERATOR', [item('fb-nobody', { externalId: '' })]), 'BAD_USER_INPUT', before);
    });
  });

  describe('scope: every page of the batch must be one the caller may import for', () => {
    it("FR's manager imports for FR and a page under it: stored, grouped, with IMPORT as the source", async () => {
      const a = item(PAGE.FR, { threadId: 'fr-scope' });
      const b = item(PAGE.FR, { threadId: 'fr-scope', occurredAt: '2026-06-01T11:00:00.000Z', kind: 'REPLY', parentExternalId: a.externalId });
      const c = item(PAGE.frConsumer);
      const result = await run('FR_MANAGER', [a, b, c]);
      expect(result.errors).toBeUndefined();
      const { stored, duplicates, conversations } = result.data!.importInboundItems;
      expect({ stored, duplicates }).toEqual({ stored: 3, duplicates: 0 });
      expect(conversations).toHaveLength(2);
      const fr = conversations.find((conv: { pageId: string }) => conv.pageId === w.id.FR);
      expect(fr).toMatchObject({ threadId: 'fr-scope', authorId: 'imp-author', authorName: 'Imp Author', itemCount: 2, state: 'OPEN' });
      expect([fr.firstItemAt, fr.lastItemAt]).toEqual(['2026-06-01T10:00:00.000Z', '2026-06-01T11:00:00.000Z']);
      expect((await tables.item(b.externalId))[0]).toMatchObject({ source: 'IMPORT', kind: 'REPLY', parent_external_id: a.externalId, status: 'RECEIVED' });
    });

    it.each<[string, Who, string[], string, string?]>([
      ["FR's manager, for ES", 'FR_MANAGER', [PAGE.ES], 'NOT_FOUND'],
      ["FR's manager, for FR and ES in one batch", 'FR_MANAGER', [PAGE.FR, PAGE.ES], 'NOT_FOUND'],
      ["FR's manager, for the global page it reads but does not manage", 'FR_MANAGER', [PAGE.G], 'FORBIDDEN'],
      ["FR's manager, for a page nobody knows", 'FR_MANAGER', ['fb-nobody-knows'], 'NOT_FOUND'],
      ["ES's manager, for FR", 'ES_MANAGER', [PAGE.FR], 'NOT_FOUND'],
      ["FR's publisher, for FR (sees it, may not import)", 'FR_PUBLISHER', [PAGE.FR], 'FORBIDDEN'],
      ["FR's moderator, for FR", 'FR_MODERATOR', [PAGE.FR], 'FORBIDDEN'],
      ["FR's moderator, for ES", 'FR_MODERATOR', [PAGE.ES], 'NOT_FOUND'],
      ['the EMEA analyst, for FR', 'ANALYST', [PAGE.FR], 'FORBIDDEN'],
      ['the brand admin, for a page nobody knows', 'ADMIN', ['fb-nobody-knows'], 'NOT_FOUND'],
      ['the platform admin, on a network no page is on', 'PLATFORM', [PAGE.FR], 'NOT_FOUND', 'instagram'],
    ])('%s (%s, %j) → %s, nothing stored', async (_label, who, pages, code, network = 'facebook') => {
      const before = await everything();
      await refused(await run(who, pages.map((page) => item(page)), network), code, before);
    });

    it.each<[Who, string]>([
      ['ADMIN', PAGE.ES],
      ['PLATFORM', PAGE.US],
      ['ES_MANAGER', PAGE.ES],
    ])('%s imports for %s', async (who, page) => {
      const result = await run(who, [item(page)]);
      expect(result.errors).toBeUndefined();
      expect(result.data?.importInboundItems.stored).toBe(1);
    });

    it('needs a signed-in caller', async () => {
      const before = await everything();
      expect(errorCode(await gql(w.app, IMPORT, { input: { network: 'facebook', items: [item(PAGE.FR)] } }))).toBe('UNAUTHENTICATED');
      expect(await everything()).toEqual(before);
    });
  });

  describe('audit and idempotency', () => {
    const entriesOf = async (pageId: string) =>
      (await tables.db.query(`SELECT actor_id, subject_type, brand_id, scope_ids::text[] AS scope_ids, changes, xmin::text AS xmin FROM audit_entries
         WHERE action = 'inbound.import' AND subject_id = $1 ORDER BY seq`, [pageId])).rows;
    const xminOf = async (externalId: string) => (await tables.db.query('SELECT xmin::text AS x FROM inbound_items WHERE external_id = $1', [externalId])).rows[0].x;

    it('writes one audit entry per page of the batch, with its counts, in the transaction that stored the items', async () => {
      const [frBefore, consumerBefore] = [(await entriesOf(w.id.FR)).length, (await entriesOf(w.id.frConsumer)).length];
      const items = [item(PAGE.FR), item(PAGE.FR), item(PAGE.frConsumer)];
      expect((await run('FR_MANAGER', items)).errors).toBeUndefined();
      const fr = (await entriesOf(w.id.FR)).slice(frBefore);
      const consumer = (await entriesOf(w.id.frConsumer)).slice(consumerBefore);
      expect(fr).toHaveLength(1);
      expect(consumer).toHaveLength(1);
      expect(fr[0]).toMatchObject({ actor_id: w.userId.FR_MANAGER, subject_type: 'Page', brand_id: w.brandId });
      expect(fr[0].scope_ids).toContain(w.id.FR);
      expect(fr[0].changes).toMatchObject({ stored: { after: 2 }, duplicates: { after: 0 }, network: { after: 'facebook' } });
      expect(consumer[0].changes).toMatchObject({ stored: { after: 1 } });
      expect(fr[0].xmin).toBe(await xminOf(items[0].externalId));
      expect(consumer[0].xmin).toBe(await xminOf(items[2].externalId));
    });

    it('importing the same items again stores nothing, counts duplicates, and audits that', async () => {
      const items = [item(PAGE.ES, { threadId: 'again' }), item(PAGE.ES, { threadId: 'again' })];
      const first = (await run('ES_MANAGER', items)).data!.importInboundItems;
      const again = (await run('ES_MANAGER', items)).data!.importInboundItems;
      expect([first.stored, first.duplicates, again.stored, again.duplicates]).toEqual([2, 0, 0, 2]);
      expect(again.conversations.map((c: { id: string; itemCount: number }) => [c.id, c.itemCount])).toEqual([[first.conversations[0].id, 2]]);
      expect((await entriesOf(w.id.ES)).at(-1).changes).toMatchObject({ stored: { after: 0 }, duplicates: { after: 2 } });
    });

    it('an item imported then delivered by the webhook is one row (one key per network and external id, whatever the source)', async () => {
      const imported = item(PAGE.DE, { threadId: 'both-ways', authorId: 'both' });
      expect((await run('ADMIN', [imported])).data?.importInboundItems.stored).toBe(1);
      const res = await postSigned(w.app, delivery([{ page: PAGE.DE, id: imported.externalId, post: 'both-ways', author: 'both' }]));
      expect(res.body).toMatchObject({ stored: 0, duplicates: 1 });
      expect(await tables.item(imported.externalId)).toHaveLength(1);
      expect((await tables.conversationOf(imported.externalId)).item_count).toBe(1);
    });

    it('the network is matched case- and space-insensitively (" Facebook " is facebook)', async () => {
      const one = item(PAGE.FR);
      const result = await run('PLATFORM', [one], ' Facebook ');
      expect(result.data?.importInboundItems.stored).toBe(1);
      expect((await tables.item(one.externalId))[0].network).toBe('facebook');
    });
  });
});
