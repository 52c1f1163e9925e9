import { as, must } from '../access/access-world';
import { errorCode, gql } from '../support/graphql';
import { startTestApp } from '../support/test-app';
import { RoutingDispatcher } from '../../src/reply-queue/routing/routing-dispatcher';
import { PAGE, uid, WEBHOOK_ENV } from './inbound-fixture';
import { CONVERSATION, importItem, loadQueueWorld, moreModerators, newQueue, routed, seedConversations, setMember, type Moderator, type QueueWorld } from './queue-world';

const CLAIM = `mutation($q: ID!) { claimNext(queueId: $q) { ${CONVERSATION} } }`;
const REPLY = `mutation($input: ReplyToConversationInput!) { replyToConversation(input: $input) { ${CONVERSATION} } }`;
const RENEW = `mutation($id: ID!) { renewLease(conversationId: $id) { id leaseExpiresAt } }`;
const NOTE = `mutation($id: ID!, $text: String!) { addConversationNote(conversationId: $id, text: $text) { id authorId text } }`;
const ESCALATE = `mutation($input: EscalateConversationInput!) { escalateConversation(input: $input) { ${CONVERSATION} } }`;
const SNOOZE = `mutation($id: ID!, $until: DateTime!) { snoozeConversation(conversationId: $id, until: $until) { ${CONVERSATION} snoozedUntil } }`;
const RESOLVE = `mutation($id: ID!) { resolveConversation(conversationId: $id) { ${CONVERSATION} } }`;
const CANNED = `mutation($input: CreateCannedResponseInput!) { createCannedResponse(input: $input) { id } }`;
const NOTES = `query($id: ID!, $first: Int) { conversationNotes(conversationId: $id, first: $first) { totalCount pageInfo { hasNextPage } edges { node { text authorId } } } }`;
const ITEMS = `query($id: ID!) { conversationItems(conversationId: $id) { totalCount edges { node { kind text occurredAt } } } }`;
const QUEUES = `query { replyQueues(first: 200) { totalCount edges { node { id scopePageId } } } }`;

