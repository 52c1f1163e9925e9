import type { Client } from 'graphql-ws';
import { as, must } from '../access/access-world';
import { ES_MANAGER, FR_MODERATOR, login } from '../support/graphql';
import { collect, listening, released, strayWindow, until, wsClient, type SubscriptionMessage } from '../support/graphql-ws';
import { createTestDatabase, startTestApp, type TestApp } from '../support/test-app';
import { SlaBreachService } from '../../src/reply-queue/routing/sla-breach.service';
import { PAGE, WEBHOOK_ENV } from './inbound-fixture';
import { importItem, loadQueueWorld, newQueue, routed, seedConversations, setMember, type QueueWorld } from './queue-world';

const COUNTS = `subscription($q: ID) { queueCountsChanged(queueId: $q) { queueId marketPageId waiting counts { open assigned resolved } } }`;
const CLAIMS = `subscription($q: ID) { conversationClaimChanged(queueId: $q) { conversationId queueId holderId leaseExpiresAt } }`;
const CLAIM = `mutation($q: ID!) { claimNext(queueId: $q) { id } }`;
const RESOLVE = `mutation($id: ID!) { resolveConversation(conversationId: $id) { id } }`;

type Message = SubscriptionMessage;

const subscribe = (app: TestApp, token: string, query: string, variables: Record<string, unknown> = {}) => collect(wsClient(app, token), query, variables);

describe('queueCountsChanged and conversationClaimChanged (graphql-ws across instances)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let a: TestApp;
  let b: TestApp;
  let w: QueueWorld;
  const clients: Client[] = [];
  const open = async (who: string, query: string, variables: Record<string, unknown> = {}) => {
    const sub = subscribe(a, await login(a, who), query, variables);
    clients.push(sub.client);
    return sub;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    // Subscribers on a, every write on b: events cross through LISTEN/NOTIFY.
    a = await startTestApp(WEBHOOK_ENV, db);
    b = await startTestApp(WEBHOOK_ENV, db);
    w = await loadQueueWorld(b);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) void client.dispose();
    // So the next test's `listening` counts its own subscriptions only.
    await released(a);
  });
  afterAll(async () => {
    await w?.db.end();
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it("FR's moderator hears FR's queue row when a conversation enters it, and nothing of ES's; ES's manager the reverse", async () => {
    const fr = await open(FR_MODERATOR, COUNTS);
    const es = await open(ES_MANAGER, COUNTS);
    await listening(a, 'queue.countsChanged', 2);
    await routed(w, await importItem(w, { page: PAGE.ES }));
    await routed(w, await importItem(w, { page: PAGE.FR }));
    await until(() => fr.received.length >= 1 && es.received.length >= 1);
    // ES's stream may still be offered FR's row, which came later.
    await strayWindow();
    const queuesOf = (sub: { received: Message[] }) => [...new Set(sub.received.map((message) => message.data?.queueCountsChanged.queueId))];
    expect(queuesOf(fr)).toEqual([w.queue.FR]);
    expect(queuesOf(es)).toEqual([w.queue.ES]);
    expect(fr.received.at(-1)!.data!.queueCountsChanged).toMatchObject({ marketPageId: w.id.FR, counts: { open: expect.any(Number) } });
    expect(fr.received.at(-1)!.data!.queueCountsChanged.waiting).toBeGreaterThanOrEqual(1);
  });

  it('a claim and a resolve on another instance reach the claim stream (holder, then nobody) and the counts stream of that queue', async () => {
    const queueId = await newQueue(w, w.id.FR);
    await setMember(w, queueId, w.userId.FR_MODERATOR);
    const [conversationId] = await seedConversations(w, 1, queueId);
    const claims = await open(FR_MODERATOR, CLAIMS, { q: queueId });
    const counts = await open(FR_MODERATOR, COUNTS, { q: queueId });
    const esClaims = await open(ES_MANAGER, CLAIMS);
    await listening(a, 'conversation.claimChanged', 2);
    await listening(a, 'queue.countsChanged');
    must(await as(w, 'FR_MODERATOR', CLAIM, { q: queueId }));
    await until(() => claims.received.length >= 1 && counts.received.length >= 1);
    expect(claims.received[0].data!.conversationClaimChanged).toMatchObject({ conversationId, queueId, holderId: w.userId.FR_MODERATOR, leaseExpiresAt: expect.any(String) });
    expect(counts.received[0].data!.queueCountsChanged).toMatchObject({ queueId, waiting: 0, counts: { open: 0, assigned: 1 } });
    must(await as(w, 'FR_MODERATOR', RESOLVE, { id: conversationId }));
    await until(() => claims.received.length >= 2 && counts.received.length >= 2);
    expect(claims.received[1].data!.conversationClaimChanged).toMatchObject({ conversationId, holderId: null, leaseExpiresAt: null });
    expect(counts.received[1].data!.queueCountsChanged.counts).toMatchObject({ assigned: 0, resolved: 1 });
    await strayWindow();
    expect(esClaims.received).toEqual([]);
  });

  it('a breach escalated by the sweep on another instance moves the counts of the queue it lands in and drops the holder live', async () => {
    const target = await newQueue(w, w.id.FR);
    const queueId = await newQueue(w, w.id.FR, { breachEscalation: 'QUEUE', breachQueueId: target });
    const [conversationId] = await seedConversations(w, 1, queueId);
    await w.db.query(
      `UPDATE conversations SET state = 'ASSIGNED', assignee_id = $2, lease_expires_at = now() + interval '1 hour',
              routed_at = now() - interval '2 hours', response_due_at = now() - interval '1 minute' WHERE id = $1`,
      [conversationId, w.userId.FR_MODERATOR],
    );
    const counts = await open(FR_MODERATOR, COUNTS, { q: target });
    const claims = await open(FR_MODERATOR, CLAIMS, { q: target });
    await listening(a, 'queue.countsChanged');
    await listening(a, 'conversation.claimChanged');
    await b.app.get(SlaBreachService).detectBreaches();
    await until(() => counts.received.length >= 1 && claims.received.length >= 1);
    expect(counts.received[0].data!.queueCountsChanged).toMatchObject({ queueId: target, waiting: 1, counts: { open: 0 } });
    expect(claims.received[0].data!.conversationClaimChanged).toMatchObject({ conversationId, queueId: target, holderId: null });
  });

  it('a queueId narrows both streams to that queue; a malformed one is refused with BAD_USER_INPUT', async () => {
    const quiet = await newQueue(w, w.id.FR);
    const busy = await newQueue(w, w.id.FR);
    await setMember(w, busy, w.userId.FR_MODERATOR);
    await seedConversations(w, 1, busy);
    const claims = await open(FR_MODERATOR, CLAIMS, { q: quiet });
    const counts = await open(FR_MODERATOR, COUNTS, { q: quiet });
    await listening(a, 'queue.countsChanged');
    await listening(a, 'conversation.claimChanged');
    must(await as(w, 'FR_MODERATOR', CLAIM, { q: busy }));
    await strayWindow();
    expect([claims.received, counts.received]).toEqual([[], []]);
    const bad = await open(FR_MODERATOR, CLAIMS, { q: 'nope' });
    await bad.completed;
    expect(bad.received[0].errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
