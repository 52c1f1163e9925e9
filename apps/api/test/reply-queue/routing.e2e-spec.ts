import { as, must } from '../access/access-world';
import { RoutingDispatcher } from '../../src/reply-queue/routing/routing-dispatcher';
import { errorCode } from '../support/graphql';
import { startTestApp } from '../support/test-app';
import { delivery, PAGE, postSigned, uid, WEBHOOK_ENV } from './inbound-fixture';
import { CREATE_QUEUE, importItem, loadQueueWorld, newQueue, queueInput, routed, type QueueWorld } from './queue-world';

const CREATE_RULE = `mutation($input: CreateRoutingRuleInput!) { createRoutingRule(input: $input) { id position scopePageId queueId priority tags enabled } }`;
const MOVE_RULE = `mutation($id: ID!, $position: Int!) { moveRoutingRule(id: $id, position: $position) { id position } }`;
const TEST = `query($input: TestRoutingInput!) { testRouting(input: $input) { queueId queueName ruleId ruleName priority tags trail } }`;
const RULES = `query($scope: ID) { routingRules(scopePageId: $scope) { totalCount edges { node { id name position } } } }`;

describe('routing conversations into queues', () => {
  let w: QueueWorld;
  const rule = (who: Parameters<typeof as>[1], input: Record<string, unknown>) => as(w, who, CREATE_RULE, { input: { name: uid('rule'), ...input } });

  beforeAll(async () => {
    w = await loadQueueWorld(await startTestApp(WEBHOOK_ENV));
  });
  afterAll(async () => {
    await w?.db.end();
    await w?.app.close();
  });

  it('sends a conversation no rule matches to the default queue of the nearest scope: the market, else the global page', async () => {
    const onSegment = await routed(w, await importItem(w, { page: PAGE.frConsumer }));
    expect({ queue: onSegment.queue_id, priority: onSegment.priority, rule: onSegment.rule_id }).toEqual({ queue: w.queue.FR, priority: 'NORMAL', rule: null });
    expect(onSegment.response_due_at).not.toBeNull();
    // The EMEA region page has no queue of its own: the brand's global default takes it.
    const emea = await routed(w, await importItem(w, { page: 'fb-northwind.emea', language: 'en' }));
    expect(emea.queue_id).toBe(w.queue.G);
    const audit = await w.db.query(`SELECT changes FROM audit_entries WHERE action = 'conversation.route' AND subject_id = $1`, [onSegment.id]);
    expect(audit.rows[0].changes.queueId).toEqual({ before: null, after: w.queue.FR });
  });

  it("routes by a market rule's keyword to its queue with its priority and tags, and a webhook delivery the same way", async () => {
    const billing = await newQueue(w, w.id.FR);
    const created = must(await rule('FR_MANAGER', { scopePageId: w.id.FR, queueId: billing, priority: 'HIGH', tags: ['billing'], conditions: { keywords: ['remboursement'] } }));
    const hit = await routed(w, await importItem(w, { page: PAGE.frConsumer, text: 'Je veux un remboursement !' }));
    expect({ queue: hit.queue_id, priority: hit.priority, rank: hit.priority_rank, tags: hit.tags, rule: hit.rule_id }).toEqual({
      queue: billing,
      priority: 'HIGH',
      rank: 2,
      tags: ['billing'],
      rule: created.createRoutingRule.id,
    });
    const miss = await routed(w, await importItem(w, { page: PAGE.frConsumer, text: 'Les remboursements ?' }));
    expect(miss.queue_id).toBe(w.queue.FR);

    const comment = { page: PAGE.FR, id: uid('c'), post: uid('p'), author: uid('a'), message: 'remboursement SVP' };
    expect((await postSigned(w.app, delivery([comment]))).status).toBe(200);
    const { rows } = await w.db.query(`SELECT conversation_id FROM inbound_items WHERE external_id = $1`, [comment.id]);
    expect((await routed(w, rows[0].conversation_id)).queue_id).toBe(billing);
  });

  it('tries market and brand rules by position, the market first at equal positions, and says why', async () => {
    const brandQueue = await newQueue(w, w.id.G);
    const marketQueue = await newQueue(w, w.id.FR);
    const keyword = uid('colis').replace(/-/g, '');
    const brandRule = must(await rule('ADMIN', { scopePageId: w.id.G, queueId: brandQueue, priority: 'URGENT', conditions: { keywords: [keyword] }, position: 0 })).createRoutingRule;
    const marketRule = must(await rule('FR_MANAGER', { scopePageId: w.id.FR, queueId: marketQueue, conditions: { keywords: [keyword] }, position: 0 })).createRoutingRule;
    const ask = () => as(w, 'FR_MANAGER', TEST, { input: { pageId: w.id.frConsumer, text: `mon ${keyword} est perdu`, language: 'fr' } });

    const first = must(await ask()).testRouting;
    expect({ rule: first.ruleId, queue: first.queueId, priority: first.priority }).toEqual({ rule: marketRule.id, queue: marketQueue, priority: 'NORMAL' });
    expect(first.trail.at(-1)).toMatch(/matched/);

    // Moved behind another FR rule, the market's rule now comes after the brand's position 0.
    must(await rule('FR_MANAGER', { scopePageId: w.id.FR, queueId: marketQueue, conditions: { keywords: ['jamais-ecrit'] }, position: 0 }));
    const moved = must(await as(w, 'FR_MANAGER', MOVE_RULE, { id: marketRule.id, position: 5 })).moveRoutingRule;
    expect(moved.map((r: { position: number }) => r.position)).toEqual(moved.map((_: unknown, i: number) => i));
    expect(moved.at(-1).id).toBe(marketRule.id);
    const second = must(await ask()).testRouting;
    expect({ rule: second.ruleId, queue: second.queueId, priority: second.priority, name: second.queueName }).toMatchObject({ rule: brandRule.id, queue: brandQueue, priority: 'URGENT' });
    expect(second.trail.some((line: string) => line.includes('no keyword among jamais-ecrit'))).toBe(true);
  });

  it('tests author flags and languages without storing anything', async () => {
    const vip = await newQueue(w, w.id.FR);
    must(await rule('FR_MANAGER', { scopePageId: w.id.FR, queueId: vip, priority: 'URGENT', conditions: { authorFlags: ['VIP'], languages: ['fr'] } }));
    const ask = (authorFlags: string[], language: string) => as(w, 'FR_MANAGER', TEST, { input: { pageId: w.id.FR, text: 'Salut', language, authorFlags } });
    expect(must(await ask(['vip'], 'fr-BE')).testRouting.queueId).toBe(vip);
    expect(must(await ask([], 'fr')).testRouting.queueId).not.toBe(vip);
    expect(must(await ask(['VIP'], 'en')).testRouting.queueId).not.toBe(vip);
  });

  it("routes by the brand's author flags: a VIP's comment goes to the VIP queue, anyone else's does not", async () => {
    const vip = await newQueue(w, w.id.FR);
    must(await rule('FR_MANAGER', { scopePageId: w.id.FR, queueId: vip, priority: 'URGENT', conditions: { authorFlags: ['VIP'] }, position: 0 }));
    const author = uid('star');
    const SET = `mutation($input: SetAuthorFlagsInput!) { setAuthorFlags(input: $input) { authorId flags } }`;
    const input = { brandId: w.brandId, network: 'facebook', authorId: author, flags: ['vip'] };
    expect(errorCode(await as(w, 'FR_MANAGER', SET, { input }))).toBe('FORBIDDEN');
    expect(errorCode(await as(w, 'ADMIN', SET, { input: { ...input, flags: [' '] } }))).toBe('BAD_USER_INPUT');
    expect(must(await as(w, 'ADMIN', SET, { input })).setAuthorFlags).toEqual({ authorId: author, flags: ['vip'] });
    const star = await routed(w, await importItem(w, { author, text: 'Bonjour' }));
    expect({ queue: star.queue_id, priority: star.priority }).toEqual({ queue: vip, priority: 'URGENT' });
    expect((await routed(w, await importItem(w, { text: 'Bonjour' }))).queue_id).toBe(w.queue.FR);
  });

  it('refuses the tester to a publisher (FORBIDDEN) and to ES for an FR page (NOT_FOUND); a moderator reads its rules', async () => {
    const input = { pageId: w.id.FR, text: 'x' };
    expect(errorCode(await as(w, 'FR_PUBLISHER', TEST, { input }))).toBe('FORBIDDEN');
    expect(errorCode(await as(w, 'FR_MODERATOR', TEST, { input }))).toBeUndefined();
    expect(errorCode(await as(w, 'ES_MANAGER', TEST, { input }))).toBe('NOT_FOUND');
    expect(errorCode(await as(w, 'ANALYST', TEST, { input }))).toBeUndefined();
  });

  it('refuses invalid rules: a catastrophic pattern, an unknown language, a queue of a scope the manager cannot see', async () => {
    const base = { scopePageId: w.id.FR, queueId: w.queue.FR };
    expect(errorCode(await rule('FR_MANAGER', { ...base, conditions: { pattern: { source: '(a+)+$' } } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await rule('FR_MANAGER', { ...base, conditions: { languages: ['not a tag'] } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await rule('FR_MANAGER', { ...base, name: ' ' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await rule('FR_MANAGER', { ...base, queueId: w.queue.ES }))).toBe('NOT_FOUND');
    expect(errorCode(await rule('FR_MANAGER', { scopePageId: w.id.G, queueId: w.queue.FR }))).toBe('FORBIDDEN');
    expect(errorCode(await rule('FR_MANAGER', { scopePageId: w.id.ES, queueId: w.queue.FR }))).toBe('NOT_FOUND');
    expect(errorCode(await rule('FR_MODERATOR', base))).toBe('FORBIDDEN');
  });

  it('lists each scope page’s rules in position order, only the ones the caller may read', async () => {
    const mine = must(await as(w, 'FR_MANAGER', RULES, { scope: w.id.FR })).routingRules;
    expect(mine.totalCount).toBeGreaterThan(0);
    expect(mine.edges.map((e: { node: { position: number } }) => e.node.position)).toEqual(mine.edges.map((_: unknown, i: number) => i));
    // The trail's rules are read by the market (issue 20): they route its conversations.
    const brands = must(await as(w, 'ADMIN', RULES, { scope: w.id.G })).routingRules.totalCount;
    expect(must(await as(w, 'FR_MANAGER', RULES, { scope: w.id.G })).routingRules.totalCount).toBe(brands);
    expect(must(await as(w, 'ES_MANAGER', RULES, { scope: w.id.FR })).routingRules.totalCount).toBe(0);
    expect(must(await as(w, 'FR_MODERATOR', RULES, { scope: w.id.FR })).routingRules.totalCount).toBe(mine.totalCount);
    expect(must(await as(w, 'FR_PUBLISHER', RULES, {})).routingRules.totalCount).toBe(0);
  });

  it('deletes a rule and closes the gap in its list', async () => {
    const page = w.id.DE;
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(must(await rule('ADMIN', { scopePageId: page, queueId: w.queue.DE })).createRoutingRule.id);
    must(await as(w, 'ADMIN', `mutation($id: ID!) { deleteRoutingRule(id: $id) }`, { id: ids[0] }));
    const left = must(await as(w, 'ADMIN', RULES, { scope: page })).routingRules.edges.map((e: { node: { id: string; position: number } }) => [e.node.id, e.node.position]);
    expect(left).toEqual([[ids[1], 0], [ids[2], 1]]);
    expect(errorCode(await as(w, 'FR_MANAGER', `mutation($id: ID!) { deleteRoutingRule(id: $id) }`, { id: ids[1] }))).toBe('NOT_FOUND');
  });

  it('validates queues: an unknown time zone and closed hours are BAD_USER_INPUT, a second default queue on a page is CONFLICT', async () => {
    const hours = { timeZone: 'Europe/Atlantis', days: [], holidays: [] };
    const bad = await as(w, 'FR_MANAGER', CREATE_QUEUE, { input: queueInput(w.id.FR, { businessHours: hours }) });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect((bad.errors![0].extensions!.fields as { field: string }[]).map((f) => f.field)).toEqual(['businessHours.timeZone', 'businessHours.days']);
    expect(errorCode(await as(w, 'FR_MANAGER', CREATE_QUEUE, { input: queueInput(w.id.FR, { firstResponseMinutes: 0 }) }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await as(w, 'FR_MANAGER', CREATE_QUEUE, { input: queueInput(w.id.FR, { isDefault: true }) }))).toBe('CONFLICT');
    expect(errorCode(await as(w, 'FR_MANAGER', CREATE_QUEUE, { input: queueInput(w.id.ES) }))).toBe('NOT_FOUND');
    expect(errorCode(await as(w, 'FR_MODERATOR', CREATE_QUEUE, { input: queueInput(w.id.FR) }))).toBe('FORBIDDEN');
    const made = must(await as(w, 'FR_MANAGER', CREATE_QUEUE, { input: queueInput(w.id.frConsumer, { isDefault: true, assignmentMode: 'LEAST_LOADED' }) })).createReplyQueue;
    expect(made).toMatchObject({ isDefault: true, scopePageId: w.id.frConsumer, assignmentMode: 'LEAST_LOADED' });
    // Now the nearest default for the consumer page.
    expect((await routed(w, await importItem(w, { page: PAGE.frConsumer }))).queue_id).toBe(made.id);
  });

  it('routes conversations left unrouted (items still RECEIVED) when the sweep runs, as after a crash', async () => {
    const id = await importItem(w, { page: PAGE.DE, language: 'de' });
    await routed(w, id);
    await w.db.query(`UPDATE conversations SET queue_id = NULL WHERE id = $1`, [id]);
    await w.db.query(`UPDATE inbound_items SET status = 'RECEIVED' WHERE conversation_id = $1`, [id]);
    await w.app.app.get(RoutingDispatcher).sweep();
    expect((await routed(w, id)).queue_id).toBe(w.queue.DE);
  });
});
