import { setTimeout as sleep } from 'node:timers/promises';
import { loadWorld, must, startAccessApp, WHO, type Who, type World } from '../access/access-world';
import { errorCode } from '../support/graphql';
import { AuditTable, call } from './audit-fixture';

/*
 * The auditEntries query: each filter and the cursor pagination checked against the rows in
 * audit_entries, and each role reading only the history of its scope.
 */
describe('auditEntries: filters, cursor pagination and who reads what', () => {
  let w: World;
  let table: AuditTable;
  /** Instants between the two phases of history below. */
  const at: { start?: Date; middle?: Date; end?: Date } = {};

  beforeAll(async () => {
    w = await loadWorld(await startAccessApp());
    table = await AuditTable.open(w.app.databaseUrl);
    const run = async (who: Who, query: string, variables: Record<string, unknown>) => must(await call(w, who, query, variables), query);
    const describe_ = (who: Who, id: string, d: string) => run(who, 'mutation($id: ID!, $d: String!) { updatePage(id: $id, input: { description: $d }) { id } }', { id, d });
    const tick = async () => {
      await sleep(25);
      const now = new Date();
      await sleep(25);
      return now;
    };

    at.start = await tick();
    await describe_('PLATFORM', w.id.FR, 'first');
    await describe_('PLATFORM', w.id.G, 'global');
    await describe_('ES_MANAGER', w.id.ES, 'es');
    await describe_('ES_MANAGER', w.id.esConsumer, 'es consumers');
    await describe_('FR_MANAGER', w.id.frConsumer, 'fr consumers');
    const invited = await run('FR_MANAGER', 'mutation($input: InviteUserInput!) { inviteUser(input: $input) { user { id } assignment { id } } }', {
      input: { email: 'history@northwind.example', displayName: 'History', role: 'MODERATOR', scopePageId: w.id.FR },
    });
    await run('FR_MANAGER', 'mutation($input: SetMarketAliasInput!) { setMarketAlias(input: $input) { id } }', { input: { brandId: w.brandId, country: 'AD', marketPageId: w.id.FR } });
    await describe_('ADMIN', w.id.DE, 'de');
    await run('ADMIN', 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { id } }', { input: { userId: invited.inviteUser.user.id, role: 'ANALYST', scopePageId: w.id.EMEA } });
    at.middle = await tick();
    await describe_('FR_MANAGER', w.id.FR, 'second');
    await run('FR_MANAGER', 'mutation($id: ID!) { revokeRole(assignmentId: $id) { id } }', { id: invited.inviteUser.assignment.id });
    await run('PLATFORM', 'mutation { createBrand(input: { slug: "fabrikam", name: "Fabrikam" }) { id } }', {});
    at.end = await tick();
  });
  afterAll(async () => {
    await table?.close();
    await w?.app.close();
  });

  interface Listed {
    ids: string[];
    totalCount: number;
    pages: number;
  }

  /** Every entry `who` gets for a filter, following endCursor page by page; totalCount must hold on every page. */
  async function list(who: Who, filter: Record<string, unknown> = {}, first = 200): Promise<Listed> {
    const query = `query($filter: AuditFilterInput, $first: Int, $after: String) {
      auditEntries(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { id } } pageInfo { endCursor hasNextPage } } }`;
    const ids: string[] = [];
    const totals = new Set<number>();
    let pages = 0;
    for (let after: string | null = null, more = true; more; pages++) {
      const page: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } = must(
        await call(w, who, query, { filter, first, after }),
      ).auditEntries;
      ids.push(...page.edges.map((edge) => edge.node.id));
      totals.add(page.totalCount);
      [after, more] = [page.pageInfo.endCursor, page.pageInfo.hasNextPage];
    }
    expect([...totals]).toHaveLength(1);
    return { ids, totalCount: [...totals][0], pages };
  }

  const stored = async (condition: string, params: (w: World) => unknown[]) => (await table.where(condition, params(w))).map((entry) => entry.id);

  describe('each filter returns exactly the matching rows, newest first', () => {
    it.each<[string, (w: World) => Record<string, unknown>, string, (w: World) => unknown[]]>([
      ['no filter', () => ({}), 'TRUE', () => []],
      ['actorId', (w) => ({ actorId: w.userId.FR_MANAGER }), 'actor_id = $1', (w) => [w.userId.FR_MANAGER]],
      ['subjectType', () => ({ subjectType: 'RoleAssignment' }), "subject_type = 'RoleAssignment'", () => []],
      ['subjectId', (w) => ({ subjectId: w.id.FR }), 'subject_id = $1', (w) => [w.id.FR]],
      ['an exact action', () => ({ action: 'page.update' }), "action = 'page.update'", () => []],
      ['an action prefix ending in a dot', () => ({ action: 'role.' }), "action LIKE 'role.%'", () => []],
      ['an action without a dot is exact, not a prefix', () => ({ action: 'page' }), "action = 'page'", () => []],
      ['from', () => ({ from: at.middle }), 'occurred_at >= $1', () => [at.middle]],
      ['to', () => ({ to: at.middle }), 'occurred_at <= $1', () => [at.middle]],
      ['from and to', () => ({ from: at.start, to: at.middle }), 'occurred_at BETWEEN $1 AND $2', () => [at.start, at.middle]],
      ['actorId and an action prefix together', (w) => ({ actorId: w.userId.FR_MANAGER, action: 'page.' }), "actor_id = $1 AND action LIKE 'page.%'", (w) => [w.userId.FR_MANAGER]],
    ])('%s', async (_label, filter, condition, params) => {
      const expected = await stored(condition, params);
      const listed = await list('PLATFORM', filter(w));
      expect(listed.ids).toEqual(expected);
      expect(listed.totalCount).toBe(expected.length);
    });

    it('the history has something on each side of every boundary, so the filters above are not vacuous', async () => {
      const total = (await table.where('TRUE')).length;
      for (const condition of ['occurred_at >= $1', 'occurred_at <= $1']) {
        const share = (await table.where(condition, [at.middle])).length;
        expect(share).toBeGreaterThan(0);
        expect(share).toBeLessThan(total);
      }
      expect((await list('PLATFORM', { action: 'role.' })).ids.length).toBeGreaterThanOrEqual(3);
    });

    it.each([
      ['from after to', { from: new Date(Date.now() + 60_000), to: new Date() }],
      ['a malformed actorId', { actorId: 'not-an-id' }],
      ['a malformed subjectId', { subjectId: 'not-an-id' }],
    ])('%s is BAD_USER_INPUT', async (_label, filter) => {
      expect(errorCode(await call(w, 'PLATFORM', 'query($f: AuditFilterInput) { auditEntries(filter: $f) { totalCount } }', { f: filter }))).toBe('BAD_USER_INPUT');
    });
  });

  describe('cursor pagination', () => {
    it('pages of 2, followed by endCursor to the end, give every entry once, in order, with a constant totalCount', async () => {
      const all = await list('PLATFORM');
      const paged = await list('PLATFORM', {}, 2);
      expect(all.pages).toBe(1);
      expect(paged.ids).toEqual(all.ids);
      expect(new Set(paged.ids).size).toBe(paged.ids.length);
      expect(paged.totalCount).toBe(all.ids.length);
      expect(paged.pages).toBe(Math.ceil(all.ids.length / 2));
    });

    it('pages of 2 through a filter give the filtered entries once each', async () => {
      const filter = { action: 'page.' };
      expect((await list('FR_MANAGER', filter, 2)).ids).toEqual((await list('FR_MANAGER', filter)).ids);
    });

    it('an entry written while a reader pages through does not shift or repeat the pages after the cursor', async () => {
      const query = 'query($after: String) { auditEntries(first: 2, after: $after) { edges { node { id } } pageInfo { endCursor } } }';
      const first = must(await call(w, 'ADMIN', query, {})).auditEntries;
      must(await call(w, 'ADMIN', 'mutation($id: ID!) { updatePage(id: $id, input: { description: "meanwhile" }) { id } }', { id: w.id.EMEA }));
      const second = must(await call(w, 'ADMIN', query, { after: first.pageInfo.endCursor })).auditEntries;
      const now = (await list('ADMIN')).ids;
      expect(now.slice(1, 5)).toEqual([...first.edges, ...second.edges].map((edge: { node: { id: string } }) => edge.node.id));
    });

    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    it.each([
      ['not base64 JSON', 'garbage!'],
      ['a cursor with a non-numeric position', cursor(['abc'])],
      ['a cursor of another shape', cursor([1, 2])],
      ['a cursor that is an object', cursor({ seq: 1 })],
    ])('after: %s is BAD_USER_INPUT', async (_label, after) => {
      expect(errorCode(await call(w, 'PLATFORM', 'query($after: String) { auditEntries(after: $after) { totalCount } }', { after }))).toBe('BAD_USER_INPUT');
    });

    it.each([0, -1, 201, 500])('first: %p is BAD_USER_INPUT', async (first) => {
      expect(errorCode(await call(w, 'PLATFORM', 'query($first: Int) { auditEntries(first: $first) { totalCount } }', { first }))).toBe('BAD_USER_INPUT');
    });
  });

  describe('who reads what', () => {
    it("FR's manager reads FR's history only: its own and the platform's changes there, nothing es.manager did at ES", async () => {
      const fr = await list('FR_MANAGER');
      expect(fr.ids).toEqual(await stored('scope_ids @> ARRAY[$1]::uuid[]', (w) => [w.id.FR]));
      expect((await list('FR_MANAGER', { subjectId: w.id.FR })).totalCount).toBe(2);
      expect((await list('FR_MANAGER', { actorId: w.userId.ES_MANAGER })).totalCount).toBe(0);
      expect((await list('PLATFORM', { actorId: w.userId.ES_MANAGER, action: 'page.' })).totalCount).toBe(2);
    });

    it("ES's manager reads ES's history only", async () => {
      expect((await list('ES_MANAGER')).ids).toEqual(await stored('scope_ids @> ARRAY[$1]::uuid[]', (w) => [w.id.ES]));
      expect((await list('ES_MANAGER', { actorId: w.userId.FR_MANAGER })).totalCount).toBe(0);
    });

    it("the brand admin reads the whole brand's history, not another brand's", async () => {
      expect((await list('ADMIN')).ids).toEqual(await stored('brand_id = $1', (w) => [w.brandId]));
      expect((await list('ADMIN', { action: 'brand.create' })).totalCount).toBe(0);
      expect((await list('PLATFORM', { action: 'brand.create' })).totalCount).toBe(1);
    });

    it.each(WHO.filter((who) => ['FR_PUBLISHER', 'FR_MODERATOR', 'ANALYST'].includes(who)))('%s reads no history at all: an empty list, not an error', async (who) => {
      for (const filter of [{}, { subjectId: w.id.FR }, { action: 'page.' }]) {
        const result = await call(w, who, 'query($f: AuditFilterInput) { auditEntries(filter: $f) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }', { f: filter });
        expect(result.errors).toBeUndefined();
        expect(result.data?.auditEntries).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
      }
    });
  });
});
