import { asSubject, defineAbilityFor, type Action, type PivotAbility, type SubjectType } from '@pivot/domain';
import { Client } from 'pg';
import { abilityToSql, SUBJECT_FIELDS } from '../../src/access/ability-sql';
import { as, loadWorld, must, newUser, startAccessApp, unique, WHO, type Who, type World } from './access-world';
import { CHANGE_ACTION, KINDS, ROLE_OF, tableSays, type Kind, type Position } from './role-table';

/*
 * The authorization matrix generated from DESIGN §4's table (role-table.ts): every demo role ×
 * every subject the table names × where the subject sits (at S, under S, on the trail, in a
 * sibling market, beside the trail, in another brand) × read and change. Each case holds three
 * answers to agree: the table's, the in-memory ability's (`ability.can`), and the SQL filter's
 * (`abilityToSql`, the WHERE every list uses) on the very row in PostgreSQL.
 */

type PageKey = 'G' | 'EMEA' | 'AMER' | 'US' | 'FR' | 'frConsumer' | 'ES' | 'esConsumer' | 'OG';
const PAGE_KEYS: PageKey[] = ['G', 'EMEA', 'AMER', 'US', 'FR', 'frConsumer', 'ES', 'esConsumer', 'OG'];

/** Where each page sits for each demo caller. The platform admin has no S: everything is "under" it. */
const PLACES: Record<Who, Partial<Record<Position, PageKey[]>>> = {
  PLATFORM: { under: ['G', 'EMEA', 'AMER', 'US', 'FR', 'frConsumer', 'ES', 'esConsumer'], otherBrand: ['OG'] },
  ADMIN: { at: ['G'], under: ['EMEA', 'AMER', 'US', 'FR', 'frConsumer', 'ES', 'esConsumer'], otherBrand: ['OG'] },
  FR_MANAGER: { at: ['FR'], under: ['frConsumer'], trail: ['EMEA', 'G'], sibling: ['ES', 'esConsumer'], beside: ['AMER', 'US'], otherBrand: ['OG'] },
  ES_MANAGER: { at: ['ES'], under: ['esConsumer'], trail: ['EMEA', 'G'], sibling: ['FR', 'frConsumer'], beside: ['AMER', 'US'], otherBrand: ['OG'] },
  FR_PUBLISHER: { at: ['FR'], under: ['frConsumer'], trail: ['EMEA', 'G'], sibling: ['ES', 'esConsumer'], beside: ['AMER', 'US'], otherBrand: ['OG'] },
  FR_MODERATOR: { at: ['FR'], under: ['frConsumer'], trail: ['EMEA', 'G'], sibling: ['ES', 'esConsumer'], beside: ['AMER', 'US'], otherBrand: ['OG'] },
  ANALYST: { at: ['EMEA'], under: ['FR', 'frConsumer', 'ES', 'esConsumer'], trail: ['G'], sibling: ['AMER'], beside: ['US'], otherBrand: ['OG'] },
};

/** Each subject's table and the record the API hands to CASL, as SQL. */
const ROWS: Record<Kind, { table: string; select: string }> = {
  Page: { table: 'pages', select: 'x.id, x.brand_id AS "brandId", x.scope_ids::text[] AS "scopeIds", x.kind, x.status' },
  Post: {
    table: 'posts',
    select: 'x.id, x.brand_id AS "brandId", x.scope_ids::text[] AS "scopeIds", x.author_id AS "authorId", x.state, x.parent_post_id AS "parentPostId", x.submitted_by AS "submittedById"',
  },
  Conversation: { table: 'conversations', select: 'x.id, x.brand_id AS "brandId", x.scope_ids::text[] AS "scopeIds"' },
  ReplyQueue: { table: 'reply_queues', select: 'x.id, x.brand_id AS "brandId", x.scope_ids::text[] AS "scopeIds"' },
  RoutingRule: { table: 'routing_rules', select: 'x.id, x.brand_id AS "brandId", x.scope_ids::text[] AS "scopeIds", x.scope_page_id AS "scopePageId"' },
  CannedResponse: { table: 'canned_responses', select: 'x.id, x.brand_id AS "brandId", x.scope_ids::text[] AS "scopeIds", x.scope_page_id AS "scopePageId"' },
  RoleAssignment: { table: 'role_assignments', select: 'x.id, x.brand_id AS "brandId", x.scope_ids::text[] AS "scopeIds", x.role, x.user_id AS "userId"' },
  // As TeamService's userSubject (team/team.service.ts): the brands and scopes of all the user's assignments.
  User: {
    table: 'users',
    select: `x.id, ARRAY(SELECT DISTINCT ra.brand_id::text FROM role_assignments ra WHERE ra.user_id = x.id AND ra.brand_id IS NOT NULL) AS "brandIds",
             ARRAY(SELECT DISTINCT unnest(ra.scope_ids)::text FROM role_assignments ra WHERE ra.user_id = x.id) AS "assignmentScopeIds"`,
  },
  AuditEntry: { table: 'audit_entries', select: 'x.id, x.brand_id AS "brandId", x.scope_ids::text[] AS "scopeIds"' },
};

