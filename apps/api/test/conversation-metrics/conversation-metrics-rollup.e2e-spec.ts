import type { Client } from 'pg';
import { as, must, type World } from '../access/access-world';
import { errorCode } from '../support/graphql';
import type { TestApp } from '../support/test-app';
import { ConversationMetricsJob } from '../../src/conversation-metrics/conversation-metrics.job';
import { ConversationMetricsService } from '../../src/conversation-metrics/conversation-metrics.service';
import { conversation, event, item, metricOf, parisQueue, rollupOf, routeTo, startMetricsWorld, type MetricsFixture } from './metrics-fixture';

const RECOMPUTE = `mutation($input: RecomputeConversationMetricsDayInput!) { recomputeConversationMetricsDay(input: $input) { brandId day rows } }`;
const DAYS = ['2026-03-06', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-28', '2026-03-30', '2026-10-23', '2026-10-26'];

/**
 * One FR queue in Paris office hours (Mon–Fri 09:00–18:00, 60 min first response, 30 min next):
 * A: Friday 17:30 → answered Monday 09:30, across the weekend, then resolved.
 * B: answered in 20 min by the moderator it is assigned to, resolved, reopened by the customer and
 *    answered again by the manager after 45 min (a next-response breach), resolved by the manager.
 * C: Saturday 28 March → Monday 30 March 09:30 CEST, across the spring change.
 * D: Friday 23 October 17:50 CEST → Monday 26 October 09:10 CET, across the autumn change.
 * E: written on 10 March, never answered: the backlog.
 * F: answered in queue 1, escalated to queue 2, answered again there (11 March).
 * The job adds them in two runs with a day rebuild in between; then every day is rebuilt from raw.
 */
describe('conversation metric rollups (job, day rebuild, rollup = raw)', () => {
  let t: TestApp;
  let w: World;
  let db: Client;
  let f: MetricsFixture;
  let queueId: string;
  let queue2: string;
  let moderator: string;
  let manager: string;
  let incremental: Record<string, string>;
  const runJob = () => t.app.get(ConversationMetricsService).runOnce();

  beforeAll(async () => {
    ({ t, w, f } = await startMetricsWorld());
    db = f.db;
    queueId = await parisQueue(f);
    moderator = w.userId.FR_MODERATOR;
    manager = w.userId.FR_MANAGER;
    await runJob(); // whatever the seed left, before the fixture

    // First run: A, the first episode of B, C.
    const a = await conversation(f, { author: 'a-weekend', firstAt: '2026-03-06T16:30:00Z', queueId, state: 'RESOLVED' });
    await event(f, a, 'route', '2026-03-06T16:30:05Z', null, routeTo(queueId));
    await event(f, a, 'reply', '2026-03-09T08:30:00Z', moderator);
    await event(f, a, 'resolve', '2026-03-09T08:40:00Z', moderator);
    const b = await conversation(f, { author: 'b-reopen', firstAt: '2026-03-10T09:00:00Z', queueId, state: 'RESOLVED', assigneeId: moderator });
    await event(f, b, 'route', '2026-03-10T09:00:05Z', null, routeTo(queueId));
    await event(f, b, 'reply', '2026-03-10T09:20:00Z', moderator);
    await event(f, b, 'resolve', '2026-03-10T09:30:00Z', moderator);
    const c = await conversation(f, { author: 'c-march', firstAt: '2026-03-28T11:00:00Z', queueId });
    await event(f, c, 'route', '2026-03-28T11:00:05Z', null, routeTo(queueId));
    await event(f, c, 'reply', '2026-03-30T07:30:00Z', moderator);
    queue2 = await parisQueue(f);
    const fEsc = await conversation(f, { author: 'f-escalated', firstAt: '2026-03-11T09:00:00Z', queueId: queue2 });
    await event(f, fEsc, 'route', '2026-03-11T09:00:05Z', null, routeTo(queueId));
    await event(f, fEsc, 'reply', '2026-03-11T09:10:00Z', moderator);
    await item(f, fEsc, 'f-escalated', '2026-03-11T09:30:00Z');
    await event(f, fEsc, 'escalate', '2026-03-11T09:35:00Z', moderator, { queueId: { before: queueId, after: queue2 } });
    await event(f, fEsc, 'reply', '2026-03-11T09:50:00Z', manager);
    expect((await runJob()).events).toBe(11);

    // Second run: B reopened, D, E; 10 March rebuilt before the job sees them.
    await item(f, b, 'b-reopen', '2026-03-10T13:00:00Z');
    await event(f, b, 'reopen', '2026-03-10T13:00:05Z');
    await event(f, b, 'reply', '2026-03-10T13:45:00Z', manager);
    await event(f, b, 'resolve', '2026-03-10T14:00:00Z', manager);
    const d = await conversation(f, { author: 'd-october', firstAt: '2026-10-23T15:50:00Z', queueId });
    await event(f, d, 'route', '2026-10-23T15:50:05Z', null, routeTo(queueId));
    await event(f, d, 'reply', '2026-10-26T08:10:00Z', moderator);
    const e = await conversation(f, { author: 'e-open', firstAt: '2026-03-10T15:00:00Z', queueId });
    await event(f, e, 'route', '2026-03-10T15:00:05Z', null, routeTo(queueId));
    must(await as(w, 'ADMIN', RECOMPUTE, { input: { brandId: w.brandId, day: '2026-03-10' } }));
    expect((await runJob()).events).toBe(2); // D's route and reply: 10 March's were added by the rebuild
    incremental = await rollupOf(f, DAYS);
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('adds each event once: a rerun of the job adds nothing', async () => {
    expect(await runJob()).toMatchObject({ events: 0, items: 0 });
    expect(await rollupOf(f, DAYS)).toEqual(incremental);
  });

  it('rollup = raw: the job’s rows equal every day rebuilt from the raw rows', async () => {
    for (const day of DAYS) must(await as(w, 'ADMIN', RECOMPUTE, { input: { day } }));
    expect(await rollupOf(f, DAYS)).toEqual(incremental);
    expect(Object.keys(incremental).length).toBeGreaterThan(40);
  });

  it('rollup = raw: items, distinct authors, opened, reopened and resolved equal counts over the raw rows', async () => {
    for (const day of DAYS) {
      const { rows: [raw] } = await db.query(
        `SELECT (SELECT count(*)::int FROM inbound_items WHERE page_id = $1 AND (occurred_at AT TIME ZONE 'UTC')::date = $2) AS items,
                (SELECT count(DISTINCT author_id)::int FROM inbound_items WHERE page_id = $1 AND (occurred_at AT TIME ZONE 'UTC')::date = $2) AS authors,
                (SELECT count(*) FILTER (WHERE action = 'conversation.route')::int AS opened FROM audit_entries a JOIN conversations c ON c.id = a.subject_id
                  WHERE c.page_id = $1 AND (a.occurred_at AT TIME ZONE 'UTC')::date = $2) AS opened,
                (SELECT count(*)::int FROM audit_entries a JOIN conversations c ON c.id = a.subject_id
                  WHERE a.action = 'conversation.reopen' AND c.page_id = $1 AND (a.occurred_at AT TIME ZONE 'UTC')::date = $2) AS reopened,
                (SELECT count(*)::int FROM audit_entries a JOIN conversations c ON c.id = a.subject_id
                  WHERE a.action = 'conversation.resolve' AND c.page_id = $1 AND (a.occurred_at AT TIME ZONE 'UTC')::date = $2) AS resolved`,
        [f.pageId, day],
      );
      const rollup = async (metric: string) => (await metricOf(f, day, metric))?.count ?? 0;
      expect({ day, items: await rollup('items_received'), authors: await rollup('authors'), opened: await rollup('opened'), reopened: await rollup('reopened'), resolved: await rollup('resolved') })
        .toEqual({ day, ...raw });
    }
    expect(await metricOf(f, '2026-03-10', 'authors')).toMatchObject({ count: 2 });
    expect(await metricOf(f, '2026-03-10', 'items_received')).toMatchObject({ count: 3 });
  });

  it('does not inflate first response time with a reopened conversation: its second reply is a next response', async () => {
    expect(await metricOf(f, '2026-03-10', 'first_response')).toMatchObject({ count: 1, sumMs: 1_200_000, businessSumMs: 1_200_000 });
    expect(await metricOf(f, '2026-03-10', 'next_response')).toMatchObject({ count: 1, sumMs: 2_700_000 });
    expect(await metricOf(f, '2026-03-10', 'answered')).toMatchObject({ count: 1 });
    expect(await metricOf(f, '2026-03-10', 'reopened')).toMatchObject({ count: 1 });
    // Resolution: 30 min for the first episode, 60 min from the reopening message for the second.
    expect(await metricOf(f, '2026-03-10', 'resolution')).toMatchObject({ count: 2, sumMs: 5_400_000 });
  });

  it('credits a reply to who sent it, not to the assignee', async () => {
    expect(await metricOf(f, '2026-03-10', 'next_response', queueId, manager)).toMatchObject({ count: 1, sumMs: 2_700_000 });
    expect(await metricOf(f, '2026-03-10', 'next_response', queueId, moderator)).toBeNull();
    expect(await metricOf(f, '2026-03-10', 'replies', queueId, manager)).toMatchObject({ count: 1 });
    expect(await metricOf(f, '2026-03-10', 'replies', queueId, moderator)).toMatchObject({ count: 1 });
    expect(await metricOf(f, '2026-03-10', 'sla_breached', queueId, manager)).toMatchObject({ count: 1 });
    expect(await metricOf(f, '2026-03-10', 'sla_met', queueId, moderator)).toMatchObject({ count: 1 });
  });

  it('counts a reply for the queue that had the conversation then: before and after an escalation', async () => {
    expect(await metricOf(f, '2026-03-11', 'first_response', queueId, moderator)).toMatchObject({ count: 1, sumMs: 600_000 });
    expect(await metricOf(f, '2026-03-11', 'first_response', queue2)).toBeNull();
    expect(await metricOf(f, '2026-03-11', 'next_response', queue2, manager)).toMatchObject({ count: 1, sumMs: 1_200_000 });
    expect(await metricOf(f, '2026-03-11', 'next_response', queueId)).toBeNull();
    expect(await metricOf(f, '2026-03-11', 'backlog', queue2)).toMatchObject({ count: 1 });
  });

  it('counts business hours across a weekend: Friday 17:30 → Monday 09:30 is 60 business minutes, SLA met', async () => {
    expect(await metricOf(f, '2026-03-09', 'first_response', queueId)).toMatchObject({ count: 1, sumMs: 64 * 3_600_000, businessCount: 1, businessSumMs: 3_600_000 });
    expect(await metricOf(f, '2026-03-09', 'sla_met', queueId)).toMatchObject({ count: 1 });
  });

  it('counts business hours across the Paris DST changes (last Sunday of March and of October)', async () => {
    // Monday 30 March 09:30 CEST is 07:30Z: 30 business minutes (not 0, as a fixed +01:00 would say).
    expect(await metricOf(f, '2026-03-30', 'first_response')).toMatchObject({ sumMs: 44.5 * 3_600_000, businessSumMs: 1_800_000 });
    // Friday 17:50 CEST → Monday 09:10 CET: 10 + 10 business minutes.
    expect(await metricOf(f, '2026-10-26', 'first_response')).toMatchObject({ sumMs: (64 * 60 + 20) * 60_000, businessSumMs: 1_200_000 });
  });

  it('keeps the backlog at the end of each day, for the page and for the queue', async () => {
    expect(await metricOf(f, '2026-03-06', 'backlog')).toMatchObject({ count: 1 });
    expect(await metricOf(f, '2026-03-09', 'backlog')).toBeNull();
    expect(await metricOf(f, '2026-03-10', 'backlog')).toMatchObject({ count: 1 });
    expect(await metricOf(f, '2026-03-10', 'backlog', queueId)).toMatchObject({ count: 1 });
    // C, F, and E still waiting since 10 March: written after the job first counted that day.
    expect(await metricOf(f, '2026-03-30', 'backlog')).toMatchObject({ count: 3 });
  });

  it('runs as a pg-boss job: a tick queues it, works it and completes it', async () => {
    await item(f, (await db.query(`SELECT id FROM conversations WHERE author_id = 'e-open'`)).rows[0].id, 'e-open', '2026-03-10T16:00:00Z');
    await t.app.get(ConversationMetricsJob).tick();
    expect(await metricOf(f, '2026-03-10', 'items_received')).toMatchObject({ count: 4 });
    const { rows } = await db.query(`SELECT state FROM pgboss.job WHERE name = 'conversation-metrics'`);
    expect(rows.map((row) => row.state)).toEqual(['completed']);
  });

  it.each([
    ['a day that does not exist', { day: '2026-02-30' }, 'BAD_USER_INPUT'],
    ['a day in another format', { day: '10/03/2026' }, 'BAD_USER_INPUT'],
    ['a day in the future', { day: '2999-01-01' }, 'BAD_USER_INPUT'],
    ['a malformed brand id', { brandId: 'northwind', day: '2026-03-10' }, 'BAD_USER_INPUT'],
    ['an unknown brand', { brandId: '00000000-0000-4000-8000-000000000000', day: '2026-03-10' }, 'NOT_FOUND'],
  ])('refuses %s (%s)', async (_label, input, code) => {
    expect(errorCode(await as(w, 'ADMIN', RECOMPUTE, { input }))).toBe(code);
  });

  it.each(['FR_MANAGER', 'FR_MODERATOR', 'ANALYST'] as const)('lets only brand admins rebuild a day: %s is FORBIDDEN, nothing changes', async (who) => {
    const before = await rollupOf(f, ['2026-03-10']);
    expect(errorCode(await as(w, who, RECOMPUTE, { input: { brandId: w.brandId, day: '2026-03-10' } }))).toBe('FORBIDDEN');
    expect(await rollupOf(f, ['2026-03-10'])).toEqual(before);
  });
});
