import { as, must, type Who } from '../access/access-world';
import { errorCode } from '../support/graphql';
import { startTestApp } from '../support/test-app';
import { WEBHOOK_ENV } from './inbound-fixture';
import { loadQueueWorld, newQueue, seedConversations, type QueueWorld } from './queue-world';

const OVERVIEW = `query($brandId: ID!, $market: ID, $first: Int, $after: String) {
  queueOverview(brandId: $brandId, marketPageId: $market, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { queueId queueName scopePageId marketPageId marketName waiting oldestWaitingAt slaAtRisk slaBreached
      counts { open assigned waitingCustomer snoozed escalated resolved } } }
  }
}`;

/** Open around the clock, so that "at risk" does not depend on when the test runs. */
const ALWAYS_OPEN = {
  timeZone: 'Europe/Paris',
  days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((day) => ({ day, intervals: [{ start: '00:00', end: '24:00' }] })),
  holidays: [],
};

describe('queueOverview', () => {
  let w: QueueWorld;

  const overview = async (who: Who, variables: Record<string, unknown> = {}) =>
    must(await as(w, who, OVERVIEW, { brandId: w.brandId, first: 100, ...variables })).queueOverview;
  const rowOf = async (who: Who, queueId: string) => (await overview(who)).edges.map((edge: any) => edge.node).find((node: any) => node.queueId === queueId);

  beforeAll(async () => {
    w = await loadQueueWorld(await startTestApp({ ...WEBHOOK_ENV, REPLY_SWEEP_INTERVAL_MS: '3600000' }));
  });
  afterAll(async () => {
    await w?.db.end();
    await w?.app.close();
  });

  it('counts a queue’s conversations by state, the oldest waiting, and SLA at risk and breached (60 min budget: at risk in its last 12)', async () => {
    const queueId = await newQueue(w, w.id.FR, { businessHours: ALWAYS_OPEN });
    const [youngest, b, c, d, e, f, g, oldest] = await seedConversations(w, 8, queueId);
    const set = (id: string, sql: string) => w.db.query(`UPDATE conversations SET ${sql} WHERE id = $1`, [id]);
    await set(oldest, `state = 'ASSIGNED', assignee_id = '${w.userId.FR_MODERATOR}', lease_expires_at = now() + interval '5 minutes'`);
    await set(g, `state = 'RESOLVED'`);
    await set(f, `state = 'WAITING_CUSTOMER'`);
    await set(e, `state = 'SNOOZED', snoozed_until = now() + interval '1 hour'`);
    await set(youngest, `response_due_at = now() + interval '5 minutes'`); // at risk
    await set(b, `response_due_at = now() + interval '50 minutes'`); // fine
    await set(c, `response_due_at = now() - interval '1 minute', routed_at = now() - interval '2 hours'`); // due already, not yet swept
    await set(d, `response_due_at = now() - interval '1 hour', sla_breached_at = now(), state = 'ESCALATED'`); // marked by the sweep
    const { rows } = await w.db.query(`SELECT first_item_at FROM conversations WHERE id = $1`, [c]);

    const row = await rowOf('FR_MODERATOR', queueId);
    expect(row.counts).toEqual({ open: 3, assigned: 1, waitingCustomer: 1, snoozed: 1, escalated: 1, resolved: 1 });
    expect(row.waiting).toBe(4);
    // Waiting: b, c (open), d (escalated), youngest (open); d is the oldest of them.
    const { rows: dRows } = await w.db.query(`SELECT first_item_at FROM conversations WHERE id = $1`, [d]);
    expect(new Date(row.oldestWaitingAt).getTime()).toBe(dRows[0].first_item_at.getTime());
    expect(dRows[0].first_item_at.getTime()).toBeLessThan(rows[0].first_item_at.getTime());
    expect([row.slaAtRisk, row.slaBreached]).toEqual([1, 2]);
    expect([row.marketPageId, row.marketName]).toEqual([w.id.FR, expect.any(String)]);
  });

  it("shows FR's moderator FR's queues only; the brand admin every queue, each with its market", async () => {
    const fr = (await overview('FR_MODERATOR')).edges.map((edge: any) => edge.node);
    expect(fr.map((node: any) => node.queueId)).toContain(w.queue.FR);
    expect(fr.every((node: any) => node.marketPageId === w.id.FR)).toBe(true);
    const all = (await overview('ADMIN')).edges.map((edge: any) => edge.node);
    expect(all.map((node: any) => node.queueId)).toEqual(expect.arrayContaining([w.queue.G, w.queue.FR, w.queue.ES, w.queue.DE]));
    expect(all.find((node: any) => node.queueId === w.queue.G).marketPageId).toBeNull();
    expect(all.find((node: any) => node.queueId === w.queue.ES).marketPageId).toBe(w.id.ES);
  });

  it('narrows to a market with marketPageId, and pages by name', async () => {
    const es = (await overview('ADMIN', { market: w.id.ES })).edges.map((edge: any) => edge.node);
    expect(es.length).toBeGreaterThan(0);
    expect(es.every((node: any) => node.marketPageId === w.id.ES)).toBe(true);
    const first = await overview('ADMIN', { first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = await overview('ADMIN', { first: 2, after: first.pageInfo.endCursor });
    const names = [...first.edges, ...next.edges].map((edge: any) => edge.node.queueName);
    expect(names).toEqual([...names].sort());
    expect(next.totalCount).toBe(first.totalCount);
  });

  it('refuses a malformed brandId with BAD_USER_INPUT, and shows a user without the role nothing', async () => {
    expect(errorCode(await as(w, 'ADMIN', OVERVIEW, { brandId: 'nope' }))).toBe('BAD_USER_INPUT');
    expect((await overview('FR_PUBLISHER')).edges).toEqual([]);
  });

  it('costs the same statements for 1 queue as for all of them, and few', async () => {
    for (let i = 0; i < 5; i++) await seedConversations(w, 20, await newQueue(w, w.id.FR));
    const statements = async (first: number) => {
      await overview('ADMIN', { first });
      const before = w.app.queries();
      const result = await overview('ADMIN', { first });
      return { statements: w.app.queries() - before, rows: result.edges.length };
    };
    const small = await statements(1);
    const large = await statements(100);
    expect(large.rows).toBeGreaterThan(5);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(4);
  });
});
