import { errorCode, gql, login } from '../support/graphql';
import { cascaded, childrenOf, globalPost } from '../publishing/cascade-world';
import { createPost, MUTATION } from '../publishing/publishing-world';
import { as, grant, loadWorld, must, newUser, startAccessApp, unique, WHO, type Who, type World } from './access-world';

/*
 * Issue 20, one case per defect: reads flow down a scope and up its trail, changes stay in scope
 * (DESIGN §4). Each case failed before the fix; the "keep" cases pin what already held.
 */

const GRANT = 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { userId role scopePageId brandId } }';
const CANNED = 'query($page: ID) { cannedResponses(pageId: $page, first: 200) { edges { node { id name scopePage { id name } } } } }';
const RULES = 'query($scope: ID) { routingRules(scopePageId: $scope, first: 200) { edges { node { id name scopePage { id name } } } } }';
const TEST = 'query($input: TestRoutingInput!) { testRouting(input: $input) { ruleId ruleName ruleScopePageId ruleScopePage { id name } queueId } }';
const CREATE_CANNED = 'mutation($input: CreateCannedResponseInput!) { createCannedResponse(input: $input) { id scopePage { name } } }';
const UPDATE_CANNED = 'mutation($id: ID!) { updateCannedResponse(id: $id, input: { name: "renamed" }) { id } }';
const CREATE_RULE = 'mutation($input: CreateRoutingRuleInput!) { createRoutingRule(input: $input) { id } }';
const UPDATE_RULE = 'mutation($id: ID!) { updateRoutingRule(id: $id, input: { name: "renamed" }) { id } }';
const USERS = 'query($q: String) { users(first: 200, search: $q) { edges { node { id email roles { role scopePageId } } } } }';
const UNKNOWN_PAGE = '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f';

type Edge<T> = { node: T };
const nodes = <T>(connection: { edges: Edge<T>[] }) => connection.edges.map((edge) => edge.node);

