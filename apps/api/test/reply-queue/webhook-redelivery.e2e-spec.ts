import { Client } from 'pg';
import { startTestApp, type TestApp } from '../support/test-app';
import { delivery, InboundTables, PAGE, post, sign, uid, WEBHOOK_ENV, type CommentSpec, type MessageSpec } from './inbound-fixture';

/*
 * Networks redeliver: after a timeout, on a retry schedule, sometimes several copies at once
 * and to different API instances. Each item must be stored once per (network, external id)
 * and each conversation's item_count must count stored rows, never deliveries.
 */
describe('webhook redelivery: one row per item however often and however concurrently it arrives', () => {
  let app: TestApp;
  /** A second API instance on the same database, as behind a load balancer. */
  let other: TestApp;
  let tables: InboundTables;

  beforeAll(async () => {
    app = await startTestApp(WEBHOOK_ENV);
    other = await startTestApp(WEBHOOK_ENV, { url: app.databaseUrl });
    tables = await InboundTables.open(app.databaseUrl);
  });
  afterAll(async () => {
    await tables?.close();
    await other?.close();
    await app?.close();
  });

  /** `comments` comments over a few posts and authors on FR and ES, and `messages` messages on FR. */
  function batch(comments: number, messages = 0): { body: string; ids: string[] } {
    const posts = [uid('post'), uid('post'), uid('post')];
    const cs: CommentSpec[] = Array.from({ length: comments }, (_, i) => ({
      page: i % 4 === 3 ? PAGE.ES : PAGE.FR,
      id: uid('rc'),
      post: posts[i % 3],
      author: `author-${i % 5}`,
      time: 1_790_000_000 + i,
    }));
    const ms: MessageSpec[] = Array.from({ length: messages }, (_, i) => ({ page: PAGE.FR, mid: uid('rm'), sender: `sender-${i % 3}`, timestamp: 1_790_000_000_000 + i }));
    return { body: JSON.stringify(delivery(cs, ms)), ids: [...cs.map((c) => c.id), ...ms.map((m) => m.mid)] };
  }

  /** Rows per external id among `ids`: 1 for each, or the test fails naming the culprit. */
  async function rowsPerId(ids: string[]): Promise<Record<string, number>> {
    const { rows } = await tables.db.query(`SELECT external_id, count(*)::int AS n FROM inbound_items WHERE external_id = ANY($1) GROUP BY external_id`, [ids]);
    return Object.fromEntries(rows.map((row: { external_id: string; n: number }) => [row.external_id, row.n]));
  }

  /** Conversations whose item_count or first/last times disagree with their stored items. */
  async function inconsistentConversations(): Promise<unknown[]> {
    const { rows } = await tables.db.query(`
      SELECT c.id, c.item_count, count(i.id)::int AS items
        FROM conversations c LEFT JOIN inbound_items i ON i.conversation_id = c.id
       GROUP BY c.id
      HAVING c.item_count <> count(i.id) OR c.first_item_at <> min(i.occurred_at) OR c.last_item_at <> max(i.occurred_at)`);
    return rows;
  }

  const once = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, 1]));

  it('the same delivery posted 5× at once (Promise.all) stores each item exactly once', async () => {
    const { body, ids } = batch(40, 10);
    const before = await tables.counts();
    const responses = await Promise.all(Array.from({ length: 5 }, () => post(app, body, sign(body))));
    expect(responses.map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await rowsPerId(ids)).toEqual(once(ids));
    expect((await tables.counts()).items).toBe(before.items + 50);
    // One delivery stored the lot; the four others found every item there already.
    const stored = responses.map((res) => res.body.stored).sort((a, b) => a - b);
    expect(stored).toEqual([0, 0, 0, 0, 50]);
    expect(responses.map((res) => res.body.duplicates).sort((a, b) => a - b)).toEqual([0, 50, 50, 50, 50]);
  });

  it('5 concurrent copies do not inflate item_count: each conversation counts its rows once', async () => {
    const { body, ids } = batch(30);
    const before = await tables.counts();
    await Promise.all(Array.from({ length: 5 }, () => post(app, body, sign(body))));
    // 30 comments over 3 posts × 5 authors × 2 pages, as batch() spreads them.
    const { rows } = await tables.db.query(
      `SELECT c.id, c.item_count FROM conversations c WHERE c.id IN (SELECT conversation_id FROM inbound_items WHERE external_id = ANY($1))`,
      [ids],
    );
    expect(rows.reduce((sum: number, row: { item_count: number }) => sum + row.item_count, 0)).toBe(30);
    expect((await tables.counts()).conversations - before.conversations).toBe(rows.length);
    expect(await inconsistentConversations()).toEqual([]);
  });

  it('5 copies spread over two API instances on one database still give one row per item', async () => {
    const { body, ids } = batch(40, 5);
    const responses = await Promise.all([app, other, app, other, app].map((instance) => post(instance, body, sign(body))));
    expect(responses.every((res) => res.status === 200)).toBe(true);
    expect(responses.reduce((sum, res) => sum + res.body.stored, 0)).toBe(45);
    expect(await rowsPerId(ids)).toEqual(once(ids));
    expect(await inconsistentConversations()).toEqual([]);
  });

  it('overlapping deliveries racing each other (shared items, shared conversations) neither deadlock nor double-store', async () => {
    const all = batch(60, 12);
    const parsed = JSON.parse(all.body) as { entry: { id: string; changes: unknown[]; messaging: unknown[] }[] };
    // Three overlapping slices of the same 72 items, each sent twice at once.
    const slice = (from: number, to: number) =>
      JSON.stringify({ ...parsed, entry: parsed.entry.map((entry) => ({ ...entry, changes: entry.changes.slice(from, to), messaging: entry.messaging.slice(from / 5, to / 5) })) });
    const bodies = [slice(0, 30), slice(15, 45), slice(30, 60), slice(0, 60)];
    const responses = await Promise.all([...bodies, ...bodies].map((body) => post(other, body, sign(body))));
    expect(responses.map((res) => res.status)).toEqual(Array(8).fill(200));
    expect(await rowsPerId(all.ids)).toEqual(once(all.ids));
    expect(await inconsistentConversations()).toEqual([]);
  });

  it('a sequential redelivery stores nothing, counts every item as a duplicate and leaves the conversations as they were', async () => {
    const { body, ids } = batch(12, 3);
    expect((await post(app, body, sign(body))).body).toEqual({ stored: 15, duplicates: 0, unmatched: 0, ignored: 0 });
    const snapshot = async () =>
      (await tables.db.query(`SELECT id, item_count, first_item_at, last_item_at FROM conversations WHERE id IN (SELECT conversation_id FROM inbound_items WHERE external_id = ANY($1)) ORDER BY id`, [ids])).rows;
    const [before, counts] = [await snapshot(), await tables.counts()];
    for (let i = 0; i < 3; i++) {
      expect((await post(app, body, sign(body))).body).toEqual({ stored: 0, duplicates: 15, unmatched: 0, ignored: 0 });
    }
    expect(await tables.counts()).toEqual(counts);
    expect(await snapshot()).toEqual(before);
  });

  it('a redelivery is acknowledged while its conversations are locked (as the router holds them): it touches none', async () => {
    const { body, ids } = batch(6, 2);
    expect((await post(app, body, sign(body))).body.stored).toBe(8);
    const locker = new Client({ connectionString: app.databaseUrl });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query(`SELECT id FROM conversations WHERE id IN (SELECT conversation_id FROM inbound_items WHERE external_id = ANY($1)) FOR UPDATE`, [ids]);
      // The timer is cleared once the answer is in: left running it kept the jest worker alive 5 s.
      let timer: NodeJS.Timeout | undefined;
      const blocked = new Promise((resolve) => (timer = setTimeout(() => resolve('blocked'), 5_000)));
      const answer = await Promise.race([post(app, body, sign(body)).then((res) => res.body), blocked]).finally(() => clearTimeout(timer));
      expect(answer).toEqual({ stored: 0, duplicates: 8, unmatched: 0, ignored: 0 });
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
  });

  it('a redelivery carrying old items and new ones stores only the new ones and counts the rest as duplicates', async () => {
    const first = batch(10);
    await post(app, first.body, sign(first.body));
    const second = batch(5);
    const merged = JSON.parse(first.body);
    const extra = JSON.parse(second.body);
    for (const entry of extra.entry) {
      const same = merged.entry.find((e: { id: string }) => e.id === entry.id);
      if (same) same.changes.push(...entry.changes);
      else merged.entry.push(entry);
    }
    const body = JSON.stringify(merged);
    expect((await post(app, body, sign(body))).body).toEqual({ stored: 5, duplicates: 10, unmatched: 0, ignored: 0 });
    expect(await rowsPerId([...first.ids, ...second.ids])).toEqual(once([...first.ids, ...second.ids]));
    expect(await inconsistentConversations()).toEqual([]);
  });

  it('a batch that repeats an item within itself stores it once (duplicates counts items stored before, not repeats)', async () => {
    const id = uid('twice');
    const comment = { page: PAGE.FR, id, post: uid('post'), author: 'twice' };
    const body = JSON.stringify(delivery([comment, comment]));
    expect((await post(app, body, sign(body))).body).toEqual({ stored: 1, duplicates: 0, unmatched: 0, ignored: 0 });
    expect(await rowsPerId([id])).toEqual({ [id]: 1 });
    expect((await tables.conversationOf(id)).item_count).toBe(1);
  });
});
