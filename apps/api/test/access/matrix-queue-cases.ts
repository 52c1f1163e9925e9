import { as, must, unique, type Who } from './access-world';
import { outcomes, type MatrixCase, type MatrixWorld } from './matrix-cases';

const HOURS = { timeZone: 'Europe/Paris', days: [{ day: 'monday', intervals: [{ start: '09:00', end: '18:00' }] }], holidays: [] };
const queueInput = (scopePageId: string) => ({ scopePageId, name: unique('matrix-queue'), firstResponseMinutes: 60, nextResponseMinutes: 60, businessHours: HOURS });
const QUEUE = 'query($id: ID!) { replyQueue(id: $id) { id name } }';
const CREATE_QUEUE = 'mutation($input: CreateReplyQueueInput!) { createReplyQueue(input: $input) { id name } }';
const UNKNOWN_ID = '0b9e3f52-7c1d-4e8a-9f60-5d4c3b2a1e0f';

/** The seeded default queue of a page, as the platform admin sees it. */
async function defaultQueue(w: MatrixWorld, pageId: string): Promise<string> {
  const data = must(await as(w, 'PLATFORM', 'query($p: ID!) { replyQueues(scopePageId: $p, first: 200) { edges { node { id isDefault scopePageId } } } }', { p: pageId }));
  return data.replyQueues.edges.map((e: { node: { id: string; isDefault: boolean; scopePageId: string } }) => e.node).find((q: { isDefault: boolean; scopePageId: string }) => q.isDefault && q.scopePageId === pageId).id;
}

const freshQueue = async (w: MatrixWorld) => must(await as(w, 'PLATFORM', CREATE_QUEUE, { input: queueInput(w.id.FR) })).createReplyQueue.id as string;
const queueName = async (w: MatrixWorld, id: string) => must(await as(w, 'PLATFORM', QUEUE, { id })).replyQueue.name as string;

/** Who governs FR's replies; who only reads them; who cannot see FR's queues at all. */
const FR_SETUP = { OK: ['PLATFORM', 'ADMIN', 'FR_MANAGER'], NOT_FOUND: ['ES_MANAGER'] } as const;

const queueRead = (label: string, page: (w: MatrixWorld) => string, readers: Who[]): MatrixCase<string> => ({
  title: `replyQueue(${label} default)`,
  expect: outcomes({ OK: readers }, 'NOT_FOUND'),
  prepare: (w) => defaultQueue(w, page(w)),
  run: (w, who, id) => as(w, who, QUEUE, { id }),
  ok: (data, _w, _who, id) => expect(data.replyQueue.id).toBe(id),
});

export const QUEUE_READ_CASES: MatrixCase[] = [
  queueRead('FR', (w) => w.id.FR, ['PLATFORM', 'ADMIN', 'FR_MANAGER', 'FR_MODERATOR', 'ANALYST']),
  queueRead('ES', (w) => w.id.ES, ['PLATFORM', 'ADMIN', 'ES_MANAGER', 'ANALYST']),
  queueRead('global', (w) => w.id.G, ['PLATFORM', 'ADMIN']),
  {
    title: 'replyQueue(unknown id)',
    expect: outcomes({}, 'NOT_FOUND'),
    run: (w, who) => as(w, who, QUEUE, { id: UNKNOWN_ID }),
  },
  {
    title: 'testRouting(FR page)',
    expect: outcomes({ OK: ['PLATFORM', 'ADMIN', 'FR_MANAGER', 'FR_MODERATOR', 'ANALYST'], FORBIDDEN: ['FR_PUBLISHER'] }, 'NOT_FOUND'),
    run: (w, who) => as(w, who, 'query($input: TestRoutingInput!) { testRouting(input: $input) { queueId trail } }', { input: { pageId: w.id.frConsumer, text: 'Bonjour' } }),
    ok: (data) => expect(data.testRouting.queueId).toBeTruthy(),
  },
];