describe('issue 20: reads down the scope and up the trail, changes inside the scope', () => {
  let w: World;
  /** A brand-wide canned reply, one of EMEA's, and routing rules on both levels. */
  const trail = {} as { globalCanned: string; emeaCanned: string; globalRule: string; emeaRule: string; keyword: string };

  beforeAll(async () => {
    w = await loadWorld(await startAccessApp());
    const variants = [
      { language: 'en', body: 'Thank you {{author.firstName}}!' },
      { language: 'fr', body: 'Merci {{author.firstName}} !' },
      { language: 'es', body: '¡Gracias {{author.firstName}}!' },
    ];
    const canned = async (scopePageId: string, name: string) => must(await as(w, 'ADMIN', CREATE_CANNED, { input: { scopePageId, name, variants } })).createCannedResponse.id as string;
    trail.globalCanned = await canned(w.id.G, 'Brand thank-you');
    trail.emeaCanned = await canned(w.id.EMEA, 'EMEA returns policy');
    const queues = must(await as(w, 'PLATFORM', '{ replyQueues(first: 200) { edges { node { id scopePageId isDefault } } } }')).replyQueues;
    const globalQueue = nodes<{ id: string; scopePageId: string; isDefault: boolean }>(queues).find((q) => q.scopePageId === w.id.G && q.isDefault)!.id;
    trail.keyword = unique('recall');
    const rule = async (scopePageId: string, name: string, keywords: string[]) =>
      must(await as(w, 'ADMIN', CREATE_RULE, { input: { scopePageId, name, queueId: globalQueue, conditions: { keywords } } })).createRoutingRule.id as string;
    trail.globalRule = await rule(w.id.G, 'Brand crisis words', [trail.keyword]);
    trail.emeaRule = await rule(w.id.EMEA, 'EMEA returns', [unique('never-said')]);
  });
  afterAll(() => w?.app.close());

  it('1. the platform admin grants PLATFORM_ADMIN to an existing user; everyone else is FORBIDDEN; a second grant is CONFLICT', async () => {
    // Holds roles at FR and ES: every demo user reads them, so a refusal is FORBIDDEN, never NOT_FOUND.
    const user = await newUser(w, 'PUBLISHER', w.id.FR, 'future-platform');
    await grant(w, user.id, 'ANALYST', w.id.ES);
    const input = { userId: user.id, role: 'PLATFORM_ADMIN', scopePageId: null };
    for (const who of WHO.filter((who) => who !== 'PLATFORM')) expect([who, errorCode(await as(w, who, GRANT, { input }))]).toEqual([who, 'FORBIDDEN']);
    expect(must(await as(w, 'PLATFORM', GRANT, { input })).grantRole).toEqual({ userId: user.id, role: 'PLATFORM_ADMIN', scopePageId: null, brandId: null });
    expect(errorCode(await as(w, 'PLATFORM', GRANT, { input }))).toBe('CONFLICT');
    // The grant works at once: the new platform admin reads what no brand role reaches.
    const token = await login(w.app, user.email, user.password);
    expect(must(await gql(w.app, '{ unmatchedInboundCount }', {}, token)).unmatchedInboundCount).toBe(0);
  });

  it("2. FR's and ES's managers and moderators list the global page's and EMEA's canned replies and routing rules, each with its origin", async () => {
    const readers: Who[] = ['FR_MANAGER', 'FR_MODERATOR', 'ES_MANAGER'];
    for (const who of readers) {
      const canned = nodes<{ id: string; scopePage: { name: string } }>(must(await as(w, who, CANNED, {})).cannedResponses);
      expect([who, canned.filter((c) => [trail.globalCanned, trail.emeaCanned].includes(c.id)).map((c) => c.scopePage.name).sort()]).toEqual([who, ['Northwind', 'Northwind EMEA']]);
      const rules = nodes<{ id: string; scopePage: { name: string } }>(must(await as(w, who, RULES, {})).routingRules);
      expect([who, rules.filter((r) => [trail.globalRule, trail.emeaRule].includes(r.id)).map((r) => r.scopePage.name).sort()]).toEqual([who, ['Northwind', 'Northwind EMEA']]);
    }
    // EMEA's analyst: the global page's, EMEA's own being under its scope.
    const analyst = nodes<{ id: string }>(must(await as(w, 'ANALYST', CANNED, {})).cannedResponses).map((c) => c.id);
    expect(analyst).toEqual(expect.arrayContaining([trail.globalCanned, trail.emeaCanned]));
    const analystRules = nodes<{ id: string }>(must(await as(w, 'ANALYST', RULES, { scope: w.id.G })).routingRules).map((r) => r.id);
    expect(analystRules).toContain(trail.globalRule);
  });

  it("2. the moderator's picker on an FR segment offers FR's own and the trail's canned replies, marked by origin", async () => {
    const own = must(await as(w, 'FR_MANAGER', CREATE_CANNED, { input: { scopePageId: w.id.FR, name: unique('FR bonjour'), variants: [{ language: 'fr', body: 'Bonjour !' }] } })).createCannedResponse;
    expect(own.scopePage.name).toBe('Northwind France');
    const picker = nodes<{ id: string; scopePage: { id: string } }>(must(await as(w, 'FR_MODERATOR', CANNED, { page: w.id.frConsumer })).cannedResponses);
    const origin = Object.fromEntries(picker.map((c) => [c.id, c.scopePage.id]));
    expect(origin).toMatchObject({ [own.id]: w.id.FR, [trail.emeaCanned]: w.id.EMEA, [trail.globalCanned]: w.id.G });
  });

  it("2. markets may not edit the trail's (FORBIDDEN), may add their own, and an ES page named by FR reads like a missing one", async () => {
    for (const who of ['FR_MANAGER', 'ES_MANAGER'] as Who[]) {
      expect([who, errorCode(await as(w, who, UPDATE_CANNED, { id: trail.globalCanned }))]).toEqual([who, 'FORBIDDEN']);
      expect([who, errorCode(await as(w, who, UPDATE_CANNED, { id: trail.emeaCanned }))]).toEqual([who, 'FORBIDDEN']);
      expect([who, errorCode(await as(w, who, UPDATE_RULE, { id: trail.emeaRule }))]).toEqual([who, 'FORBIDDEN']);
      expect([who, errorCode(await as(w, who, 'mutation($id: ID!) { deleteCannedResponse(id: $id) }', { id: trail.globalCanned }))]).toEqual([who, 'FORBIDDEN']);
    }
    expect(errorCode(await as(w, 'FR_MODERATOR', UPDATE_CANNED, { id: trail.globalCanned }))).toBe('FORBIDDEN');
    // Named in an input, a page out of reach and a missing page answer alike.
    expect(errorCode(await as(w, 'FR_MODERATOR', CANNED, { page: w.id.ES }))).toBe('NOT_FOUND');
    expect(errorCode(await as(w, 'FR_MODERATOR', CANNED, { page: UNKNOWN_PAGE }))).toBe('NOT_FOUND');
    const names = nodes<{ name: string }>(must(await as(w, 'PLATFORM', CANNED, {})).cannedResponses).map((c) => c.name);
    expect(names).not.toContain('renamed');
  });

  it('2. the routing tester shows which rule matched and from which level: the global page’s, for an FR comment', async () => {
    for (const who of ['FR_MANAGER', 'FR_MODERATOR'] as Who[]) {
      const test = must(await as(w, who, TEST, { input: { pageId: w.id.frConsumer, text: `Un ${trail.keyword} ?` } })).testRouting;
      expect([who, test]).toEqual([who, expect.objectContaining({ ruleId: trail.globalRule, ruleName: 'Brand crisis words', ruleScopePageId: w.id.G, ruleScopePage: { id: w.id.G, name: 'Northwind' } })]);
    }
    const fallback = must(await as(w, 'FR_MODERATOR', TEST, { input: { pageId: w.id.FR, text: 'Bonjour' } })).testRouting;
    expect(fallback).toMatchObject({ ruleId: null, ruleScopePage: null });
  });

  it("3. FR's publisher reads every FR post (the calendar) and edits only its own drafts", async () => {
    const managers = await createPost(w, 'FR_MANAGER', [w.id.FR]);
    const mine = await createPost(w, 'FR_PUBLISHER', [w.id.frConsumer]);
    const es = await createPost(w, 'ES_MANAGER', [w.id.ES]);
    expect(must(await as(w, 'FR_PUBLISHER', 'query($id: ID!) { post(id: $id) { id authorId } }', { id: managers.id })).post).toEqual({ id: managers.id, authorId: w.userId.FR_MANAGER });
    const listed = nodes<{ id: string }>(must(await as(w, 'FR_PUBLISHER', '{ posts(first: 200) { edges { node { id } } } }')).posts).map((p) => p.id);
    expect(listed).toEqual(expect.arrayContaining([managers.id, mine.id]));
    expect(listed).not.toContain(es.id);
    expect(errorCode(await as(w, 'FR_PUBLISHER', 'query($id: ID!) { post(id: $id) { id } }', { id: es.id }))).toBe('NOT_FOUND');
    const edit = (post: { id: string; version: number }) => as(w, 'FR_PUBLISHER', MUTATION.update, { id: post.id, version: post.version, input: { body: 'Édité #northwind' } });
    expect(errorCode(await edit(managers))).toBe('FORBIDDEN');
    expect(errorCode(await as(w, 'FR_PUBLISHER', MUTATION.submit, { id: managers.id, version: managers.version }))).toBe('FORBIDDEN');
    expect(must(await edit(mine)).updatePost.body).toBe('Édité #northwind');
  });

  it('3. keeps a global post cascaded to FR the brand team’s: FR’s publisher reads FR’s child, not the global post', async () => {
    const parent = await globalPost(w);
    await cascaded(w, parent.id, [w.id.FR]);
    const child = (await childrenOf(w, parent.id)).get(w.id.FR)!;
    const seen = must(await as(w, 'FR_PUBLISHER', 'query($id: ID!) { post(id: $id) { id parentPostId } }', { id: child.id })).post;
    expect(seen).toEqual({ id: child.id, parentPostId: parent.id });
    expect(errorCode(await as(w, 'FR_PUBLISHER', 'query($id: ID!) { post(id: $id) { id } }', { id: parent.id }))).toBe('NOT_FOUND');
    const listed = nodes<{ id: string }>(must(await as(w, 'FR_PUBLISHER', '{ posts(first: 200) { edges { node { id } } } }')).posts).map((p) => p.id);
    expect(listed).not.toContain(parent.id);
  });

  it('4. a moderator, an analyst and a publisher read the users holding a role under their scope, and only those roles', async () => {
    const colleague = await newUser(w, 'MODERATOR', w.id.frConsumer, 'colleague');
    await grant(w, colleague.id, 'PUBLISHER', w.id.US);
    const team = async (who: Who) => nodes<{ email: string; roles: { role: string; scopePageId: string }[] }>(must(await as(w, who, USERS, {})).users);
    for (const who of ['FR_MODERATOR', 'FR_PUBLISHER', 'ANALYST'] as Who[]) {
      const seen = await team(who);
      expect([who, seen.find((u) => u.email === colleague.email)?.roles]).toEqual([who, [{ role: 'MODERATOR', scopePageId: w.id.frConsumer }]]);
      expect([who, seen.map((u) => u.email)]).toEqual([who, expect.arrayContaining(['fr.manager@northwind.example', 'fr.moderator@northwind.example', 'fr.publisher@northwind.example'])]);
      // Never the team above the scope: the brand admin holds its role at the global page.
      expect([who, seen.some((u) => u.email === 'admin@northwind.example')]).toEqual([who, false]);
    }
    expect((await team('ANALYST')).map((u) => u.email)).toContain('es.manager@northwind.example');
    expect((await team('FR_MODERATOR')).map((u) => u.email)).not.toContain('es.manager@northwind.example');
    expect((await team('ES_MANAGER')).map((u) => u.email)).not.toContain(colleague.email);
  });

  it("5. FR's moderator reads FR's routing rules, read only: the list, the tester; writing them is FORBIDDEN", async () => {
    const queue = nodes<{ id: string; scopePageId: string; isDefault: boolean }>(must(await as(w, 'FR_MANAGER', '{ replyQueues(first: 200) { edges { node { id scopePageId isDefault } } } }')).replyQueues).find(
      (q) => q.scopePageId === w.id.FR && q.isDefault,
    )!.id;
    const own = must(await as(w, 'FR_MANAGER', CREATE_RULE, { input: { scopePageId: w.id.FR, name: unique('FR rule'), queueId: queue, conditions: { keywords: ['bonjour'] } } })).createRoutingRule.id;
    const rules = nodes<{ id: string; scopePage: { id: string } }>(must(await as(w, 'FR_MODERATOR', RULES, { scope: w.id.FR })).routingRules);
    expect(rules.map((r) => [r.id, r.scopePage.id])).toContainEqual([own, w.id.FR]);
    expect(must(await as(w, 'FR_MODERATOR', TEST, { input: { pageId: w.id.FR, text: 'bonjour' } })).testRouting.ruleId).toBe(own);
    expect(errorCode(await as(w, 'FR_MODERATOR', UPDATE_RULE, { id: own }))).toBe('FORBIDDEN');
    expect(errorCode(await as(w, 'FR_MODERATOR', CREATE_RULE, { input: { scopePageId: w.id.FR, name: 'mine', queueId: queue } }))).toBe('FORBIDDEN');
  });

  it('keeps: the analyst changes nothing, and a queue above the scope stays out of reach of those who are not its members', async () => {
    expect(errorCode(await as(w, 'ANALYST', UPDATE_CANNED, { id: trail.emeaCanned }))).toBe('FORBIDDEN');
    expect(errorCode(await as(w, 'ANALYST', UPDATE_RULE, { id: trail.globalRule }))).toBe('FORBIDDEN');
    expect(errorCode(await as(w, 'ANALYST', CREATE_CANNED, { input: { scopePageId: w.id.EMEA, name: 'x', variants: [{ language: 'en', body: 'x' }] } }))).toBe('FORBIDDEN');
    const globalQueues = nodes<{ id: string; scopePageId: string }>(must(await as(w, 'PLATFORM', '{ replyQueues(first: 200) { edges { node { id scopePageId } } } }')).replyQueues).filter((q) => q.scopePageId === w.id.G);
    for (const who of ['FR_MODERATOR', 'FR_MANAGER', 'ANALYST'] as Who[]) {
      expect([who, errorCode(await as(w, who, 'query($id: ID!) { replyQueue(id: $id) { id } }', { id: globalQueues[0].id }))]).toEqual([who, 'NOT_FOUND']);
    }
  });
});
