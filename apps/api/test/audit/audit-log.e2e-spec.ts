import { archive, loadWorld, pageState, startAccessApp, subtreeIds, type Who, type World } from '../access/access-world';
import { errorCode, ES_MANAGER, FR_MANAGER, FR_PUBLISHER, gql, login } from '../support/graphql';
import { startTestApp, type TestApp } from '../support/test-app';
import { AuditTable, call, newRequestId, type StoredEntry } from './audit-fixture';

/*
 * DESIGN §7: every mutation writes its audit entry (actor, action, subject, scope, request id,
 * before/after of the changed fields only) in the same transaction as the change; a refused or
 * failed mutation writes nothing; the database refuses to change history.
 */
describe('audit log: one entry per change, written in the change’s transaction', () => {
  let w: World;
  let table: AuditTable;

  beforeAll(async () => {
    w = await loadWorld(await startAccessApp());
    table = await AuditTable.open(w.app.databaseUrl);
    await archive(w, w.id.frStudent); // frees the student slot under FR for createPage
  });
  afterAll(async () => {
    await table?.close();
    await w?.app.close();
  });

  /** Runs a mutation that must succeed, with its own request id; returns its data and the entries stored under that id. */
  async function audited(who: Who, query: string, variables: Record<string, unknown> = {}) {
    const requestId = newRequestId(query.slice(9, 40));
    const result = await call(w, who, query, variables, requestId);
    expect(result.errors).toBeUndefined();
    return { data: result.data as Record<string, any>, entries: await table.byRequest(requestId), requestId };
  }

  function expectEntry(entry: StoredEntry, expected: Omit<StoredEntry, 'id' | 'seq' | 'occurredAt' | 'actorId'> & { actor: Who }): void {
    const { actor, ...rest } = expected;
    expect(entry).toEqual({ ...rest, actorId: w.userId[actor], id: expect.any(String), seq: expect.any(String), occurredAt: expect.any(Date) });
  }

  /** Rows written by one transaction share its id (xmin). */
  async function expectSameTransaction(entry: StoredEntry, subjectTable: Parameters<AuditTable['xmin']>[0], id: string): Promise<void> {
    const subject = await table.xmin(subjectTable, id);
    expect(subject).toBeDefined();
    expect(await table.xmin('audit_entries', entry.id)).toBe(subject);
  }

  const UPDATE = 'mutation($id: ID!, $input: UpdatePageInput!) { updatePage(id: $id, input: $input) { id } }';
  const ALIAS = 'mutation($input: SetMarketAliasInput!) { setMarketAlias(input: $input) { id } }';
  const change = (before: unknown, after: unknown) => ({ before, after });

  it('createBrand writes one brand.create entry with every field it set', async () => {
    const { data, entries, requestId } = await audited('PLATFORM', 'mutation { createBrand(input: { slug: "fabrikam", name: "Fabrikam" }) { id } }');
    const id = data.createBrand.id;
    expect(entries).toHaveLength(1);
    expectEntry(entries[0], {
      actor: 'PLATFORM', action: 'brand.create', subjectType: 'Brand', subjectId: id, brandId: id, scopeIds: [], requestId,
      changes: {
        slug: change(null, 'fabrikam'), name: change(null, 'Fabrikam'), defaultNetwork: change(null, 'facebook'),
        audiences: change(null, ['consumer', 'business', 'developer', 'student']), segmentFallback: change(null, 'MARKET_PAGE'),
      },
    });
    await expectSameTransaction(entries[0], 'brands', id);
  });

  it('createPage writes one page.create entry at the new page’s scope, the fields it set after, nothing before', async () => {
    const input = { brandId: w.brandId, kind: 'SEGMENT', parentId: w.id.FR, segment: 'student', name: 'Northwind Étudiants', url: 'https://www.facebook.com/nw.fr.etu' };
    const { data, entries, requestId } = await audited('FR_MANAGER', 'mutation($input: CreatePageInput!) { createPage(input: $input) { id } }', { input });
    const id = data.createPage.id;
    expect(entries).toHaveLength(1);
    const { changes, ...entry } = entries[0];
    expect(entry).toMatchObject({ actorId: w.userId.FR_MANAGER, action: 'page.create', subjectType: 'Page', subjectId: id, brandId: w.brandId, requestId });
    expect(entry.scopeIds).toEqual(await table.scopeOf('pages', id));
    expect(entry.scopeIds.slice(-2)).toEqual([w.id.FR, id]);
    expect(changes).toMatchObject({ kind: change(null, 'SEGMENT'), parentId: change(null, w.id.FR), name: change(null, input.name), url: change(null, input.url), segment: change(null, 'student'), status: change(null, 'ACTIVE') });
    for (const [field, { before, after }] of Object.entries(changes)) expect({ field, before, afterIsSet: after !== null }).toEqual({ field, before: null, afterIsSet: true });
    expect(Object.keys(changes)).not.toEqual(expect.arrayContaining(['scopeIds']));
    await expectSameTransaction(entries[0], 'pages', id);
  });

  it('updatePage writes one page.update entry holding only the changed field, and the API shows it with its request id', async () => {
    const before = await pageState(w, w.id.FR);
    const { entries, requestId } = await audited('FR_MANAGER', UPDATE, { id: w.id.FR, input: { description: 'Bienvenue', url: before.url } });
    expect(entries).toHaveLength(1);
    expectEntry(entries[0], {
      actor: 'FR_MANAGER', action: 'page.update', subjectType: 'Page', subjectId: w.id.FR, brandId: w.brandId, requestId,
      scopeIds: await table.scopeOf('pages', w.id.FR), changes: { description: change(before.description, 'Bienvenue') },
    });
    await expectSameTransaction(entries[0], 'pages', w.id.FR);
    const listed = await call(w, 'FR_MANAGER', 'query($id: ID!) { auditEntries(filter: { subjectId: $id }, first: 1) { edges { node { actorId actorName action requestId changes { field before after } } } } }', { id: w.id.FR });
    expect(listed.data?.auditEntries.edges[0].node).toEqual({
      actorId: w.userId.FR_MANAGER, actorName: 'Fleur Manager', action: 'page.update', requestId,
      changes: [{ field: 'description', before: JSON.stringify(before.description), after: '"Bienvenue"' }],
    });
  });

  it('archivePage writes one page.archive entry per page of the subtree it archives, all in one transaction', async () => {
    const subtree = subtreeIds(w, w.id.DE);
    const { entries, requestId } = await audited('ADMIN', 'mutation($id: ID!) { archivePage(id: $id) { id } }', { id: w.id.DE });
    expect(entries.map((e) => e.subjectId).sort()).toEqual([...subtree].sort());
    for (const entry of entries) {
      expect(entry).toMatchObject({ actorId: w.userId.ADMIN, action: 'page.archive', subjectType: 'Page', requestId, changes: { status: change('ACTIVE', 'ARCHIVED') } });
      expect(Object.keys(entry.changes)).toEqual(['status']);
      expect(entry.scopeIds).toEqual(await table.scopeOf('pages', entry.subjectId));
      await expectSameTransaction(entry, 'pages', entry.subjectId);
    }
    expect(new Set(await Promise.all(entries.map((e) => table.xmin('audit_entries', e.id)))).size).toBe(1);
  });

  it('restorePage writes one page.restore entry', async () => {
    const { entries, requestId } = await audited('ADMIN', 'mutation($id: ID!) { restorePage(id: $id) { id } }', { id: w.id.DE });
    expect(entries).toHaveLength(1);
    expectEntry(entries[0], {
      actor: 'ADMIN', action: 'page.restore', subjectType: 'Page', subjectId: w.id.DE, brandId: w.brandId, requestId,
      scopeIds: await table.scopeOf('pages', w.id.DE), changes: { status: change('ARCHIVED', 'ACTIVE') },
    });
    await expectSameTransaction(entries[0], 'pages', w.id.DE);
  });

  it('setMarketAlias writes alias.create, alias.update and alias.remove, each at the scope of the market serving the country', async () => {
    const created = await audited('FR_MANAGER', ALIAS, { input: { brandId: w.brandId, country: 'AD', marketPageId: w.id.FR } });
    const aliasId = created.data.setMarketAlias.id;
    const common = { subjectType: 'MarketAlias', subjectId: aliasId, brandId: w.brandId };
    expect(created.entries).toHaveLength(1);
    expectEntry(created.entries[0], {
      ...common, actor: 'FR_MANAGER', action: 'alias.create', requestId: created.requestId, scopeIds: await table.scopeOf('pages', w.id.FR),
      changes: { network: change(null, 'facebook'), country: change(null, 'AD'), marketPageId: change(null, w.id.FR) },
    });
    await expectSameTransaction(created.entries[0], 'market_aliases', aliasId);

    const moved = await audited('ADMIN', ALIAS, { input: { brandId: w.brandId, country: 'AD', marketPageId: w.id.ES } });
    expect(moved.entries).toHaveLength(1);
    expectEntry(moved.entries[0], {
      ...common, actor: 'ADMIN', action: 'alias.update', requestId: moved.requestId, scopeIds: await table.scopeOf('pages', w.id.ES),
      changes: { marketPageId: change(w.id.FR, w.id.ES) },
    });

    const removed = await audited('ADMIN', ALIAS, { input: { brandId: w.brandId, country: 'AD', marketPageId: null } });
    expect(removed.entries).toHaveLength(1);
    expectEntry(removed.entries[0], {
      ...common, actor: 'ADMIN', action: 'alias.remove', requestId: removed.requestId, scopeIds: await table.scopeOf('pages', w.id.ES),
      changes: { network: change('facebook', null), country: change('AD', null), marketPageId: change(w.id.ES, null) },
    });
  });

  describe('the team', () => {
    let invited: { userId: string; assignmentId: string };

    it('inviteUser writes one entry per record it creates, the user (no password) and its role, under one request id', async () => {
      const input = { email: 'lea@northwind.example', displayName: 'Léa', role: 'MODERATOR', scopePageId: w.id.FR };
      const { data, entries, requestId } = await audited('FR_MANAGER', 'mutation($input: InviteUserInput!) { inviteUser(input: $input) { user { id } assignment { id } } }', { input });
      invited = { userId: data.inviteUser.user.id, assignmentId: data.inviteUser.assignment.id };
      const scopeIds = await table.scopeOf('pages', w.id.FR);
      expect(entries.map((e) => e.action)).toEqual(['user.invite', 'role.grant']);
      expectEntry(entries[0], {
        actor: 'FR_MANAGER', action: 'user.invite', subjectType: 'User', subjectId: invited.userId, brandId: w.brandId, scopeIds, requestId,
        changes: { email: change(null, input.email), displayName: change(null, 'Léa') },
      });
      expectEntry(entries[1], {
        actor: 'FR_MANAGER', action: 'role.grant', subjectType: 'RoleAssignment', subjectId: invited.assignmentId, brandId: w.brandId, scopeIds, requestId,
        changes: { userId: change(null, invited.userId), role: change(null, 'MODERATOR'), scopePageId: change(null, w.id.FR) },
      });
      await expectSameTransaction(entries[0], 'users', invited.userId);
      await expectSameTransaction(entries[1], 'role_assignments', invited.assignmentId);
    });

    it('grantRole writes one role.grant entry; revokeRole one role.revoke entry with the role as it was', async () => {
      const granted = await audited('FR_MANAGER', 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { id } }', {
        input: { userId: invited.userId, role: 'PUBLISHER', scopePageId: w.id.frConsumer },
      });
      const id = granted.data.grantRole.id;
      const fields = { userId: invited.userId, role: 'PUBLISHER', scopePageId: w.id.frConsumer };
      const common = { actor: 'FR_MANAGER' as const, subjectType: 'RoleAssignment', subjectId: id, brandId: w.brandId, scopeIds: await table.scopeOf('pages', w.id.frConsumer) };
      expect(granted.entries).toHaveLength(1);
      expectEntry(granted.entries[0], { ...common, action: 'role.grant', requestId: granted.requestId, changes: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, change(null, v)])) });
      await expectSameTransaction(granted.entries[0], 'role_assignments', id);

      const revoked = await audited('FR_MANAGER', 'mutation($id: ID!) { revokeRole(assignmentId: $id) { id } }', { id });
      expect(revoked.entries).toHaveLength(1);
      expectEntry(revoked.entries[0], { ...common, action: 'role.revoke', requestId: revoked.requestId, changes: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, change(v, null)])) });
    });

    it('disableUser writes one user.disable entry', async () => {
      const { entries, requestId } = await audited('ADMIN', 'mutation($id: ID!) { disableUser(userId: $id) { id } }', { id: invited.userId });
      expect(entries).toHaveLength(1);
      expectEntry(entries[0], {
        actor: 'ADMIN', action: 'user.disable', subjectType: 'User', subjectId: invited.userId, brandId: w.brandId, requestId,
        scopeIds: await table.scopeOf('pages', w.id.FR), changes: { disabled: change(false, true) },
      });
      await expectSameTransaction(entries[0], 'users', invited.userId);
    });

    it('a mutation that changes nothing writes nothing: disabling a disabled user', async () => {
      const { entries } = await audited('ADMIN', 'mutation($id: ID!) { disableUser(userId: $id) { id } }', { id: invited.userId });
      expect(entries).toEqual([]);
    });
  });

  it.each<[string, Who, string, (w: World) => Record<string, unknown>]>([
    ['updatePage with the values the page has', 'ADMIN', UPDATE, (w) => ({ id: w.id.ES, input: { name: 'Northwind España' } })],
    ['restorePage on an active page', 'ADMIN', 'mutation($id: ID!) { restorePage(id: $id) { id } }', (w) => ({ id: w.id.ES })],
    ['archivePage on an archived page', 'ADMIN', 'mutation($id: ID!) { archivePage(id: $id) { id } }', (w) => ({ id: w.id.frStudent })],
    ['setMarketAlias removing a country with no alias', 'ADMIN', ALIAS, (w) => ({ input: { brandId: w.brandId, country: 'SM', marketPageId: null } })],
    // Fails until setMarketAlias returns early when the alias already points there (it writes an entry with no change).
    ['setMarketAlias sending the alias it already has', 'ADMIN', ALIAS, (w) => ({ input: { brandId: w.brandId, country: 'LU', marketPageId: w.id.FR } })],
  ])('a mutation that changes nothing writes nothing: %s', async (_label, who, query, variables) => {
    const { entries } = await audited(who, query, variables(w));
    expect(entries).toEqual([]);
  });

  const REFUSED: [string, Who, string, (w: World) => Record<string, unknown>, string][] = [
    ['createPage with a malformed url', 'ADMIN', 'mutation($input: CreatePageInput!) { createPage(input: $input) { id } }', (w) => ({ input: { brandId: w.brandId, kind: 'SEGMENT', parentId: w.id.ES, segment: 'student', name: 'x', url: 'nope' } }), 'BAD_USER_INPUT'],
    ['updatePage with a malformed url', 'FR_MANAGER', UPDATE, (w) => ({ id: w.id.FR, input: { description: 'new', url: 'nope' } }), 'BAD_USER_INPUT'],
    ['a rename by the FR manager, even alongside a free field', 'FR_MANAGER', UPDATE, (w) => ({ id: w.id.FR, input: { name: 'Gaule', description: 'new' } }), 'FORBIDDEN'],
    ['an update by a publisher', 'FR_PUBLISHER', UPDATE, (w) => ({ id: w.id.FR, input: { description: 'new' } }), 'FORBIDDEN'],
    ['an update with a stale expectedVersion', 'ADMIN', UPDATE, (w) => ({ id: w.id.FR, input: { description: 'new', expectedVersion: 0 } }), 'CONFLICT'],
    ['createBrand with a slug taken', 'PLATFORM', 'mutation { createBrand(input: { slug: "northwind", name: "Copy" }) { id } }', () => ({}), 'CONFLICT'],
    ['inviteUser with an email in use', 'ADMIN', 'mutation($input: InviteUserInput!) { inviteUser(input: $input) { user { id } } }', (w) => ({ input: { email: 'fr.publisher@northwind.example', displayName: 'Twin', role: 'PUBLISHER', scopePageId: w.id.FR } }), 'CONFLICT'],
    ['grantRole of a role held there already', 'ADMIN', 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { id } }', (w) => ({ input: { userId: w.userId.FR_PUBLISHER, role: 'PUBLISHER', scopePageId: w.id.FR } }), 'CONFLICT'],
    ['an update of ES by the FR manager', 'FR_MANAGER', UPDATE, (w) => ({ id: w.id.ES, input: { description: 'new' } }), 'NOT_FOUND'],
  ];

  it.each(REFUSED)('a refused mutation writes nothing: %s (%s)', async (_label, who, query, variables, code) => {
    const before = await table.count();
    const requestId = newRequestId('refused');
    expect(errorCode(await call(w, who, query, variables(w), requestId))).toBe(code);
    expect(await table.byRequest(requestId)).toEqual([]);
    expect(await table.count()).toBe(before);
  });

  describe('the database refuses to change history, even to the application’s own database user', () => {
    it.each([
      ['UPDATE', (id: string) => [`UPDATE audit_entries SET action = 'page.forged' WHERE id = $1`, [id]] as const],
      ['DELETE', (id: string) => ['DELETE FROM audit_entries WHERE id = $1', [id]] as const],
      ['TRUNCATE', () => ['TRUNCATE audit_entries', []] as const],
    ])('%s is refused and the entry stays as it was', async (_verb, statement) => {
      const [entry] = await table.where('TRUE');
      const before = await table.count();
      const [sql, params] = statement(entry.id);
      await expect(table.db.query(sql, [...params])).rejects.toMatchObject({ code: '42501' });
      expect(await table.where('id = $1', [entry.id])).toEqual([entry]);
      expect(await table.count()).toBe(before);
    });
  });
});

describe('sign-in history', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('a successful sign-in is recorded for whoever governs the user; a failed one writes nothing', async () => {
    const query = `{ auditEntries(filter: { action: "user.sign_in" }) { totalCount edges { node { actorName requestId } } } }`;
    const frManager = await login(app, FR_MANAGER);
    const esManager = await login(app, ES_MANAGER);
    const before = (await gql(app, query, {}, frManager)).data!.auditEntries.totalCount as number;
    await gql(app, 'mutation { login(email: "fr.publisher@northwind.example", password: "wrong") { accessToken } }');
    expect((await gql(app, query, {}, frManager)).data!.auditEntries.totalCount).toBe(before);
    await login(app, FR_PUBLISHER);
    const after = await gql(app, query, {}, frManager);
    expect(after.data!.auditEntries.totalCount).toBe(before + 1);
    expect(after.data!.auditEntries.edges[0].node.actorName).toBe('Félix Publisher');
    // ES's manager governs nobody in FR: the FR publisher's sign-in is not theirs to see.
    const es = await gql(app, query, {}, esManager);
    expect(es.data!.auditEntries.edges.map((e: { node: { actorName: string } }) => e.node.actorName)).not.toContain('Félix Publisher');
  });
});
