import { as, must } from '../access/access-world';
import { errorCode } from '../support/graphql';
import { startTestApp } from '../support/test-app';
import { uid } from './inbound-fixture';
import { loadQueueWorld, newQueue, setMember, type QueueWorld } from './queue-world';

const CREATE = `mutation($input: CreateCannedResponseInput!) { createCannedResponse(input: $input) { id name scopePageId variants { language body } version } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCannedResponseInput!) { updateCannedResponse(id: $id, input: $input) { id name variants { language body } version } }`;
const DELETE = `mutation($id: ID!) { deleteCannedResponse(id: $id) }`;
const LIST = `query($page: ID) { cannedResponses(pageId: $page, first: 200) { totalCount edges { node { id name } } } }`;
const QUEUES = `query($first: Int) { replyQueues(first: $first) { totalCount edges { node { id members { userId displayName } waitingCount } } } }`;

describe('canned responses and queue lists', () => {
  let w: QueueWorld;
  const variants = [
    { language: 'fr', body: 'Bonjour {{author.firstName}}, ici {{page.name}}.' },
    { language: 'en', body: 'Hi {{ author.firstName }}, {{moderator.firstName}} here.' },
  ];

  beforeAll(async () => {
    w = await loadQueueWorld(await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '10000' }));
  });
  afterAll(async () => {
    await w?.db.end();
    await w?.app.close();
  });

  it('creates, updates and deletes a market’s canned response, each change audited', async () => {
    const made = must(await as(w, 'FR_MANAGER', CREATE, { input: { scopePageId: w.id.FR, name: uid('merci'), variants } })).createCannedResponse;
    expect(made).toMatchObject({ scopePageId: w.id.FR, variants, version: 1 });
    const changed = must(await as(w, 'FR_MANAGER', UPDATE, { id: made.id, input: { variants: [variants[0]] } })).updateCannedResponse;
    expect(changed).toMatchObject({ name: made.name, variants: [variants[0]], version: 2 });
    expect(must(await as(w, 'FR_MANAGER', DELETE, { id: made.id })).deleteCannedResponse).toBe(made.id);
    const { rows } = await w.db.query(`SELECT action FROM audit_entries WHERE subject_id = $1 ORDER BY seq`, [made.id]);
    expect(rows.map((r) => r.action)).toEqual(['cannedResponse.create', 'cannedResponse.update', 'cannedResponse.delete']);
  });

  it.each([
    ['an unknown placeholder', [{ language: 'fr', body: 'Salut {{author.email}}' }]],
    ['the same language twice', [variants[0], { language: 'FR', body: 'Autre' }]],
    ['no variant at all', []],
    ['a language that is no BCP 47 tag', [{ language: 'français', body: 'Salut' }]],
    ['a blank body', [{ language: 'fr', body: '  ' }]],
  ])('refuses %s as BAD_USER_INPUT', async (_label, bad) => {
    expect(errorCode(await as(w, 'FR_MANAGER', CREATE, { input: { scopePageId: w.id.FR, name: uid('bad'), variants: bad } }))).toBe('BAD_USER_INPUT');
  });

  it('keeps writes to those who govern the scope and lists to those who may read it', async () => {
    const fr = must(await as(w, 'FR_MANAGER', CREATE, { input: { scopePageId: w.id.FR, name: uid('fr'), variants } })).createCannedResponse;
    const brand = must(await as(w, 'ADMIN', CREATE, { input: { scopePageId: w.id.G, name: uid('brand'), variants } })).createCannedResponse;
    expect(errorCode(await as(w, 'FR_MODERATOR', UPDATE, { id: fr.id, input: { name: 'x' } }))).toBe('FORBIDDEN');
    expect(errorCode(await as(w, 'ES_MANAGER', UPDATE, { id: fr.id, input: { name: 'x' } }))).toBe('NOT_FOUND');
    // The brand's is read by the market (issue 20), never changed by it.
    expect(errorCode(await as(w, 'FR_MANAGER', UPDATE, { id: brand.id, input: { name: 'x' } }))).toBe('FORBIDDEN');
    expect(errorCode(await as(w, 'FR_MODERATOR', CREATE, { input: { scopePageId: w.id.FR, name: uid('m'), variants } }))).toBe('FORBIDDEN');
    expect(errorCode(await as(w, 'ES_MANAGER', CREATE, { input: { scopePageId: w.id.FR, name: uid('m'), variants } }))).toBe('NOT_FOUND');
    const onConsumer = (who: Parameters<typeof as>[1]) => as(w, who, LIST, { page: w.id.frConsumer }).then((r) => must(r).cannedResponses.edges.map((e: { node: { id: string } }) => e.node.id));
    // Usable on FR's consumer page: FR's own and the brand's, as far as the caller may read them.
    expect(await onConsumer('ADMIN')).toEqual(expect.arrayContaining([fr.id, brand.id]));
    expect(await onConsumer('FR_MODERATOR')).toEqual(expect.arrayContaining([fr.id, brand.id]));
    // A page out of reach named in the input reads like a missing one.
    expect(errorCode(await as(w, 'ES_MANAGER', LIST, { page: w.id.frConsumer }))).toBe('NOT_FOUND');
    expect(must(await as(w, 'ADMIN', LIST, { page: w.id.ES })).cannedResponses.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(fr.id);
  });

  it('lists queues with their members and waiting counts in a number of queries that does not grow with the page', async () => {
    for (let i = 0; i < 5; i++) {
      const id = await newQueue(w, w.id.FR);
      await setMember(w, id, w.userId.FR_MODERATOR);
    }
    const cost = async (first: number) => {
      const before = w.app.queries();
      const data = must(await as(w, 'ADMIN', QUEUES, { first }));
      return { queries: w.app.queries() - before, count: data.replyQueues.edges.length, members: data.replyQueues.edges.flatMap((e: { node: { members: unknown[] } }) => e.node.members).length };
    };
    const small = await cost(2);
    const large = await cost(60);
    expect(large.count).toBeGreaterThan(small.count * 10);
    expect(large.members).toBeGreaterThanOrEqual(6);
    expect(large.queries).toBe(small.queries);
  });
});
