import type { Client } from 'graphql-ws';
import { as, must } from '../access/access-world';
import { FR_MODERATOR, login } from '../support/graphql';
import { collect, listening, until, wsClient } from '../support/graphql-ws';
import { createTestDatabase, startTestApp, type TestApp } from '../support/test-app';
import { ClaimService } from '../../src/reply-queue/conversations/claim.service';
import { WEBHOOK_ENV } from './inbound-fixture';
import { loadQueueWorld, newQueue, seedConversations, setMember, type QueueWorld } from './queue-world';

const CLAIMS = `subscription($q: ID) { conversationClaimChanged(queueId: $q) { conversationId holderId conversation { id state assigneeId queueId } } }`;
const CLAIM = `mutation($q: ID!) { claimNext(queueId: $q) { id } }`;

/** The admin's lists follow claims from the change alone: it carries the conversation as it now is. */
describe('conversationClaimChanged carries the conversation', () => {
  let db: { url: string; drop: () => Promise<void> };
  let app: TestApp;
  let w: QueueWorld;
  let client: Client | null = null;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(WEBHOOK_ENV, db);
    w = await loadQueueWorld(app);
  });
  afterAll(async () => {
    void client?.dispose();
    await w?.db.end();
    await app?.close();
    await db?.drop();
  });

  it('a claim delivers the conversation ASSIGNED to its holder, and a lapsed lease released by the sweep delivers it OPEN with nobody', async () => {
    const queueId = await newQueue(w, w.id.FR);
    await setMember(w, queueId, w.userId.FR_MODERATOR);
    const [conversationId] = await seedConversations(w, 1, queueId);
    const claims = collect(wsClient(app, await login(app, FR_MODERATOR)), CLAIMS, { q: queueId });
    client = claims.client;
    await listening(app, 'conversation.claimChanged');

    must(await as(w, 'FR_MODERATOR', CLAIM, { q: queueId }));
    await until(() => claims.received.length >= 1);
    expect(claims.received[0].data!.conversationClaimChanged).toEqual({
      conversationId,
      holderId: w.userId.FR_MODERATOR,
      conversation: { id: conversationId, state: 'ASSIGNED', assigneeId: w.userId.FR_MODERATOR, queueId },
    });

    await w.db.query(`UPDATE conversations SET lease_expires_at = now() - interval '1 second' WHERE id = $1`, [conversationId]);
    await app.app.get(ClaimService).releaseLapsed();
    await until(() => claims.received.length >= 2);
    expect(claims.received[1].data!.conversationClaimChanged).toEqual({
      conversationId,
      holderId: null,
      conversation: { id: conversationId, state: 'OPEN', assigneeId: null, queueId },
    });
  });
});
