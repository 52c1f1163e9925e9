import { as, loadWorld, type World } from '../access/access-world';
import { errorCode, gql } from '../support/graphql';
import { startTestApp } from '../support/test-app';
import { delivery, InboundTables, PAGE, postSigned, uid, WEBHOOK_ENV } from './inbound-fixture';

/*
 * A signed delivery as the network sends it: every comment, reply and message of every entry
 * stored once, on its page, grouped into one conversation per (page, thread, author); items
 * for pages Pivot does not know kept aside and counted.
 */
describe('webhook deliveries: items stored and grouped into conversations', () => {
  let w: World;
  let tables: InboundTables;
  const T0 = 1_790_000_000; // seconds, as feed changes carry them
  const at = (seconds: number) => new Date((T0 + seconds) * 1000);

  beforeAll(async () => {
    w = await loadWorld(await startTestApp(WEBHOOK_ENV));
    tables = await InboundTables.open(w.app.databaseUrl);
  });
  afterAll(async () => {
    await tables?.close();
    await w?.app.close();
  });

  const scopeOf = async (pageExternalId: string): Promise<string[]> =>
    (await tables.db.query('SELECT scope_ids::text[] AS s FROM pages WHERE external_id = $1', [pageExternalId])).rows[0].s;

  describe('a batch of comments, replies and messages on known pages', () => {
    const post1 = uid('post');
    const post2 = uid('post');
    const ids = { c1: uid('c'), r1: uid('r'), c2: uid('c'), c3: uid('c'), es: uid('c'), m1: uid('m'), m2: uid('m'), mc: uid('m') };
    let response: { status: number; body: Record<string, number> };
    let before: Awaited<ReturnType<InboundTables['counts']>>;

    beforeAll(async () => {
      before = await tables.counts();
      const payload = delivery(
        [
          { page: PAGE.FR, id: ids.c1, post: post1, author: 'ana', name: 'Ana', time: T0 + 10, message: 'Bonjour' },
          { page: PAGE.FR, id: ids.r1, post: post1, author: 'ana', name: 'Ana B.', parent: ids.c1, time: T0 + 40, message: 'Encore moi' },
          { page: PAGE.FR, id: ids.c2, post: post1, author: 'bob', time: T0 + 20 },
          { page: PAGE.FR, id: ids.c3, post: post2, author: 'ana', time: T0 + 30 },
          // The same post id and author on another page: another conversation.
          { page: PAGE.ES, id: ids.es, post: post1, author: 'ana', time: T0 + 15 },
        ],
        [
          { page: PAGE.FR, mid: ids.m2, sender: 'ana', timestamp: (T0 + 90) * 1000, text: 'second' },
          { page: PAGE.FR, mid: ids.m1, sender: 'ana', timestamp: (T0 + 60) * 1000, text: 'first' },
          { page: PAGE.frConsumer, mid: ids.mc, sender: 'ana', timestamp: (T0 + 70) * 1000 },
        ],
      ) as { entry: { id: string; changes: unknown[]; messaging: unknown[] }[] };
      // What the network also sends and the ingest must skip: an edit, a reaction, an echo of the page's own message.
      const fr = payload.entry.find((entry) => entry.id === PAGE.FR)!;
      fr.changes.push({ field: 'feed', value: { item: 'comment', verb: 'edited', comment_id: ids.c1, post_id: post1, from: { id: 'ana' } } });
      fr.changes.push({ field: 'feed', value: { item: 'reaction', verb: 'add', post_id: post1, from: { id: 'bob' } } });
      fr.messaging.push({ sender: { id: PAGE.FR }, recipient: { id: 'ana' }, timestamp: T0 * 1000, message: { mid: uid('echo'), text: 'Merci', is_echo: true } });
      response = await postSigned(w.app, payload);
    });

    it('is acknowledged with 200 and the counts of what was stored and skipped', () => {
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ stored: 8, duplicates: 0, unmatched: 0, ignored: 3 });
    });

    it('stores each item once, with six new conversations and nothing aside', async () => {
      expect(await tables.counts()).toEqual({ items: before.items + 8, conversations: before.conversations + 6, unmatched: before.unmatched });
      for (const id of Object.values(ids)) expect(await tables.item(id)).toHaveLength(1);
    });

    it('stores comments, replies and messages with their kind, thread, parent, author, text and time', async () => {
      const row = async (id: string) => (await tables.item(id))[0];
      expect(await row(ids.c1)).toMatchObject({ kind: 'COMMENT', thread_id: post1, parent_external_id: null, author_id: 'ana', author_name: 'Ana', text: 'Bonjour', occurred_at: at(10) });
      expect(await row(ids.r1)).toMatchObject({ kind: 'REPLY', thread_id: post1, parent_external_id: ids.c1, author_id: 'ana', text: 'Encore moi', occurred_at: at(40) });
      expect(await row(ids.m1)).toMatchObject({ kind: 'MESSAGE', thread_id: 'messages:ana', parent_external_id: null, author_id: 'ana', text: 'first', occurred_at: at(60) });
      for (const id of Object.values(ids)) {
        const stored = await row(id);
        expect(stored).toMatchObject({ network: 'facebook', source: 'WEBHOOK' });
        // Routing (its own tests) moves RECEIVED items to ROUTED moments after the delivery is acknowledged.
        expect(['RECEIVED', 'ROUTED']).toContain(stored.status);
      }
    });

    it("puts each item on its page, with the page's brand and scope", async () => {
      for (const [id, page] of [
        [ids.c1, PAGE.FR],
        [ids.es, PAGE.ES],
        [ids.mc, PAGE.frConsumer],
      ]) {
        const item = (await tables.item(id))[0];
        expect(item.page_external_id).toBe(page);
        expect(item.brand_id).toBe(w.brandId);
        expect(item.scope_ids).toEqual(await scopeOf(page));
      }
      expect(await scopeOf(PAGE.frConsumer)).toEqual(expect.arrayContaining([w.id.G, w.id.EMEA, w.id.FR, w.id.frConsumer]));
    });

    it('groups per (page, thread, author): a reply joins its author\'s comments on the post, another author or page or post is another conversation', async () => {
      const conversation = (id: string) => tables.conversationOf(id);
      const ana1 = await conversation(ids.c1);
      expect((await conversation(ids.r1)).id).toBe(ana1.id);
      const distinct: string[] = [];
      for (const id of [ids.c2, ids.c3, ids.es, ids.m1, ids.mc]) distinct.push((await conversation(id)).id);
      expect(new Set([ana1.id, ...distinct]).size).toBe(6);
      expect((await conversation(ids.m2)).id).toBe((await conversation(ids.m1)).id);
    });

    it('gives each conversation its item count, first and last times, the latest author name, OPEN', async () => {
      const fields = async (id: string) => {
        const c = await tables.conversationOf(id);
        return { count: c.item_count, first: c.first_item_at, last: c.last_item_at, page: c.page_id, thread: c.thread_id, author: c.author_id, name: c.author_name };
      };
      const fr = await tables.pageId(PAGE.FR);
      expect(await fields(ids.c1)).toEqual({ count: 2, first: at(10), last: at(40), page: fr, thread: post1, author: 'ana', name: 'Ana B.' });
      expect(await fields(ids.c2)).toMatchObject({ count: 1, first: at(20), last: at(20), author: 'bob' });
      expect(await fields(ids.m1)).toEqual({ count: 2, first: at(60), last: at(90), page: fr, thread: 'messages:ana', author: 'ana', name: null });
      expect(await fields(ids.mc)).toMatchObject({ count: 1, page: await tables.pageId(PAGE.frConsumer) });
      const ana1 = await tables.conversationOf(ids.c1);
      // Routing (its own tests) may already have given it a queue: that is not the ingest's concern.
      expect(ana1).toMatchObject({ state: 'OPEN', network: 'facebook', brand_id: w.brandId });
      expect(ana1.scope_ids).toEqual(await scopeOf(PAGE.FR));
    });

    it('a later delivery adds to the conversation: count up, an older item moves first_item_at back, a newer one last_item_at on', async () => {
      const older = uid('c');
      const newer = uid('c');
      const res = await postSigned(w.app, delivery([
        { page: PAGE.FR, id: older, post: post1, author: 'ana', name: 'Ana', time: T0 + 1 },
        { page: PAGE.FR, id: newer, post: post1, author: 'ana', time: T0 + 500 },
      ]));
      expect(res.body).toEqual({ stored: 2, duplicates: 0, unmatched: 0, ignored: 0 });
      const c = await tables.conversationOf(ids.c1);
      expect({ count: c.item_count, first: c.first_item_at, last: c.last_item_at }).toEqual({ count: 4, first: at(1), last: at(500) });
      expect((await tables.conversationOf(older)).id).toBe(c.id);
    });

    it('the stored conversations are readable through the conversations query, counts included', async () => {
      const query = 'query($f: ConversationFilterInput) { conversations(filter: $f) { edges { node { id itemCount threadId authorId } } } }';
      const result = await as(w, 'PLATFORM', query, { f: { pageId: w.id.FR } });
      const ana1 = await tables.conversationOf(ids.c1);
      expect(result.data?.conversations.edges.map((e: { node: unknown }) => e.node)).toContainEqual({ id: ana1.id, itemCount: 4, threadId: post1, authorId: 'ana' });
    });
  });

  describe('odd events and late ones', () => {
    it('a redelivered or late old item does not bring back the name the author had before', async () => {
      const [c1, c2, c3] = [uid('c'), uid('c'), uid('c')];
      const post = uid('post');
      const comment = (id: string, name: string, time: number) => ({ page: PAGE.FR, id, post, author: 'renamer', name, time: T0 + time });
      await postSigned(w.app, delivery([comment(c1, 'Old Name', 10)]));
      await postSigned(w.app, delivery([comment(c2, 'New Name', 20)]));
      expect((await tables.conversationOf(c2)).author_name).toBe('New Name');
      // The first comment again (a retry), then one written before the rename that arrives late.
      expect((await postSigned(w.app, delivery([comment(c1, 'Old Name', 10)]))).body).toMatchObject({ stored: 0, duplicates: 1 });
      expect((await postSigned(w.app, delivery([comment(c3, 'Old Name', 5)]))).body).toMatchObject({ stored: 1 });
      const c = await tables.conversationOf(c1);
      expect({ name: c.author_name, count: c.item_count, first: c.first_item_at, last: c.last_item_at }).toEqual({ name: 'New Name', count: 3, first: at(5), last: at(20) });
    });

    it('an event with an id too long to store is skipped and counted; a long author name is cut, the comment kept; the rest of the batch is stored', async () => {
      const [good, longName, longId, longPost, longPage] = [uid('c'), uid('c'), `${uid('c')}-${'9'.repeat(200)}`, uid('c'), uid('c')];
      const before = await tables.counts();
      const res = await postSigned(w.app, delivery([
        { page: PAGE.FR, id: good, post: uid('post'), author: 'odd' },
        { page: PAGE.FR, id: longName, post: uid('post'), author: 'odd', name: 'N'.repeat(300) },
        { page: PAGE.FR, id: longId, post: uid('post'), author: 'odd' },
        { page: PAGE.FR, id: longPost, post: `p-${'1'.repeat(250)}`, author: 'odd' },
        { page: `fb-${'x'.repeat(250)}`, id: longPage, post: uid('post'), author: 'odd' },
      ]));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ stored: 2, duplicates: 0, unmatched: 0, ignored: 3 });
      expect((await tables.counts()).items).toBe(before.items + 2);
      expect((await tables.item(longName))[0].author_name).toBe('N'.repeat(200));
      expect(await tables.item(longId)).toEqual([]);
    });
  });

  describe('items for pages Pivot does not know', () => {
    const COUNT = 'query($n: String) { unmatchedInboundCount(network: $n) }';
    const count = async (network?: string) => (await as(w, 'PLATFORM', COUNT, network ? { n: network } : {})).data?.unmatchedInboundCount as number;

    it('are kept aside, not stored as items, counted in the response and by unmatchedInboundCount', async () => {
      const [known, lost1, lost2] = [uid('c'), uid('c'), uid('m')];
      const [beforeCount, before] = [await count(), await tables.counts()];
      const res = await postSigned(w.app, delivery(
        [
          { page: PAGE.DE, id: known, post: uid('post'), author: 'dan' },
          { page: 'fb-not-ours', id: lost1, post: uid('post'), author: 'dan' },
        ],
        [{ page: 'fb-also-not-ours', mid: lost2, sender: 'dan' }],
      ));
      expect(res.body).toEqual({ stored: 1, duplicates: 0, unmatched: 2, ignored: 0 });
      expect(await tables.counts()).toEqual({ items: before.items + 1, conversations: before.conversations + 1, unmatched: before.unmatched + 2 });
      expect(await tables.item(lost1)).toEqual([]);
      const { rows } = await tables.db.query('SELECT page_external_id, item FROM unmatched_inbound_items WHERE external_id = $1', [lost1]);
      expect(rows).toEqual([{ page_external_id: 'fb-not-ours', item: expect.objectContaining({ externalId: lost1, kind: 'COMMENT', authorId: 'dan' }) }]);
      expect(await count()).toBe(beforeCount + 2);
      expect(await count('facebook')).toBe(beforeCount + 2);
      expect(await count('instagram')).toBe(0);
    });

    it('are kept aside once however often they are redelivered', async () => {
      const payload = delivery([{ page: 'fb-still-not-ours', id: uid('c'), post: uid('post'), author: 'eve' }]);
      expect((await postSigned(w.app, payload)).body.unmatched).toBe(1);
      const after = await tables.counts();
      await Promise.all([1, 2, 3].map(() => postSigned(w.app, payload)));
      expect(await tables.counts()).toEqual(after);
    });

    it('an id the active page holds goes to it, not to the archived page that held it before', async () => {
      const [archived] = (await tables.db.query(`SELECT external_id FROM pages WHERE status = 'ARCHIVED' AND external_id IS NOT NULL LIMIT 1`)).rows;
      const us = await tables.pageId(PAGE.US);
      await tables.db.query('UPDATE pages SET external_id = $1 WHERE id = $2', [archived.external_id, us]);
      try {
        const id = uid('c');
        const res = await postSigned(w.app, delivery([{ page: archived.external_id, id, post: uid('post'), author: 'gus' }]));
        expect(res.body).toMatchObject({ stored: 1, unmatched: 0 });
        expect((await tables.db.query('SELECT page_id FROM inbound_items WHERE external_id = $1', [id])).rows).toEqual([{ page_id: us }]);
      } finally {
        await tables.db.query('UPDATE pages SET external_id = $1 WHERE id = $2', [PAGE.US, us]);
      }
    });

    it('an id only archived pages claim, two of them, is ambiguous: its items are kept aside, not put on either page', async () => {
      const claimed = 'fb-claimed-twice';
      const ids = [await tables.pageId(PAGE.US), await tables.pageId(PAGE.DE)];
      const { rows } = await tables.db.query('SELECT id, external_id, status FROM pages WHERE id = ANY($1)', [ids]);
      await tables.db.query(`UPDATE pages SET external_id = $1, status = 'ARCHIVED' WHERE id = ANY($2)`, [claimed, ids]);
      try {
        const id = uid('c');
        const res = await postSigned(w.app, delivery([{ page: claimed, id, post: uid('post'), author: 'gus' }]));
        expect(res.body).toMatchObject({ stored: 0, unmatched: 1 });
        expect(await tables.item(id)).toEqual([]);
        expect((await tables.db.query('SELECT page_external_id FROM unmatched_inbound_items WHERE external_id = $1', [id])).rows).toEqual([{ page_external_id: claimed }]);
      } finally {
        for (const row of rows) await tables.db.query('UPDATE pages SET external_id = $1, status = $2 WHERE id = $3', [row.external_id, row.status, row.id]);
      }
    });

    it('a page archived in Pivot still receives its items: it is known, not lost', async () => {
      const id = uid('c');
      const { rows } = await tables.db.query(`SELECT external_id FROM pages WHERE status = 'ARCHIVED' AND external_id IS NOT NULL LIMIT 1`);
      expect(rows).toHaveLength(1);
      const res = await postSigned(w.app, delivery([{ page: rows[0].external_id, id, post: uid('post'), author: 'fay' }]));
      expect(res.body).toMatchObject({ stored: 1, unmatched: 0 });
    });

    it.each([
      ['PLATFORM', 'OK'],
      ['ADMIN', 'FORBIDDEN'],
      ['FR_MANAGER', 'FORBIDDEN'],
      ['ES_MANAGER', 'FORBIDDEN'],
      ['FR_PUBLISHER', 'FORBIDDEN'],
      ['FR_MODERATOR', 'FORBIDDEN'],
      ['ANALYST', 'FORBIDDEN'],
    ] as const)('unmatchedInboundCount: %s → %s (the items belong to no brand: a brand admin sees no other brand\'s)', async (who, outcome) => {
      const result = await as(w, who, COUNT);
      if (outcome === 'OK') expect(result.data?.unmatchedInboundCount).toBe(await count());
      else expect({ code: errorCode(result), data: result.data?.unmatchedInboundCount ?? null }).toEqual({ code: outcome, data: null });
    });

    it('unmatchedInboundCount needs a signed-in caller', async () => {
      expect(errorCode(await gql(w.app, COUNT))).toBe('UNAUTHENTICATED');
    });
  });
});