describe('claiming and working conversations', () => {
  let w: QueueWorld;
  let other: Moderator;

  /** A queue of FR that the FR moderator (and `other`) work, and a rule that routes a fresh keyword to it. */
  async function workedQueue(extra: Record<string, unknown> = {}, capacity = 10, languages: string[] = []) {
    const queueId = await newQueue(w, w.id.FR, extra);
    await setMember(w, queueId, w.userId.FR_MODERATOR, capacity, languages);
    await setMember(w, queueId, other.id, capacity);
    const keyword = uid('kw').replace(/-/g, '');
    must(await as(w, 'ADMIN', `mutation($input: CreateRoutingRuleInput!) { createRoutingRule(input: $input) { id } }`, {
      input: { name: keyword, scopePageId: w.id.FR, queueId, conditions: { keywords: [keyword] }, position: 0 },
    }));
    return { queueId, keyword };
  }
  const byOther = (query: string, variables: Record<string, unknown>) => gql(w.app, query, variables, other.token);
  const ago = (id: string) => w.db.query(`UPDATE conversations SET lease_expires_at = now() - interval '1 second' WHERE id = $1`, [id]);

  beforeAll(async () => {
    w = await loadQueueWorld(await startTestApp(WEBHOOK_ENV));
    [other] = await moreModerators(w, 1, w.queue.FR, 10);
  });
  afterAll(async () => {
    await w?.db.end();
    await w?.app.close();
  });

  it('hands out the highest priority first, then the oldest', async () => {
    const queueId = await newQueue(w, w.id.FR);
    await setMember(w, queueId, w.userId.FR_MODERATOR);
    const [old, young, urgent] = await seedConversations(w, 3, queueId);
    await w.db.query(`UPDATE conversations SET priority = 'URGENT', priority_rank = 3 WHERE id = $1`, [urgent]);
    const order = [];
    for (let i = 0; i < 4; i++) order.push(must(await as(w, 'FR_MODERATOR', CLAIM, { q: queueId })).claimNext?.id ?? null);
    // seedConversations makes the first row the youngest.
    expect(order).toEqual([urgent, young, old, null]);
  });

  it('keeps priority then age across open and lapsed conversations while a lease has lapsed (before the sweep)', async () => {
    const queueId = await newQueue(w, w.id.FR);
    await setMember(w, queueId, w.userId.FR_MODERATOR);
    await setMember(w, queueId, other.id);
    const [young, old, urgent] = await seedConversations(w, 3, queueId);
    await w.db.query(`UPDATE conversations SET priority = 'URGENT', priority_rank = 3 WHERE id = $1`, [urgent]);
    // The oldest, held by someone whose lease lapsed: claimable, but after the urgent one.
    await w.db.query(`UPDATE conversations SET state = 'ASSIGNED', assignee_id = $2, lease_expires_at = now() - interval '1 second' WHERE id = $1`, [old, other.id]);
    const order = [];
    for (let i = 0; i < 4; i++) order.push(must(await as(w, 'FR_MODERATOR', CLAIM, { q: queueId })).claimNext?.id ?? null);
    expect(order).toEqual([urgent, old, young, null]);
    const audit = await w.db.query(`SELECT actor_id, changes FROM audit_entries WHERE action = 'conversation.claim' AND subject_id = $1`, [old]);
    const held = await w.db.query(`SELECT lease_expires_at FROM conversations WHERE id = $1`, [old]);
    expect(audit.rows).toEqual([{
      actor_id: w.userId.FR_MODERATOR,
      changes: {
        queueId: { before: null, after: queueId },
        assigneeId: { before: null, after: w.userId.FR_MODERATOR },
        leaseExpiresAt: { before: null, after: held.rows[0].lease_expires_at.toISOString() },
      },
    }]);
  });

  it('claims in a fixed number of statements: the queue with the member lock, then one for count, claim, audit and events', async () => {
    const queueId = await newQueue(w, w.id.FR);
    await setMember(w, queueId, w.userId.FR_MODERATOR);
    await seedConversations(w, 2, queueId);
    must(await as(w, 'FR_MODERATOR', CLAIM, { q: queueId })); // the caller's ability is warm for the measured call too
    const before = w.app.queries();
    must(await as(w, 'FR_MODERATOR', CLAIM, { q: queueId }));
    // Sign-in check and roles, BEGIN, the two statements, COMMIT.
    expect(w.app.queries() - before).toBeLessThanOrEqual(6);
  });

  it('respects the member’s capacity: CONFLICT once full, claimable again after a resolve', async () => {
    const queueId = await newQueue(w, w.id.FR);
    await setMember(w, queueId, w.userId.FR_MODERATOR, 2);
    await seedConversations(w, 3, queueId);
    const first = must(await as(w, 'FR_MODERATOR', CLAIM, { q: queueId })).claimNext;
    must(await as(w, 'FR_MODERATOR', CLAIM, { q: queueId }));
    expect(errorCode(await as(w, 'FR_MODERATOR', CLAIM, { q: queueId }))).toBe('CONFLICT');
    must(await as(w, 'FR_MODERATOR', RESOLVE, { id: first.id }));
    expect(must(await as(w, 'FR_MODERATOR', CLAIM, { q: queueId })).claimNext).not.toBeNull();
  });

  it('gives a member only conversations in their languages (or of unknown language)', async () => {
    const queueId = await newQueue(w, w.id.FR);
    await setMember(w, queueId, w.userId.FR_MODERATOR, 10, ['de']);
    const [fr, deAt, unknown] = await seedConversations(w, 3, queueId);
    await w.db.query(`UPDATE conversations SET language = CASE id WHEN $1 THEN 'fr' WHEN $2 THEN 'de-AT' END WHERE id IN ($1, $2)`, [fr, deAt]);
    const claimed = [];
    for (let i = 0; i < 3; i++) claimed.push(must(await as(w, 'FR_MODERATOR', CLAIM, { q: queueId })).claimNext?.id ?? null);
    expect(claimed.slice(0, 2).sort()).toEqual([deAt, unknown].sort());
    expect(claimed[2]).toBeNull();
  });

  it('lets only the holder reply while the lease holds; others get FORBIDDEN and see who holds it', async () => {
    const { queueId, keyword } = await workedQueue();
    const id = await importItem(w, { text: `bonjour ${keyword}` });
    await routed(w, id);
    const claimed = must(await as(w, 'FR_MODERATOR', CLAIM, { q: queueId })).claimNext;
    expect({ id: claimed.id, state: claimed.state, holder: claimed.assigneeId }).toEqual({ id, state: 'ASSIGNED', holder: w.userId.FR_MODERATOR });
    const refused = await byOther(REPLY, { input: { conversationId: id, text: 'Moi aussi' } });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].extensions!.leaseHolder).toEqual({ id: w.userId.FR_MODERATOR, displayName: 'Margot Moderator' });
    expect(errorCode(await byOther(RENEW, { id }))).toBe('FORBIDDEN');
    expect(errorCode(await byOther(RESOLVE, { id }))).toBe('FORBIDDEN');
    expect(await w.db.query(`SELECT 1 FROM sandbox_deliveries WHERE subject_id = $1`, [id])).toMatchObject({ rowCount: 0 });

    const canned = must(await as(w, 'FR_MANAGER', CANNED, {
      input: {
        scopePageId: w.id.FR,
        name: uid('merci'),
        variants: [
          { language: 'en', body: 'Hi {{author.firstName}}, thanks for writing to {{page.name}}. {{moderator.firstName}}' },
          { language: 'fr', body: 'Bonjour {{author.firstName}}, merci d’avoir écrit à {{page.name}}. {{moderator.firstName}}' },
        ],
      },
    })).createCannedResponse;
    const replied = must(await as(w, 'FR_MODERATOR', REPLY, { input: { conversationId: id, cannedResponseId: canned.id } })).replyToConversation;
    expect(replied).toMatchObject({ state: 'WAITING_CUSTOMER', assigneeId: w.userId.FR_MODERATOR, responseDueAt: null });
    expect(replied.firstRespondedAt).not.toBeNull();
    const { rows } = await w.db.query(`SELECT method, path, body, page_external_id FROM sandbox_deliveries WHERE subject_id = $1`, [id]);
    const item = await w.db.query(`SELECT external_id FROM inbound_items WHERE conversation_id = $1`, [id]);
    const page = await w.db.query(`SELECT name FROM pages WHERE id = $1`, [w.id.FR]);
    expect(rows).toEqual([
      {
        method: 'POST',
        path: `/${item.rows[0].external_id}/comments`,
        body: { message: `Bonjour Camille, merci d’avoir écrit à ${page.rows[0].name}. Margot` },
        page_external_id: PAGE.FR,
      },
    ]);
    const audit = await w.db.query(`SELECT actor_id FROM audit_entries WHERE action = 'conversation.reply' AND subject_id = $1`, [id]);
    expect(audit.rows).toEqual([{ actor_id: w.userId.FR_MODERATOR }]);
    // A second reply before the customer answers is not a transition the state machine allows.
    expect(errorCode(await as(w, 'FR_MODERATOR', REPLY, { input: { conversationId: id, text: 'Encore' } }))).toBe('CONFLICT');
    expect(errorCode(await as(w, 'FR_MODERATOR', REPLY, { input: { conversationId: id } }))).toBe('BAD_USER_INPUT');
  });

  it('makes a lapsed lease claimable by someone else, and the former holder may no longer reply', async () => {
    const queueId = await newQueue(w, w.id.FR);
    await setMember(w, queueId, w.userId.FR_MODERATOR);
    await setMember(w, queueId, other.id);
    const [id] = await seedConversations(w, 1, queueId);
    must(await as(w, 'FR_MODERATOR', CLAIM, { q: queueId }));
    expect((await byOther(CLAIM, { q: queueId })).data?.claimNext).toBeNull();
    await ago(id);
    const taken = must(await byOther(CLAIM, { q: queueId })).claimNext;
    expect({ id: taken.id, holder: taken.assigneeId }).toEqual({ id, holder: other.id });
    const refused = await as(w, 'FR_MODERATOR', REPLY, { input: { conversationId: id, text: 'Je reviens' } });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect((refused.errors![0].extensions!.leaseHolder as { id: string }).id).toBe(other.id);
    const renewed = must(await byOther(RENEW, { id })).renewLease;
    expect(new Date(renewed.leaseExpiresAt).getTime()).toBeGreaterThan(Date.now() + 200_000);
  });

  it('returns lapsed leases to the queue when the sweep runs, audited', async () => {
    const queueId = await newQueue(w, w.id.FR);
    await setMember(w, queueId, w.userId.FR_MODERATOR);
    const [id] = await seedConversations(w, 1, queueId);
    must(await as(w, 'FR_MODERATOR', CLAIM, { q: queueId }));
    await ago(id);
    await w.app.app.get(RoutingDispatcher).sweep();
    const { rows } = await w.db.query(`SELECT state, assignee_id, lease_expires_at FROM conversations WHERE id = $1`, [id]);
    expect(rows[0]).toEqual({ state: 'OPEN', assignee_id: null, lease_expires_at: null });
    const audit = await w.db.query(`SELECT changes FROM audit_entries WHERE action = 'conversation.release' AND subject_id = $1`, [id]);
    expect(audit.rows[0].changes.assigneeId).toEqual({ before: w.userId.FR_MODERATOR, after: null });
  });

  it('escalates to another queue (whose members claim it) or to the market manager (who claims it, moderators do not)', async () => {
    const { queueId, keyword } = await workedQueue();
    const seniors = await newQueue(w, w.id.FR);
    await setMember(w, seniors, other.id);
    const id = await importItem(w, { text: `${keyword} plainte` });
    await routed(w, id);
    must(await as(w, 'FR_MODERATOR', CLAIM, { q: queueId }));
    expect(errorCode(await as(w, 'FR_MODERATOR', ESCALATE, { input: { conversationId: id, toQueueId: w.queue.ES } }))).toBe('NOT_FOUND');
    expect(errorCode(await as(w, 'FR_MODERATOR', ESCALATE, { input: { conversationId: id } }))).toBe('BAD_USER_INPUT');
    const up = must(await as(w, 'FR_MODERATOR', ESCALATE, { input: { conversationId: id, toQueueId: seniors, reason: 'menace juridique' } })).escalateConversation;
    expect(up).toMatchObject({ state: 'ESCALATED', queueId: seniors, assigneeId: null, escalatedToManager: false });
    const note = await w.db.query(`SELECT text FROM conversation_notes WHERE conversation_id = $1`, [id]);
    expect(note.rows).toEqual([{ text: 'Escalated: menace juridique' }]);
    const senior = must(await byOther(CLAIM, { q: seniors })).claimNext;
    expect({ id: senior.id, state: senior.state }).toEqual({ id, state: 'ASSIGNED' });

    const toManager = must(await byOther(ESCALATE, { input: { conversationId: id, toManager: true } })).escalateConversation;
    expect(toManager).toMatchObject({ state: 'ESCALATED', escalatedToManager: true, queueId: seniors });
    expect(must(await byOther(CLAIM, { q: seniors })).claimNext).toBeNull();
    const managed = must(await as(w, 'FR_MANAGER', CLAIM, { q: seniors })).claimNext;
    expect({ id: managed.id, holder: managed.assigneeId, escalatedToManager: managed.escalatedToManager }).toEqual({ id, holder: w.userId.FR_MANAGER, escalatedToManager: false });
    const actions = await w.db.query(`SELECT action FROM audit_entries WHERE subject_id = $1 ORDER BY seq`, [id]);
    expect(actions.rows.map((r) => r.action)).toEqual(['conversation.route', 'conversation.claim', 'conversation.escalate', 'conversation.claim', 'conversation.escalate', 'conversation.claim']);
  });

  it('reopens a resolved conversation when the customer writes again, and gives a waiting one back to its holder', async () => {
    const { queueId, keyword } = await workedQueue();
    const author = uid('author');
    const thread = uid('post');
    const id = await importItem(w, { text: keyword, author, thread });
    await routed(w, id);
    must(await as(w, 'FR_MODERATOR', CLAIM, { q: queueId }));
    must(await as(w, 'FR_MODERATOR', REPLY, { input: { conversationId: id, text: 'Merci !' } }));
    expect(await importItem(w, { text: 'Et alors ?', author, thread })).toBe(id);
    const back = await routed(w, id);
    expect({ state: back.state, holder: back.assignee_id }).toEqual({ state: 'ASSIGNED', holder: w.userId.FR_MODERATOR });
    expect(back.response_due_at).not.toBeNull();
    must(await as(w, 'FR_MODERATOR', RESOLVE, { id }));
    await importItem(w, { text: 'Toujours rien', author, thread });
    const reopened = await routed(w, id);
    const items = must(await as(w, 'ANALYST', ITEMS, { id })).conversationItems;
    expect(items.edges.map((e: { node: { text: string } }) => e.node.text)).toEqual([keyword, 'Et alors ?', 'Toujours rien']);
    expect(errorCode(await as(w, 'ES_MANAGER', ITEMS, { id }))).toBe('NOT_FOUND');
    expect({ state: reopened.state, holder: reopened.assignee_id, queue: reopened.queue_id }).toEqual({ state: 'OPEN', holder: null, queue: queueId });
  });

  it('answers reply, renewLease, escalate, snooze and resolve on a resolved conversation with CONFLICT (no "claim it first": nobody can), never hands it out, and still takes a note', async () => {
    const queueId = await newQueue(w, w.id.FR);
    await setMember(w, queueId, w.userId.FR_MODERATOR);
    const [id] = await seedConversations(w, 1, queueId);
    must(await as(w, 'FR_MODERATOR', CLAIM, { q: queueId }));
    must(await as(w, 'FR_MODERATOR', RESOLVE, { id }));
    const until = new Date(Date.now() + 3_600_000).toISOString();
    // Its former holder and the market manager alike: the state refuses, whoever asks.
    for (const who of ['FR_MODERATOR', 'FR_MANAGER'] as const) {
      expect(errorCode(await as(w, who, REPLY, { input: { conversationId: id, text: 'Encore' } }))).toBe('CONFLICT');
      expect(errorCode(await as(w, who, RENEW, { id }))).toBe('CONFLICT');
      expect(errorCode(await as(w, who, ESCALATE, { input: { conversationId: id, toManager: true } }))).toBe('CONFLICT');
      expect(errorCode(await as(w, who, SNOOZE, { id, until }))).toBe('CONFLICT');
      expect(errorCode(await as(w, who, RESOLVE, { id }))).toBe('CONFLICT');
    }
    // claimNext takes open and escalated ones only: the resolved one is passed by.
    expect(must(await as(w, 'FR_MODERATOR', CLAIM, { q: queueId })).claimNext).toBeNull();
    // A note is internal and moves nothing: kept, as on any conversation one may work.
    expect(must(await as(w, 'FR_MODERATOR', NOTE, { id, text: 'client rappelé' })).addConversationNote).toMatchObject({ text: 'client rappelé' });
    const { rows } = await w.db.query(`SELECT state, assignee_id FROM conversations WHERE id = $1`, [id]);
    expect(rows[0]).toEqual({ state: 'RESOLVED', assignee_id: null });
    expect(await w.db.query(`SELECT 1 FROM sandbox_deliveries WHERE subject_id = $1`, [id])).toMatchObject({ rowCount: 0 });
  });

  it('snoozes until a time, then the sweep wakes it back to its holder', async () => {
    const queueId = await newQueue(w, w.id.FR);
    await setMember(w, queueId, w.userId.FR_MODERATOR);
    const [id] = await seedConversations(w, 1, queueId);
    must(await as(w, 'FR_MODERATOR', CLAIM, { q: queueId }));
    expect(errorCode(await as(w, 'FR_MODERATOR', SNOOZE, { id, until: new Date(Date.now() - 1000).toISOString() }))).toBe('BAD_USER_INPUT');
    const snoozed = must(await as(w, 'FR_MODERATOR', SNOOZE, { id, until: new Date(Date.now() + 3_600_000).toISOString() })).snoozeConversation;
    expect(snoozed.state).toBe('SNOOZED');
    await w.db.query(`UPDATE conversations SET snoozed_until = now() - interval '1 second' WHERE id = $1`, [id]);
    await w.app.app.get(RoutingDispatcher).sweep();
    const { rows } = await w.db.query(`SELECT state, assignee_id, snoozed_until FROM conversations WHERE id = $1`, [id]);
    expect(rows[0]).toEqual({ state: 'ASSIGNED', assignee_id: w.userId.FR_MODERATOR, snoozed_until: null });
  });

  it('takes internal notes from anyone who may work the conversation; the holder’s note renews the lease', async () => {
    const queueId = await newQueue(w, w.id.FR);
    await setMember(w, queueId, w.userId.FR_MODERATOR);
    const [id] = await seedConversations(w, 1, queueId);
    must(await as(w, 'FR_MODERATOR', CLAIM, { q: queueId }));
    await w.db.query(`UPDATE conversations SET lease_expires_at = now() + interval '5 seconds' WHERE id = $1`, [id]);
    expect(must(await as(w, 'FR_MANAGER', NOTE, { id, text: 'client connu' })).addConversationNote).toMatchObject({ authorId: w.userId.FR_MANAGER });
    must(await as(w, 'FR_MODERATOR', NOTE, { id, text: 'je rappelle' }));
    const { rows } = await w.db.query(`SELECT lease_expires_at > now() + interval '60 seconds' AS renewed FROM conversations WHERE id = $1`, [id]);
    expect(rows[0].renewed).toBe(true);
    const notes = must(await as(w, 'FR_MODERATOR', NOTES, { id })).conversationNotes;
    expect({ total: notes.totalCount, texts: notes.edges.map((e: { node: { text: string } }) => e.node.text) }).toEqual({ total: 2, texts: ['client connu', 'je rappelle'] });
    expect(must(await as(w, 'FR_MODERATOR', NOTES, { id, first: 1 })).conversationNotes.pageInfo.hasNextPage).toBe(true);
    expect(errorCode(await as(w, 'ANALYST', NOTES, { id }))).toBe('FORBIDDEN');
    expect(errorCode(await as(w, 'ES_MANAGER', NOTES, { id }))).toBe('NOT_FOUND');
    expect(errorCode(await as(w, 'FR_MODERATOR', NOTE, { id, text: '  ' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await as(w, 'ANALYST', NOTE, { id, text: 'lu' }))).toBe('FORBIDDEN');
    expect(errorCode(await as(w, 'ES_MANAGER', NOTE, { id, text: 'hola' }))).toBe('NOT_FOUND');
  });

  it('keeps each role to its scope: FR’s moderator sees and claims FR’s queues only', async () => {
    const seen = must(await as(w, 'FR_MODERATOR', QUEUES)).replyQueues.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(seen).toContain(w.queue.FR);
    expect(seen).not.toContain(w.queue.ES);
    expect(seen).not.toContain(w.queue.G);
    expect(errorCode(await as(w, 'FR_MODERATOR', CLAIM, { q: w.queue.ES }))).toBe('NOT_FOUND');
    expect(errorCode(await as(w, 'FR_PUBLISHER', CLAIM, { q: w.queue.FR }))).toBe('NOT_FOUND');
    expect(errorCode(await as(w, 'ANALYST', CLAIM, { q: w.queue.FR }))).toBe('FORBIDDEN');
    const notMine = await newQueue(w, w.id.FR);
    expect(errorCode(await as(w, 'FR_MODERATOR', CLAIM, { q: notMine }))).toBe('FORBIDDEN');
    const [es] = await seedConversations(w, 1, w.queue.ES, w.id.ES);
    expect(errorCode(await as(w, 'FR_MODERATOR', REPLY, { input: { conversationId: es, text: 'Hola' } }))).toBe('NOT_FOUND');
    expect(errorCode(await as(w, 'FR_MODERATOR', CLAIM, { q: 'not-an-id' }))).toBe('BAD_USER_INPUT');
  });

  it('accepts as members only users who may work the queue’s conversations, with a sane capacity', async () => {
    const queueId = await newQueue(w, w.id.FR);
    const set = (who: Parameters<typeof as>[1], userId: string, capacity = 5, languages: string[] = []) =>
      as(w, who, `mutation($input: SetQueueMemberInput!) { setQueueMember(input: $input) { members { userId capacity languages } } }`, { input: { queueId, userId, capacity, languages } });
    expect(errorCode(await set('FR_MANAGER', w.userId.ES_MANAGER))).toBe('BAD_USER_INPUT');
    expect(errorCode(await set('FR_MANAGER', w.userId.FR_PUBLISHER))).toBe('BAD_USER_INPUT');
    expect(errorCode(await set('FR_MANAGER', w.userId.FR_MODERATOR, 0))).toBe('BAD_USER_INPUT');
    expect(errorCode(await set('FR_MANAGER', w.userId.FR_MODERATOR, 5, ['xx-not-a-tag!']))).toBe('BAD_USER_INPUT');
    expect(errorCode(await set('FR_MODERATOR', w.userId.FR_MODERATOR))).toBe('FORBIDDEN');
    expect(errorCode(await set('ES_MANAGER', w.userId.FR_MODERATOR))).toBe('NOT_FOUND');
    const done = must(await set('FR_MANAGER', w.userId.FR_MODERATOR, 3, ['fr-FR', 'en'])).setQueueMember;
    expect(done.members).toEqual([{ userId: w.userId.FR_MODERATOR, capacity: 3, languages: ['fr', 'en'] }]);
    const removed = must(await as(w, 'FR_MANAGER', `mutation($q: ID!, $u: ID!) { removeQueueMember(queueId: $q, userId: $u) { members { userId } } }`, { q: queueId, u: w.userId.FR_MODERATOR }));
    expect(removed.removeQueueMember.members).toEqual([]);
  });

  it('assigns on routing in a least-loaded queue: each new conversation to the member holding fewest', async () => {
    const { queueId, keyword } = await workedQueue({ assignmentMode: 'LEAST_LOADED' });
    const first = await routed(w, await importItem(w, { text: keyword }));
    const second = await routed(w, await importItem(w, { text: keyword }));
    expect([first.state, second.state]).toEqual(['ASSIGNED', 'ASSIGNED']);
    expect(new Set([first.assignee_id, second.assignee_id])).toEqual(new Set([w.userId.FR_MODERATOR, other.id]));
    expect(first.queue_id).toBe(queueId);
  });

  it('assigns on routing in a round-robin queue to the member assigned longest ago, whatever they hold', async () => {
    const { queueId, keyword } = await workedQueue({ assignmentMode: 'ROUND_ROBIN' });
    const first = await routed(w, await importItem(w, { text: keyword }));
    const second = await routed(w, await importItem(w, { text: keyword }));
    expect(new Set([first.assignee_id, second.assignee_id])).toEqual(new Set([w.userId.FR_MODERATOR, other.id]));
    // The second holder now holds nothing: least loaded would pick them again, round robin takes its turn.
    await w.db.query(`UPDATE conversations SET state = 'RESOLVED', assignee_id = NULL, lease_expires_at = NULL WHERE id = $1`, [second.id]);
    const third = await routed(w, await importItem(w, { text: keyword }));
    expect({ state: third.state, holder: third.assignee_id, queue: third.queue_id }).toEqual({ state: 'ASSIGNED', holder: first.assignee_id, queue: queueId });
    const modes = await w.db.query(`SELECT changes FROM audit_entries WHERE action = 'conversation.assign' AND subject_id = $1`, [third.id]);
    expect(modes.rows[0].changes.mode).toEqual({ before: null, after: 'ROUND_ROBIN' });
  });

  it('assigns nobody on routing in a pull queue: the conversation waits OPEN for a claim', async () => {
    const { queueId, keyword } = await workedQueue({ assignmentMode: 'PULL' });
    const waiting = await routed(w, await importItem(w, { text: keyword }));
    expect({ state: waiting.state, holder: waiting.assignee_id, queue: waiting.queue_id }).toEqual({ state: 'OPEN', holder: null, queue: queueId });
  });

  it('audits every action on a conversation, in order, with its actor (the sweep as nobody)', async () => {
    const { queueId, keyword } = await workedQueue();
    const id = await importItem(w, { text: keyword });
    await routed(w, id);
    must(await as(w, 'FR_MODERATOR', CLAIM, { q: queueId }));
    must(await as(w, 'FR_MODERATOR', RENEW, { id }));
    must(await as(w, 'FR_MODERATOR', NOTE, { id, text: 'je regarde' }));
    must(await as(w, 'FR_MODERATOR', SNOOZE, { id, until: new Date(Date.now() + 3_600_000).toISOString() }));
    await w.db.query(`UPDATE conversations SET snoozed_until = now() - interval '1 second' WHERE id = $1`, [id]);
    await w.app.app.get(RoutingDispatcher).sweep();
    must(await as(w, 'FR_MODERATOR', REPLY, { input: { conversationId: id, text: 'Voilà' } }));
    must(await as(w, 'FR_MODERATOR', RESOLVE, { id }));
    const { rows } = await w.db.query(`SELECT action, actor_id FROM audit_entries WHERE subject_id = $1 ORDER BY seq`, [id]);
    const mod = w.userId.FR_MODERATOR;
    expect(rows.map((r) => [r.action, r.actor_id])).toEqual([
      ['conversation.route', null],
      ['conversation.claim', mod],
      ['conversation.renewLease', mod],
      ['conversation.note', mod],
      ['conversation.snooze', mod],
      ['conversation.wake', null],
      ['conversation.reply', mod],
      ['conversation.resolve', mod],
    ]);
  });
});
