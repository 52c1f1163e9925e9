import { as, must } from '../access/access-world';
import { startTestApp } from '../support/test-app';
import { PAGE, WEBHOOK_ENV } from './inbound-fixture';
import { CREATE_QUEUE, importItem, loadQueueWorld, queueInput, routed, type QueueWorld } from './queue-world';

describe('routing catches up when a default queue appears', () => {
  let w: QueueWorld;

  beforeAll(async () => {
    // A quick sweep: what a new default queue catches is routed by it.
    w = await loadQueueWorld(await startTestApp({ ...WEBHOOK_ENV, REPLY_SWEEP_INTERVAL_MS: '200' }));
    // No default queue above the US page: its items stay unrouted.
    await w.db.query(`UPDATE reply_queues SET is_default = false FROM pages p WHERE p.id = $1 AND reply_queues.scope_page_id = ANY(p.scope_ids)`, [w.id.US]);
  });
  afterAll(async () => {
    await w?.db.end();
    await w?.app.close();
  });

  const queueOf = async (id: string) => (await w.db.query(`SELECT queue_id FROM conversations WHERE id = $1`, [id])).rows[0].queue_id;

  it('a conversation left without a queue (no default then) goes to the default queue created later for its page', async () => {
    const id = await importItem(w, { page: PAGE.US, language: 'en', text: 'Hello' });
    await routed(w, id);
    expect(await queueOf(id)).toBeNull();
    const queueId = must(await as(w, 'PLATFORM', CREATE_QUEUE, { input: queueInput(w.id.US, { isDefault: true }) })).createReplyQueue.id;
    const end = Date.now() + 5_000;
    while ((await queueOf(id)) === null && Date.now() < end) await new Promise((wait) => setTimeout(wait, 50));
    expect(await queueOf(id)).toBe(queueId);
    const { rows } = await w.db.query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'conversation.route' AND subject_id = $1`, [id]);
    expect(rows[0].n).toBe(1);
  });

  it('a queue made default later catches them too; conversations of other pages stay as they are', async () => {
    const frRouted = await routed(w, await importItem(w, { page: PAGE.FR }));
    const id = await importItem(w, { page: PAGE.G, language: 'en', text: 'Hello' });
    await routed(w, id);
    expect(await queueOf(id)).toBeNull();
    must(await as(w, 'PLATFORM', `mutation($id: ID!) { updateReplyQueue(id: $id, input: { isDefault: true }) { id } }`, { id: w.queue.G }));
    const end = Date.now() + 5_000;
    while ((await queueOf(id)) === null && Date.now() < end) await new Promise((wait) => setTimeout(wait, 50));
    expect(await queueOf(id)).toBe(w.queue.G);
    expect(await queueOf(frRouted.id)).toBe(w.queue.FR);
  });
});
