import { Client } from 'pg';
import { loadWorld, must, type World } from '../access/access-world';
import { gql, login } from '../support/graphql';
import type { TestApp } from '../support/test-app';
import { PAGE, uid } from './inbound-fixture';

/** The access world plus the seeded default queues and a direct line to the database. */
export interface QueueWorld extends World {
  db: Client;
  queue: { G: string; FR: string; ES: string; DE: string };
}

export async function loadQueueWorld(app: TestApp): Promise<QueueWorld> {
  const world = await loadWorld(app);
  const db = new Client({ connectionString: app.databaseUrl });
  await db.connect();
  const { rows } = await db.query(`SELECT id, scope_page_id AS "scopePageId" FROM reply_queues WHERE is_default`);
  const at = (pageId: string) => rows.find((row) => row.scopePageId === pageId)!.id as string;
  return { ...world, db, queue: { G: at(world.id.G), FR: at(world.id.FR), ES: at(world.id.ES), DE: at(world.id.DE) } };
}

export const CONVERSATION = 'id state queueId priority tags ruleId language assigneeId leaseExpiresAt escalatedToManager responseDueAt firstRespondedAt';

export interface ItemSpec {
  page?: string;
  text?: string;
  language?: string | null;
  author?: string;
  thread?: string;
  kind?: 'COMMENT' | 'MESSAGE';
  at?: Date;
}

const IMPORT = `mutation($input: ImportInboundItemsInput!) { importInboundItems(input: $input) { stored conversations { id } } }`;

/** One comment imported by the brand admin; answers its conversation's id (routing follows, asynchronously). */
export async function importItem(w: World, spec: ItemSpec = {}): Promise<string> {
  const author = spec.author ?? uid('author');
  const item = {
    externalId: uid('item'),
    pageExternalId: spec.page ?? PAGE.FR,
    kind: spec.kind ?? 'COMMENT',
    threadId: spec.thread ?? uid('post'),
    authorId: author,
    authorName: 'Camille Martin',
    text: spec.text ?? 'Bonjour',
    language: spec.language === undefined ? 'fr' : spec.language,
    occurredAt: (spec.at ?? new Date()).toISOString(),
  };
  const data = must(await gql(w.app, IMPORT, { input: { network: 'facebook', items: [item] } }, w.token.ADMIN), 'import');
  return data.importInboundItems.conversations[0].id;
}

/** The conversation's row once the router has seen all its items. */
export async function routed(w: QueueWorld, conversationId: string, timeoutMs = 10_000): Promise<Record<string, any>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await w.db.query(
      `SELECT c.*, c.tags::text[] AS tags, (SELECT count(*)::int FROM inbound_items i WHERE i.conversation_id = c.id AND i.status = 'RECEIVED') AS pending
         FROM conversations c WHERE c.id = $1`,
      [conversationId],
    );
    if (rows[0] && rows[0].pending === 0) return rows[0];
    if (Date.now() > deadline) throw new Error(`conversation ${conversationId} not routed in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const BUSINESS_HOURS = {
  timeZone: 'Europe/Paris',
  days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((day) => ({ day, intervals: [{ start: '09:00', end: '18:00' }] })),
  holidays: [],
};

export const CREATE_QUEUE = `mutation($input: CreateReplyQueueInput!) { createReplyQueue(input: $input) { id name isDefault scopePageId assignmentMode members { userId capacity languages } } }`;

export const queueInput = (scopePageId: string, extra: Record<string, unknown> = {}) => ({
  scopePageId,
  name: uid('queue'),
  firstResponseMinutes: 60,
  nextResponseMinutes: 120,
  businessHours: BUSINESS_HOURS,
  ...extra,
});

/** A queue made by the platform admin. */
export async function newQueue(w: World, scopePageId: string, extra: Record<string, unknown> = {}): Promise<string> {
  return must(await gql(w.app, CREATE_QUEUE, { input: queueInput(scopePageId, extra) }, w.token.PLATFORM), 'createReplyQueue').createReplyQueue.id;
}

export const SET_MEMBER = `mutation($input: SetQueueMemberInput!) { setQueueMember(input: $input) { id members { userId capacity languages } } }`;

export async function setMember(w: World, queueId: string, userId: string, capacity = 10, languages: string[] = []): Promise<void> {
  must(await gql(w.app, SET_MEMBER, { input: { queueId, userId, capacity, languages } }, w.token.PLATFORM), 'setQueueMember');
}

export interface Moderator {
  id: string;
  token: string;
}

/**
 * `count` more moderators at the scope of the FR moderator, with its password, made straight in
 * the database (quick), members of `queueId`, each signed in.
 */
export async function moreModerators(w: QueueWorld, count: number, queueId: string, capacity = 1000): Promise<Moderator[]> {
  const label = uid('mod').replace(/[^a-z0-9-]/gi, '');
  const { rows } = await w.db.query(
    `WITH made AS (
       INSERT INTO users (id, email, display_name, password_hash, disabled)
       SELECT gen_random_uuid(), '${label}-' || n || '@northwind.example', 'Moderator ' || n, u.password_hash, false
         FROM generate_series(1, $1::int) n, users u WHERE u.id = $2
       RETURNING id)
     , granted AS (
       INSERT INTO role_assignments (id, user_id, role, brand_id, scope_page_id, scope_ids)
       SELECT gen_random_uuid(), made.id, ra.role, ra.brand_id, ra.scope_page_id, ra.scope_ids FROM made, role_assignments ra WHERE ra.user_id = $2
       RETURNING user_id)
     INSERT INTO reply_queue_members (queue_id, user_id, capacity, languages) SELECT $3, user_id, $4, '{}' FROM granted
     RETURNING user_id AS id`,
    [count, w.userId.FR_MODERATOR, queueId, capacity],
  );
  const emails = await w.db.query(`SELECT id, email FROM users WHERE id = ANY($1::uuid[])`, [rows.map((row) => row.id)]);
  return Promise.all(emails.rows.map(async (row) => ({ id: row.id, token: await login(w.app, row.email) })));
}

/** `count` open conversations in `queueId` on the FR page, made in one statement; answers their ids. */
export async function seedConversations(w: QueueWorld, count: number, queueId: string, pageId = w.id.FR): Promise<string[]> {
  const { rows } = await w.db.query(
    `INSERT INTO conversations (id, network, brand_id, page_id, scope_ids, thread_id, author_id, author_name, state, queue_id, item_count, first_item_at, last_item_at, routed_at)
     SELECT gen_random_uuid(), 'facebook', p.brand_id, p.id, p.scope_ids, 'seed-thread-' || gen_random_uuid(), 'seed-author-' || n, 'Seed ' || n, 'OPEN', $2,
            1, now() - make_interval(secs => n), now() - make_interval(secs => n), now()
       FROM generate_series(1, $1::int) n, pages p WHERE p.id = $3
     RETURNING id`,
    [count, queueId, pageId],
  );
  return rows.map((row) => row.id);
}
