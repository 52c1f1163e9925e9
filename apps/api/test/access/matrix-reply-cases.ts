import { as, unique, type Who } from './access-world';
import { ADMINS, everyone, outcomes, type MatrixCase, type MatrixWorld } from './matrix-cases';

/*
 * The reply queues' first slice in the matrix: importInboundItems (the manager's back-fill),
 * conversations (read by everyone working replies in scope) and unmatchedInboundCount (the
 * platform's: items for pages no brand registered belong to no brand).
 */

const IMPORT = 'mutation($input: ImportInboundItemsInput!) { importInboundItems(input: $input) { stored duplicates conversations { pageId threadId itemCount } } }';
const CONVERSATIONS = 'query($filter: ConversationFilterInput) { conversations(filter: $filter, first: 200) { totalCount edges { node { id pageId threadId } } } }';

/** Those who read conversations at FR and ES: replies are not a publisher's business. */
const FR_REPLY_READERS: Who[] = ['PLATFORM', 'ADMIN', 'FR_MANAGER', 'FR_MODERATOR', 'ANALYST'];
const ES_REPLY_READERS: Who[] = ['PLATFORM', 'ADMIN', 'ES_MANAGER', 'ANALYST'];

type PageKey = 'FR' | 'frConsumer' | 'ES' | 'G';
/** The demo seed's Facebook ids of the pages (`fb-<handle>`). */
const EXTERNAL_ID: Record<PageKey, string> = { FR: 'fb-northwind.fr', frConsumer: 'fb-northwind.fr.consumer', ES: 'fb-northwind.es', G: 'fb-northwind' };

const itemOn = (pageExternalId: string, threadId: string) => ({
  externalId: unique('matrix-item'),
  pageExternalId,
  kind: 'COMMENT',
  threadId,
  authorId: 'matrix-author',
  text: 'Hello',
  occurredAt: '2026-06-01T10:00:00.000Z',
});

/** The threads the platform admin sees on a page: a refused import leaves its thread absent. */
async function threadsOn(w: MatrixWorld, pageId: string): Promise<string[]> {
  const { data } = await as(w, 'PLATFORM', CONVERSATIONS, { filter: { pageId } });
  return data?.conversations.edges.map((edge: { node: { threadId: string } }) => edge.node.threadId) ?? [];
}

/** One comment on a page, in a thread of its own, so each caller's outcome is told apart. */
function importCase(title: string, page: PageKey, expected: MatrixCase['expect']): MatrixCase<{ threadId: string }> {
  return {
    title,
    expect: expected,
    prepare: async () => ({ threadId: unique(`matrix-thread-${page}`) }),
    run: (w, who, { threadId }) => as(w, who, IMPORT, { input: { network: 'facebook', items: [itemOn(EXTERNAL_ID[page], threadId)] } }),
    ok: (data, w, _who, { threadId }) =>
      expect(data.importInboundItems).toEqual({ stored: 1, duplicates: 0, conversations: [{ pageId: w.id[page], threadId, itemCount: 1 }] }),
    unchanged: async (w, _who, { threadId }) => expect(await threadsOn(w, w.id[page])).not.toContain(threadId),
  };
}

/** One conversation on FR and one on ES, imported by the platform admin (again: duplicates, no change). */
async function conversationsOnFrAndEs(w: MatrixWorld): Promise<{ fr: string; es: string }> {
  const items = [itemOn(EXTERNAL_ID.FR, 'matrix-read-fr'), itemOn(EXTERNAL_ID.ES, 'matrix-read-es')].map((item, i) => ({ ...item, externalId: `matrix-read-${i}` }));
  const mutation = 'mutation($input: ImportInboundItemsInput!) { importInboundItems(input: $input) { conversations { id threadId } } }';
  const { data, errors } = await as(w, 'PLATFORM', mutation, { input: { network: 'facebook', items } });
  if (errors) throw new Error(`import failed: ${JSON.stringify(errors)}`);
  const idOf = (threadId: string): string => data!.importInboundItems.conversations.find((c: { threadId: string }) => c.threadId === threadId).id;
  return { fr: idOf('matrix-read-fr'), es: idOf('matrix-read-es') };
}

