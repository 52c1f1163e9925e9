import { errorCode, gql, login } from '../support/graphql';
import { archive, as, loadWorld, must, newUser, pageState, startAccessApp, subtreeIds, WHO, type Who } from './access-world';
import { READ_CASES, type MatrixCase, type MatrixWorld } from './matrix-cases';
import { REPLY_CASES, REPLY_WRITE_CASES } from './matrix-reply-cases';
import { POST_CASES } from './matrix-post-cases';
import { CASCADE_CASES } from './matrix-cascade-cases';
import { QUEUE_READ_CASES, QUEUE_WRITE_CASES } from './matrix-queue-cases';
import { TEAM_WRITE_CASES, TREE_WRITE_CASES } from './matrix-write-cases';
import { PAGE_FIELD_CASES } from './matrix-page-field-cases';

/*
 * Every demo role × every query and mutation of schema.gql, at FR (in scope for the FR team)
 * and at ES (out of it). Each row asserts the data or the exact error code: FORBIDDEN when the
 * caller may read the target, NOT_FOUND when they may not. One database for the file: reads run
 * first; each write gets a fresh target from the platform admin and cleans up after itself.
 */
describe('authorization matrix: every role × every operation', () => {
  let w: MatrixWorld;

  beforeAll(async () => {
    const world = await loadWorld(await startAccessApp());
    const other = must(await as(world, 'PLATFORM', 'mutation { createBrand(input: { slug: "contoso-matrix", name: "Contoso" }) { id slug } }')).createBrand;
    const input = { brandId: other.id, kind: 'GLOBAL', name: 'Contoso', url: 'https://www.facebook.com/contoso', languages: ['en'] };
    const globalId = must(await as(world, 'PLATFORM', 'mutation($input: CreatePageInput!) { createPage(input: $input) { id } }', { input })).createPage.id;
    w = { ...world, other: { slug: other.slug, globalId } };
    // Free the student slot under FR and ES for the throwaway pages the write cases make.
    await archive(w, w.id.frStudent);
    await archive(w, w.id.esStudent);
    // Some history on each side for the audit rows.
    const describePage = 'mutation($id: ID!, $d: String!) { updatePage(id: $id, input: { description: $d }) { id } }';
    must(await as(w, 'PLATFORM', describePage, { id: w.id.FR, d: 'La France' }));
    must(await as(w, 'ES_MANAGER', describePage, { id: w.id.ES, d: 'España' }));
  });
  afterAll(() => w?.app.close());

  async function play(c: MatrixCase, who: Who): Promise<void> {
    const target = c.prepare ? await c.prepare(w, who) : undefined;
    try {
      const result = await c.run(w, who, target);
      const outcome = c.expect[who];
      if (outcome === 'OK') {
        expect(result.errors).toBeUndefined();
        await c.ok?.(result.data, w, who, target);
      } else {
        // A refused nullable field (setMarketAlias) answers { field: null }; nothing else may come back.
        const returned = Object.values(result.data ?? {}).filter((value) => value !== null);
        expect({ code: errorCode(result), returned }).toEqual({ code: outcome, returned: [] });
        await c.unchanged?.(w, who, target);
      }
    } finally {
      await c.cleanup?.(w, who, target);
    }
  }

  const rows = (c: MatrixCase) => WHO.map((who) => [who, c.expect[who]] as const);

  it('holds at least 200 cases', () => {
    const cases = [READ_CASES, TREE_WRITE_CASES, TEAM_WRITE_CASES, REPLY_CASES, REPLY_WRITE_CASES, POST_CASES, CASCADE_CASES, QUEUE_READ_CASES, QUEUE_WRITE_CASES, PAGE_FIELD_CASES].reduce((sum, list) => sum + list.length, 0);
    expect(cases * WHO.length).toBeGreaterThanOrEqual(200);
  });

  describe.each([
    ['queries', READ_CASES],
    ['inbound and conversation queries', REPLY_CASES],
    ['page tree mutations', TREE_WRITE_CASES],
    ['page fields, one at a time', PAGE_FIELD_CASES],
    ['team mutations', TEAM_WRITE_CASES],
    ['inbound mutations', REPLY_WRITE_CASES],
    ['publishing', POST_CASES],
    ['cascade', CASCADE_CASES],
    ['reply queue queries', QUEUE_READ_CASES],
    ['reply queue mutations', QUEUE_WRITE_CASES],
  ] as const)('%s', (_group, cases) => {
    describe.each(cases.map((c) => [c.title, c] as const))('%s', (_title, c) => {
      it.each(rows(c))('%s → %s', async (who) => play(c, who));
    });
  });

  describe('the behaviours behind the table', () => {
    const UPDATE = 'mutation($id: ID!, $input: UpdatePageInput!) { updatePage(id: $id, input: $input) { description name } }';

    it("FR's manager updates FR's description, but a rename is FORBIDDEN and changes nothing, even alongside a free field", async () => {
      const done = await as(w, 'FR_MANAGER', UPDATE, { id: w.id.FR, input: { description: 'Bonjour' } });
      expect(done.data?.updatePage.description).toBe('Bonjour');
      const before = await pageState(w, w.id.FR);
      expect(errorCode(await as(w, 'FR_MANAGER', UPDATE, { id: w.id.FR, input: { name: 'Northwind Gaule' } }))).toBe('FORBIDDEN');
      expect(errorCode(await as(w, 'FR_MANAGER', UPDATE, { id: w.id.FR, input: { name: 'Northwind Gaule', description: 'Salut' } }))).toBe('FORBIDDEN');
      expect(await pageState(w, w.id.FR)).toEqual(before);
    });

    it("FR's manager sees nothing of ES: not the page, not in the tree, not in the history", async () => {
      const esIds = subtreeIds(w, w.id.ES);
      expect(errorCode(await as(w, 'FR_MANAGER', 'query($id: ID!) { page(id: $id) { id } }', { id: w.id.ES }))).toBe('NOT_FOUND');
      const tree = must(await as(w, 'FR_MANAGER', '{ brand(slug: "northwind") { pages { id } } }')).brand.pages.map((p: { id: string }) => p.id);
      expect(tree).toContain(w.id.FR);
      expect(tree.filter((id: string) => esIds.includes(id))).toEqual([]);
      const aboutEs = 'query($id: ID!) { auditEntries(filter: { subjectId: $id }) { totalCount } }';
      expect(must(await as(w, 'PLATFORM', aboutEs, { id: w.id.ES })).auditEntries.totalCount).toBeGreaterThan(0);
      const seen: string[] = [];
      const history = 'query($after: String) { auditEntries(first: 200, after: $after) { edges { node { subjectId } } pageInfo { endCursor hasNextPage } } }';
      for (let after: string | null = null, more = true; more; ) {
        const page: { edges: { node: { subjectId: string } }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } = must(
          await as(w, 'FR_MANAGER', history, { after }),
        ).auditEntries;
        seen.push(...page.edges.map((e) => e.node.subjectId));
        [after, more] = [page.pageInfo.endCursor, page.pageInfo.hasNextPage];
      }
      expect(seen).toContain(w.id.FR);
      expect(seen.filter((id) => esIds.includes(id))).toEqual([]);
    });

    it("FR's manager invites a teammate and grants them PUBLISHER at FR, but not MARKET_MANAGER (FORBIDDEN) nor anything at ES (NOT_FOUND)", async () => {
      const invite = 'mutation($input: InviteUserInput!) { inviteUser(input: $input) { user { id } temporaryPassword } }';
      const email = 'new.teammate@northwind.example';
      const invited = must(await as(w, 'FR_MANAGER', invite, { input: { email, displayName: 'New Teammate', role: 'MODERATOR', scopePageId: w.id.FR } })).inviteUser;
      const grant = (role: string, scopePageId: string) =>
        as(w, 'FR_MANAGER', 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { role scopePageId } }', { input: { userId: invited.user.id, role, scopePageId } });
      expect((await grant('PUBLISHER', w.id.FR)).data?.grantRole).toEqual({ role: 'PUBLISHER', scopePageId: w.id.FR });
      expect(errorCode(await grant('MARKET_MANAGER', w.id.FR))).toBe('FORBIDDEN');
      expect(errorCode(await grant('PUBLISHER', w.id.ES))).toBe('NOT_FOUND');
      const team = must(await as(w, 'FR_MANAGER', 'query($q: String!) { users(search: $q) { edges { node { roles { role } } } } }', { q: email })).users.edges;
      expect(team[0].node.roles.map((r: { role: string }) => r.role).sort()).toEqual(['MODERATOR', 'PUBLISHER']);
      const token = await login(w.app, email, invited.temporaryPassword);
      expect((await gql(w.app, `{ page(id: "${w.id.FR}") { id } }`, {}, token)).data?.page.id).toBe(w.id.FR);
    });

    it("a disabled user's token stops working at once (UNAUTHENTICATED), and so does signing in", async () => {
      const user = await newUser(w, 'PUBLISHER', w.id.FR, 'soon-disabled');
      const token = await login(w.app, user.email, user.password);
      expect((await gql(w.app, '{ me { id } }', {}, token)).data?.me.id).toBe(user.id);
      must(await as(w, 'ADMIN', 'mutation($id: ID!) { disableUser(userId: $id) { id } }', { id: user.id }));
      expect(errorCode(await gql(w.app, '{ me { id } }', {}, token))).toBe('UNAUTHENTICATED');
      await expect(login(w.app, user.email, user.password)).rejects.toThrow(/UNAUTHENTICATED/);
    });

    // Last: it takes fr.publisher's only role away.
    it("revoking a role takes effect on the holder's very next request", async () => {
      const read = () => as(w, 'FR_PUBLISHER', `{ page(id: "${w.id.FR}") { id } }`);
      expect((await read()).data?.page.id).toBe(w.id.FR);
      must(await as(w, 'ADMIN', 'mutation($id: ID!) { revokeRole(assignmentId: $id) { id } }', { id: w.assignmentId.FR_PUBLISHER }));
      expect(errorCode(await read())).toBe('NOT_FOUND');
      expect(must(await as(w, 'FR_PUBLISHER', '{ me { email } }')).me.email).toBe('fr.publisher@northwind.example');
    });
  });
});
