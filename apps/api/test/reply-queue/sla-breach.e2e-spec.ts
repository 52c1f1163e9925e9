import { as, must } from '../access/access-world';
import { errorCode } from '../support/graphql';
import { createTestDatabase, startTestApp, type TestApp } from '../support/test-app';
import { SlaBreachService } from '../../src/reply-queue/routing/sla-breach.service';
import { uid, WEBHOOK_ENV } from './inbound-fixture';
import { importItem, loadQueueWorld, newQueue, queueInput, routed, CREATE_QUEUE, type QueueWorld } from './queue-world';

/**
 * The sweep is called with the instant to judge by: items are dated in the past (weeks of
 * Paris business hours, 09:00–18:00 Monday to Friday, 60 minutes to a first response), and the
 * timer sweep is pushed out of the way so that it does not judge them by today's clock first.
 */
const ENV = { ...WEBHOOK_ENV, REPLY_SWEEP_INTERVAL_MS: '3600000' };

describe('SLA breaches (the sweep, two instances on one database)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let a: TestApp;
  let b: TestApp;
  let w: QueueWorld;

  const sweepA = (at: string) => a.app.get(SlaBreachService).detectBreaches(new Date(at));
  const sweepB = (at: string) => b.app.get(SlaBreachService).detectBreaches(new Date(at));
  /** Routed, and dated as if routed when it arrived: the sweep leaves alone what was overdue when routed (back-fills). */
  const routedOnArrival = async (id: string) => {
    const routedRow = await routed(w, id);
    await w.db.query(`UPDATE conversations SET routed_at = first_item_at WHERE id = $1`, [id]);
    return routedRow;
  };
  const row = async (id: string) => (await w.db.query(`SELECT *, tags::text[] AS tags FROM conversations WHERE id = $1`, [id])).rows[0];
  const breachEntries = async (id: string) =>
    (await w.db.query(`SELECT actor_id, changes FROM audit_entries WHERE action = 'conversation.slaBreach' AND subject_id = $1`, [id])).rows;

  /** A queue of FR with `extra` policy and a rule routing a fresh keyword to it; answers both. */
  async function routedQueue(extra: Record<string, unknown> = {}) {
    const queueId = await newQueue(w, w.id.FR, extra);
    const keyword = uid('kw').replace(/-/g, '');
    must(await as(w, 'ADMIN', `mutation($input: CreateRoutingRuleInput!) { createRoutingRule(input: $input) { id } }`, {
      input: { name: keyword, scopePageId: w.id.FR, queueId, conditions: { keywords: [keyword] }, position: 0 },
    }));
    return { queueId, keyword };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await startTestApp(ENV, db);
    b = await startTestApp(ENV, db);
    w = await loadQueueWorld(a);
  });
  afterAll(async () => {
    await w?.db.end();
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('breaches a conversation left unanswered past its due time in business hours, once, raising its priority (the default policy)', async () => {
    const { keyword } = await routedQueue();
    // Tuesday 24 November 2026, 10:00 in Paris (UTC+1): due at 11:00.
    const id = await importItem(w, { text: `Bonjour ${keyword}`, at: new Date('2026-11-24T09:00:00Z') });
    expect((await routedOnArrival(id)).response_due_at.toISOString()).toBe('2026-11-24T10:00:00.000Z');
    expect(await sweepA('2026-11-24T09:59:00Z')).not.toContainEqual(expect.objectContaining({ id }));
    expect((await row(id)).sla_breached_at).toBeNull();

    expect(await sweepA('2026-11-24T10:00:30Z')).toContainEqual(expect.objectContaining({ id }));
    const breached = await row(id);
    expect(breached.sla_breached_at.toISOString()).toBe('2026-11-24T10:00:30.000Z');
    expect([breached.priority, breached.priority_rank, breached.state]).toEqual(['HIGH', 2, 'OPEN']);
    await sweepA('2026-11-24T12:00:00Z');
    const entries = await breachEntries(id);
    expect(entries).toHaveLength(1);
    expect(entries[0].actor_id).toBeNull();
    expect(entries[0].changes).toMatchObject({ kind: { after: 'first' }, escalation: { after: 'FLAG' }, priority: { before: 'NORMAL', after: 'HIGH' } });
  });

  it('does not breach over the weekend: a message on Friday evening in Paris is due on Monday morning', async () => {
    const { keyword } = await routedQueue();
    // Friday 27 November 2026, 19:00 in Paris: after closing. Due Monday 30 November, 10:00 Paris.
    const id = await importItem(w, { text: `Bonsoir ${keyword}`, at: new Date('2026-11-27T18:00:00Z') });
    expect((await routedOnArrival(id)).response_due_at.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    for (const saturday of ['2026-11-28T09:00:00Z', '2026-11-28T23:00:00Z', '2026-11-29T20:00:00Z', '2026-11-30T08:59:00Z']) await sweepA(saturday);
    expect((await row(id)).sla_breached_at).toBeNull();
    await sweepA('2026-11-30T09:01:00Z');
    expect((await row(id)).sla_breached_at).not.toBeNull();
  });

  it('escalates a breached conversation to the queue its policy names, dropping the holder', async () => {
    const target = await newQueue(w, w.id.FR);
    const { keyword } = await routedQueue({ breachEscalation: 'QUEUE', breachQueueId: target });
    const id = await importItem(w, { text: `Allô ${keyword}`, at: new Date('2026-11-25T09:00:00Z') });
    await routedOnArrival(id);
    await w.db.query(`UPDATE conversations SET state = 'ASSIGNED', assignee_id = $2, lease_expires_at = now() + interval '1 hour' WHERE id = $1`, [id, w.userId.FR_MODERATOR]);
    await sweepA('2026-11-25T10:05:00Z');
    const escalated = await row(id);
    expect([escalated.state, escalated.queue_id, escalated.assignee_id, escalated.lease_expires_at, escalated.priority]).toEqual(['ESCALATED', target, null, null, 'NORMAL']);
    expect((await breachEntries(id))[0].changes).toMatchObject({ escalation: { after: 'QUEUE' }, queueId: { after: target }, state: { before: 'ASSIGNED', after: 'ESCALATED' } });
  });

  it('escalates to the market manager when the policy says MANAGER', async () => {
    const { keyword } = await routedQueue({ breachEscalation: 'MANAGER' });
    const id = await importItem(w, { text: `Allô ${keyword}`, at: new Date('2026-11-25T09:00:00Z') });
    await routedOnArrival(id);
    await sweepA('2026-11-25T10:05:00Z');
    const escalated = await row(id);
    expect([escalated.state, escalated.escalated_to_manager]).toEqual(['ESCALATED', true]);
  });

  it('with two instances sweeping at once, writes exactly one breach entry per conversation', async () => {
    const { keyword } = await routedQueue();
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await importItem(w, { text: `Bonjour ${keyword}`, at: new Date('2026-11-26T09:00:00Z') }));
    for (const id of ids) await routedOnArrival(id);
    const at = '2026-11-26T10:30:00Z';
    const results = await Promise.all([sweepA(at), sweepB(at), sweepA(at), sweepB(at)]);
    const found = results.flat().map((breach) => breach.id).filter((id) => ids.includes(id));
    expect(found.sort()).toEqual([...ids].sort());
    const { rows } = await w.db.query(
      `SELECT count(*)::int AS n, count(DISTINCT subject_id)::int AS d FROM audit_entries WHERE action = 'conversation.slaBreach' AND subject_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(rows[0]).toEqual({ n: 20, d: 20 });
    expect((await w.db.query(`SELECT DISTINCT priority FROM conversations WHERE id = ANY($1::uuid[])`, [ids])).rows).toEqual([{ priority: 'HIGH' }]);
  });

  it('leaves alone a conversation already overdue when it was routed (a back-fill)', async () => {
    const { keyword } = await routedQueue();
    const id = await importItem(w, { text: `Bonjour ${keyword}`, at: new Date('2026-11-24T09:00:00Z') });
    await routed(w, id);
    await sweepA(new Date(Date.now() + 3600_000).toISOString());
    expect((await row(id)).sla_breached_at).toBeNull();
  });

  it('refuses a QUEUE escalation without a queue of the brand, and a queue given to another escalation, with BAD_USER_INPUT', async () => {
    const create = (extra: Record<string, unknown>) => as(w, 'PLATFORM', CREATE_QUEUE, { input: queueInput(w.id.FR, extra) });
    expect(errorCode(await create({ breachEscalation: 'QUEUE' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await create({ breachEscalation: 'QUEUE', breachQueueId: '00000000-0000-4000-8000-000000000000' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await create({ breachEscalation: 'FLAG', breachQueueId: w.queue.FR }))).toBe('BAD_USER_INPUT');
    const made = must(await create({ breachEscalation: 'QUEUE', breachQueueId: w.queue.FR }));
    expect(made.createReplyQueue.id).toBeDefined();
  });
});