export const REPLY_CASES: MatrixCase[] = [
  {
    title: "conversations: FR's for FR's reply workers, ES's for ES's, nothing for a publisher",
    expect: everyone('OK'),
    prepare: (w) => conversationsOnFrAndEs(w),
    run: (w, who) => as(w, who, CONVERSATIONS, {}),
    ok: (data, _w, who, target: { fr: string; es: string }) => {
      const listed = data.conversations.edges.map((edge: { node: { id: string } }) => edge.node.id);
      expect(listed.includes(target.fr)).toBe(FR_REPLY_READERS.includes(who));
      expect(listed.includes(target.es)).toBe(ES_REPLY_READERS.includes(who));
      expect(data.conversations.totalCount).toBe(listed.length);
    },
  },
  {
    title: "conversations(pageId: ES): ES's readers only, an empty list for the others",
    expect: everyone('OK'),
    prepare: (w) => conversationsOnFrAndEs(w),
    run: (w, who) => as(w, who, CONVERSATIONS, { filter: { pageId: w.id.ES } }),
    ok: (data, _w, who, target: { fr: string; es: string }) => {
      const listed = data.conversations.edges.map((edge: { node: { id: string } }) => edge.node.id);
      expect(listed).toEqual(ES_REPLY_READERS.includes(who) ? [target.es] : []);
    },
  },
  {
    title: 'conversations(pageId: a malformed id)',
    expect: everyone('BAD_USER_INPUT'),
    run: (w, who) => as(w, who, CONVERSATIONS, { filter: { pageId: 'not-an-id' } }),
  },
  {
    title: 'conversations(first: 0)',
    expect: everyone('BAD_USER_INPUT'),
    run: (w, who) => as(w, who, '{ conversations(first: 0) { totalCount } }'),
  },
  {
    title: 'unmatchedInboundCount: the platform only (the items belong to no brand)',
    expect: outcomes({ OK: ['PLATFORM'] }, 'FORBIDDEN'),
    run: (w, who) => as(w, who, '{ unmatchedInboundCount }'),
    ok: (data) => expect(data.unmatchedInboundCount).toBe(0),
  },
];

export const REPLY_WRITE_CASES: MatrixCase[] = [
  importCase('importInboundItems(FR)', 'FR', outcomes({ OK: ['PLATFORM', 'ADMIN', 'FR_MANAGER'], FORBIDDEN: ['FR_PUBLISHER', 'FR_MODERATOR', 'ANALYST'] }, 'NOT_FOUND')),
  importCase('importInboundItems(an FR segment)', 'frConsumer', outcomes({ OK: ['PLATFORM', 'ADMIN', 'FR_MANAGER'], FORBIDDEN: ['FR_PUBLISHER', 'FR_MODERATOR', 'ANALYST'] }, 'NOT_FOUND')),
  importCase('importInboundItems(ES)', 'ES', outcomes({ OK: ['PLATFORM', 'ADMIN', 'ES_MANAGER'], FORBIDDEN: ['ANALYST'] }, 'NOT_FOUND')),
  importCase('importInboundItems(the global page, which every role reads)', 'G', outcomes({ OK: ADMINS }, 'FORBIDDEN')),
  {
    title: 'importInboundItems(a page nobody registered)',
    expect: everyone('NOT_FOUND'),
    run: (w, who) => as(w, who, IMPORT, { input: { network: 'facebook', items: [itemOn('fb-nobody-registered', unique('matrix-thread'))] } }),
  },
  {
    title: 'importInboundItems(no items)',
    expect: everyone('BAD_USER_INPUT'),
    run: (w, who) => as(w, who, IMPORT, { input: { network: 'facebook', items: [] } }),
  },
];