export const QUEUE_WRITE_CASES: MatrixCase[] = [
  {
    title: 'createReplyQueue(at FR)',
    expect: outcomes({ ...FR_SETUP, FORBIDDEN: ['FR_PUBLISHER', 'FR_MODERATOR', 'ANALYST'] }),
    prepare: async (w) => queueInput(w.id.FR),
    run: (w, who, input) => as(w, who, CREATE_QUEUE, { input }),
    ok: (data, _w, _who, input) => expect(data.createReplyQueue.name).toBe(input.name),
    unchanged: async (w, _who, input) => {
      const names = must(await as(w, 'PLATFORM', 'query { replyQueues(first: 200) { edges { node { name } } } }')).replyQueues.edges.map((e: { node: { name: string } }) => e.node.name);
      expect(names).not.toContain(input.name);
    },
  },
  {
    title: 'updateReplyQueue(a queue at FR)',
    expect: outcomes({ OK: ['PLATFORM', 'ADMIN', 'FR_MANAGER'], FORBIDDEN: ['FR_MODERATOR', 'ANALYST'] }, 'NOT_FOUND'),
    prepare: async (w) => {
      const id = await freshQueue(w);
      return { id, name: await queueName(w, id) };
    },
    run: (w, who, target) => as(w, who, 'mutation($id: ID!, $name: String!) { updateReplyQueue(id: $id, input: { name: $name }) { name } }', { id: target.id, name: `${target.name}-renamed` }),
    ok: (data, _w, _who, target) => expect(data.updateReplyQueue.name).toBe(`${target.name}-renamed`),
    unchanged: async (w, _who, target) => expect(await queueName(w, target.id)).toBe(target.name),
  },
  {
    title: 'setQueueMember(a queue at FR, the FR moderator)',
    expect: outcomes({ OK: ['PLATFORM', 'ADMIN', 'FR_MANAGER'], FORBIDDEN: ['FR_MODERATOR', 'ANALYST'] }, 'NOT_FOUND'),
    prepare: (w) => freshQueue(w),
    run: (w, who, queueId) => as(w, who, 'mutation($input: SetQueueMemberInput!) { setQueueMember(input: $input) { members { userId } } }', { input: { queueId, userId: w.userId.FR_MODERATOR, capacity: 5 } }),
    ok: (data, w) => expect(data.setQueueMember.members).toEqual([{ userId: w.userId.FR_MODERATOR }]),
    unchanged: async (w, _who, id) => expect(must(await as(w, 'PLATFORM', 'query($id: ID!) { replyQueue(id: $id) { members { userId } } }', { id })).replyQueue.members).toEqual([]),
  },
  {
    title: 'createRoutingRule(at FR)',
    expect: outcomes({ ...FR_SETUP, FORBIDDEN: ['FR_PUBLISHER', 'FR_MODERATOR', 'ANALYST'] }),
    prepare: (w) => defaultQueue(w, w.id.FR),
    run: (w, who, queueId) =>
      as(w, who, 'mutation($input: CreateRoutingRuleInput!) { createRoutingRule(input: $input) { id } }', { input: { scopePageId: w.id.FR, name: unique('matrix-rule'), queueId, conditions: { keywords: [unique('never')] } } }),
    cleanup: async (w) => {
      const rules = must(await as(w, 'PLATFORM', 'query($p: ID) { routingRules(scopePageId: $p, first: 200) { edges { node { id name } } } }', { p: w.id.FR })).routingRules.edges;
      for (const { node } of rules) if (node.name.startsWith('matrix-rule')) must(await as(w, 'PLATFORM', 'mutation($id: ID!) { deleteRoutingRule(id: $id) }', { id: node.id }));
    },
  },
  {
    title: 'createCannedResponse(at FR)',
    expect: outcomes({ ...FR_SETUP, FORBIDDEN: ['FR_PUBLISHER', 'FR_MODERATOR', 'ANALYST'] }),
    run: (w, who) =>
      as(w, who, 'mutation($input: CreateCannedResponseInput!) { createCannedResponse(input: $input) { id } }', {
        input: { scopePageId: w.id.FR, name: unique('matrix-canned'), variants: [{ language: 'fr', body: 'Merci {{author.firstName}}' }] },
      }),
    ok: async (data, w) => {
      must(await as(w, 'PLATFORM', 'mutation($id: ID!) { deleteCannedResponse(id: $id) }', { id: data.createCannedResponse.id }));
    },
  },
  {
    // Nobody holds a conversation nobody claimed: those who see it get FORBIDDEN, the others NOT_FOUND.
    title: 'replyToConversation(an unclaimed conversation at FR)',
    expect: outcomes({ FORBIDDEN: ['PLATFORM', 'ADMIN', 'FR_MANAGER', 'FR_MODERATOR', 'ANALYST'] }, 'NOT_FOUND'),
    prepare: async (w) => {
      const item = { externalId: unique('matrix-item'), pageExternalId: 'fb-northwind.fr', kind: 'COMMENT', threadId: unique('post'), authorId: unique('author'), text: 'Allô ?', occurredAt: new Date().toISOString() };
      const data = must(await as(w, 'PLATFORM', 'mutation($input: ImportInboundItemsInput!) { importInboundItems(input: $input) { conversations { id } } }', { input: { network: 'facebook', items: [item] } }));
      return data.importInboundItems.conversations[0].id as string;
    },
    run: (w, who, id) => as(w, who, 'mutation($id: ID!) { replyToConversation(input: { conversationId: $id, text: "Bonjour" }) { id } }', { id }),
  },
  {
    title: 'claimNext(FR default queue)',
    expect: outcomes({ OK: ['PLATFORM', 'ADMIN', 'FR_MANAGER', 'FR_MODERATOR'], FORBIDDEN: ['ANALYST'] }, 'NOT_FOUND'),
    prepare: (w) => defaultQueue(w, w.id.FR),
    run: (w, who, queueId) => as(w, who, 'mutation($q: ID!) { claimNext(queueId: $q) { id assigneeId } }', { q: queueId }),
    ok: (data, w, who) => {
      if (data.claimNext) expect(data.claimNext.assigneeId).toBe(w.userId[who]);
    },
  },
];
