import type { Client } from 'graphql-ws';
import { ADMIN, ES_MANAGER, FR_MODERATOR, FR_PUBLISHER, gql, login } from '../support/graphql';
import { collect, listening, released, strayWindow, until, wsClient, type SubscriptionMessage } from '../support/graphql-ws';
import { createTestDatabase, startTestApp, type TestApp } from '../support/test-app';
import { PAGE, uid, WEBHOOK_ENV } from './inbound-fixture';

const IMPORT = `mutation($input: ImportInboundItemsInput!) { importInboundItems(input: $input) { stored } }`;
const RECEIVED = `subscription($pageId: ID) { conversationReceived(pageId: $pageId) { id pageId authorId itemCount } }`;

type Received = SubscriptionMessage<{ conversationReceived: { id: string; pageId: string; authorId: string; itemCount: number } }>;

const subscribe = (client: Client, variables: Record<string, unknown> = {}, query = RECEIVED) => collect<Received['data']>(client, query, variables) as unknown as { received: Received[]; completed: Promise<void> };

describe('conversationReceived subscription (graphql-ws across instances)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let a: TestApp;
  let b: TestApp;
  let adminOnB: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    // Two API instances on one database: events cross between them through LISTEN/NOTIFY.
    a = await startTestApp(WEBHOOK_ENV, db);
    b = await startTestApp(WEBHOOK_ENV, db);
    adminOnB = await login(b, ADMIN);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.terminate();
    // So the next test's `listening` counts its own subscriptions only.
    await released(a);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  const open = (app: TestApp, token: string | null, onClosed?: (code: number) => void) => {
    const client = wsClient(app, token, onClosed);
    clients.push(client);
    return client;
  };

  async function importComment(page: string, author = uid('author')) {
    const item = { externalId: uid('c'), kind: 'COMMENT', pageExternalId: page, threadId: uid('post'), authorId: author, text: 'Bonjour', occurredAt: new Date().toISOString() };
    const result = await gql(b, IMPORT, { input: { network: 'facebook', items: [item] } }, adminOnB);
    expect(result.errors).toBeUndefined();
    return author;
  }

  const RECEIVED_EVENT = 'conversation.received';

  it("FR's moderator on one instance hears an FR conversation imported on another, and nothing of ES", async () => {
    const sub = subscribe(open(a, await login(a, FR_MODERATOR)));
    await listening(a, RECEIVED_EVENT);
    const esAuthor = await importComment(PAGE.ES);
    const frAuthor = await importComment(PAGE.FR);
    // In commit order: once FR's arrived, ES's was offered first and skipped.
    await until(() => sub.received.length >= 1);
    expect(sub.received.map((message) => message.data?.conversationReceived.authorId)).toEqual([frAuthor]);
    expect(sub.received.map((message) => message.data?.conversationReceived.authorId)).not.toContain(esAuthor);
    expect(sub.received[0].data?.conversationReceived.itemCount).toBe(1);
  });

  it("ES's manager hears ES conversations and FR's moderator does not, from the same delivery stream", async () => {
    const es = subscribe(open(a, await login(a, ES_MANAGER)));
    const fr = subscribe(open(a, await login(a, FR_MODERATOR)));
    await listening(a, RECEIVED_EVENT, 2);
    const esAuthor = await importComment(PAGE.ES);
    await until(() => es.received.length >= 1);
    // FR's moderator hears the next FR conversation: the ES one before it was skipped, not late.
    const frAuthor = await importComment(PAGE.FR);
    await until(() => fr.received.length >= 1);
    expect(es.received.map((message) => message.data?.conversationReceived.authorId)).toEqual([esAuthor]);
    expect(fr.received.map((message) => message.data?.conversationReceived.authorId)).toEqual([frAuthor]);
  });

  it('a pageId narrows the stream to that page and the pages under it', async () => {
    const frPageId = (await gql(b, '{ brand(slug: "northwind") { pages { id externalId } } }', {}, adminOnB)).data!.brand.pages.find(
      (page: { externalId: string }) => page.externalId === PAGE.frConsumer,
    ).id;
    const sub = subscribe(open(a, await login(a, FR_MODERATOR)), { pageId: frPageId });
    await listening(a, RECEIVED_EVENT);
    await importComment(PAGE.FR);
    const consumerAuthor = await importComment(PAGE.frConsumer);
    await until(() => sub.received.length >= 1);
    expect(sub.received.map((message) => message.data?.conversationReceived.authorId)).toEqual([consumerAuthor]);
  });

  it('a publisher, who may not read conversations, hears nothing while a moderator does', async () => {
    const publisher = subscribe(open(a, await login(a, FR_PUBLISHER)));
    const moderator = subscribe(open(a, await login(a, FR_MODERATOR)));
    await listening(a, RECEIVED_EVENT, 2);
    await importComment(PAGE.FR);
    await until(() => moderator.received.length >= 1);
    await strayWindow();
    expect(publisher.received).toEqual([]);
  });

  it('a subscription completed by its client, or whose socket closes, releases its listener at once, without waiting for an event', async () => {
    const sub = collect(open(a, await login(a, FR_MODERATOR)), RECEIVED);
    await listening(a, RECEIVED_EVENT);
    sub.stop();
    await released(a);

    const socket = open(a, await login(a, FR_MODERATOR));
    collect(socket, RECEIVED);
    await listening(a, RECEIVED_EVENT);
    await socket.dispose();
    await released(a);
  });

  it('a malformed pageId is refused with BAD_USER_INPUT', async () => {
    const sub = subscribe(open(a, await login(a, FR_MODERATOR)), { pageId: 'not-an-id' });
    await sub.completed;
    expect(sub.received[0].errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a connection without a token, or with a forged one, is closed with 4403 before any operation', async () => {
    for (const token of [null, 'forged.token.value']) {
      let closedWith = 0;
      const sub = subscribe(open(a, token, (code) => (closedWith = code)));
      await sub.completed;
      expect(closedWith).toBe(4403);
      expect(sub.received.every((message) => !message.data)).toBe(true);
    }
  });

  it('queries and mutations are refused over the socket: they belong to POST /graphql', async () => {
    const sub = subscribe(open(a, await login(a, FR_MODERATOR)), {}, '{ me { email } }');
    await sub.completed;
    expect(sub.received[0].errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(sub.received.some((message) => message.data)).toBe(false);
  });

  it('a subscription over the HTTP alias limit is refused before it runs', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: id`).join(' ');
    const sub = subscribe(open(a, await login(a, FR_MODERATOR)), {}, `subscription { conversationReceived { ${aliases} } }`);
    await sub.completed;
    expect(sub.received[0].errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(sub.received.some((message) => message.data)).toBe(false);
  });
});