interface Case {
  who: Who;
  kind: Kind;
  position: Position;
  page: PageKey;
  action: Action;
  table: boolean;
}

const CASES: Case[] = WHO.flatMap((who) =>
  KINDS.flatMap((kind) =>
    (Object.entries(PLACES[who]) as [Position, PageKey[]][]).flatMap(([position, pages]) =>
      pages.flatMap((page) => [
        { who, kind, position, page, action: 'read' as Action, table: tableSays(ROLE_OF[who], kind, position, 'read') },
        { who, kind, position, page, action: CHANGE_ACTION[kind] as Action, table: tableSays(ROLE_OF[who], kind, position, 'change') },
      ]),
    ),
  ),
);

/** Runs an abilityToSql condition with pg: TypeORM's `:name` parameters become `$n`. */
function toPg(sql: string, params: Record<string, unknown>, first: unknown[]): [string, unknown[]] {
  const values = [...first];
  const text = sql.replace(/:(casl_\d+)/g, (_match, name: string) => {
    values.push(params[name]);
    return `$${values.length}`;
  });
  return [text, values];
}

describe('the role table of DESIGN §4, generated: table, memory and SQL agree on every case', () => {
  let w: World;
  let db: Client;
  /** The fixture's record of each kind on each page. */
  const idOf = {} as Record<Kind, Record<PageKey, string>>;
  const memory = new Map<string, boolean>();
  const sql = new Map<string, boolean>();
  const key = (c: Pick<Case, 'who' | 'kind' | 'page' | 'action'>) => `${c.who}|${c.kind}|${c.page}|${c.action}`;

  beforeAll(async () => {
    w = await loadWorld(await startAccessApp());
    db = new Client({ connectionString: w.app.databaseUrl });
    await db.connect();
    const other = must(await as(w, 'PLATFORM', 'mutation { createBrand(input: { slug: "contoso-table", name: "Contoso" }) { id } }')).createBrand.id;
    const og = must(
      await as(w, 'PLATFORM', 'mutation($input: CreatePageInput!) { createPage(input: $input) { id } }', {
        input: { brandId: other, kind: 'GLOBAL', name: 'Contoso', url: 'https://www.facebook.com/contoso', externalId: 'fb-contoso', languages: ['en'] },
      }),
    ).createPage.id;
    const pageId: Record<PageKey, string> = { ...w.id, OG: og };
    const brandOf = (page: PageKey) => (page === 'OG' ? other : w.brandId);
    for (const kind of KINDS) idOf[kind] = {} as Record<PageKey, string>;

    // One record of each kind on each page, made by the platform admin.
    for (const page of PAGE_KEYS) {
      const id = pageId[page];
      idOf.Page[page] = id;
      const [{ external_id: externalId }] = (await db.query('SELECT external_id FROM pages WHERE id = $1', [id])).rows;
      const post = must(
        await as(w, 'PLATFORM', 'mutation($input: CreatePostInput!) { createPost(input: $input) { id } }', { input: { brandId: brandOf(page), targetPageIds: [id], body: 'Hello #northwind', locale: 'en' } }),
      ).createPost.id;
      const item = { externalId: unique('table-item'), pageExternalId: externalId, kind: 'COMMENT', threadId: unique('table-thread'), authorId: 'table-author', text: 'Hello', occurredAt: new Date().toISOString() };
      const conversation = must(
        await as(w, 'PLATFORM', 'mutation($input: ImportInboundItemsInput!) { importInboundItems(input: $input) { conversations { id } } }', { input: { network: 'facebook', items: [item] } }),
      ).importInboundItems.conversations[0].id;
      const hours = { timeZone: 'UTC', days: [{ day: 'monday', intervals: [{ start: '09:00', end: '18:00' }] }], holidays: [] };
      const queue = must(
        await as(w, 'PLATFORM', 'mutation($input: CreateReplyQueueInput!) { createReplyQueue(input: $input) { id } }', {
          input: { scopePageId: id, name: unique(`table-queue-${page}`), firstResponseMinutes: 60, nextResponseMinutes: 60, businessHours: hours },
        }),
      ).createReplyQueue.id;
      const rule = must(
        await as(w, 'PLATFORM', 'mutation($input: CreateRoutingRuleInput!) { createRoutingRule(input: $input) { id } }', {
          input: { scopePageId: id, name: unique(`table-rule-${page}`), queueId: queue, conditions: { keywords: [unique('never-said')] } },
        }),
      ).createRoutingRule.id;
      const canned = must(
        await as(w, 'PLATFORM', 'mutation($input: CreateCannedResponseInput!) { createCannedResponse(input: $input) { id } }', {
          input: { scopePageId: id, name: unique(`table-canned-${page}`), variants: [{ language: 'en', body: 'Thanks' }] },
        }),
      ).createCannedResponse.id;
      const member = await newUser(w, 'ANALYST', id, `table-${page}`);
      const [{ id: audit }] = (await db.query('SELECT id FROM audit_entries WHERE subject_id = $1', [canned])).rows;
      Object.assign(idOf.Post, { [page]: post });
      Object.assign(idOf.Conversation, { [page]: conversation });
      Object.assign(idOf.ReplyQueue, { [page]: queue });
      Object.assign(idOf.RoutingRule, { [page]: rule });
      Object.assign(idOf.CannedResponse, { [page]: canned });
      Object.assign(idOf.RoleAssignment, { [page]: member.assignmentId });
      Object.assign(idOf.User, { [page]: member.id });
      Object.assign(idOf.AuditEntry, { [page]: audit });
    }

    // Each caller's ability, built as the API builds it from their role_assignments rows.
    const grants = (await db.query('SELECT user_id AS "userId", role, brand_id AS "brandId", scope_page_id AS "scopePageId", scope_ids::text[] AS "scopeIds" FROM role_assignments')).rows;
    const abilities = Object.fromEntries(
      WHO.map((who) => [who, defineAbilityFor({ userId: w.userId[who], grants: grants.filter((g) => g.userId === w.userId[who]) })]),
    ) as Record<Who, PivotAbility>;
    for (const kind of KINDS) {
      const ids = PAGE_KEYS.map((page) => idOf[kind][page]);
      const records = (await db.query(`SELECT ${ROWS[kind].select} FROM ${ROWS[kind].table} x WHERE x.id = ANY($1::uuid[])`, [ids])).rows as { id: string }[];
      for (const who of WHO) {
        for (const action of ['read', CHANGE_ACTION[kind]] as Action[]) {
          const condition = abilityToSql(abilities[who], action, kind as SubjectType, SUBJECT_FIELDS[kind]('x'));
          const [text, values] = toPg(`SELECT x.id FROM ${ROWS[kind].table} x WHERE x.id = ANY($1::uuid[]) AND ${condition.sql}`, condition.params, [ids]);
          const allowed = new Set((await db.query(text, values)).rows.map((row: { id: string }) => row.id));
          for (const page of PAGE_KEYS) {
            const record = records.find((row) => row.id === idOf[kind][page])!;
            memory.set(key({ who, kind, page, action }), abilities[who].can(action, asSubject(kind as SubjectType, record)));
            sql.set(key({ who, kind, page, action }), allowed.has(idOf[kind][page]));
          }
        }
      }
    }
  });
  afterAll(async () => {
    await db?.end();
    await w?.app.close();
  });

  it('holds a case for every role, subject, place and action of the table', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(700);
    expect(new Set(CASES.map((c) => c.position))).toEqual(new Set(['at', 'under', 'trail', 'sibling', 'beside', 'otherBrand']));
    // Not a table of refusals: every role reads something and the market roles read on the trail.
    for (const who of WHO) expect(CASES.some((c) => c.who === who && c.table && c.action === 'read')).toBe(true);
    expect(CASES.filter((c) => c.position === 'trail' && c.table).map((c) => `${c.who} ${c.kind}`)).toEqual(expect.arrayContaining(['FR_MODERATOR CannedResponse', 'ANALYST RoutingRule']));
  });

  const named: [string, Case][] = CASES.map((c) => [`${c.who} (${ROLE_OF[c.who]}) ${c.action} ${c.kind} ${c.position} (${c.page}) → ${c.table ? 'yes' : 'no'}`, c]);
  it.each(named)('%s', (_name, c) => {
    expect({ memory: memory.get(key(c)), sql: sql.get(key(c)) }).toEqual({ memory: c.table, sql: c.table });
  });
});
