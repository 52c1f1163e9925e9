import { Client } from 'pg';
import { as, loadWorld, startAccessApp, type World } from '../access/access-world';
import { errorCode, gql } from '../support/graphql';
import { collect, wsClient } from '../support/graphql-ws';

const NUL = '\u0000';

describe('text PostgreSQL cannot store (U+0000) in any GraphQL argument', () => {
  let w: World;
  let db: Client;

  beforeAll(async () => {
    w = await loadWorld(await startAccessApp());
    db = new Client({ connectionString: w.app.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await w?.app.close();
  });

  const count = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0].n as number;

  it('inviteUser with a NUL in displayName is BAD_USER_INPUT naming input.displayName, and no user is written', async () => {
    const result = await as(w, 'ADMIN', 'mutation($input: InviteUserInput!) { inviteUser(input: $input) { user { id } } }', {
      input: { email: 'nul.probe@northwind.example', displayName: `Nul${NUL}Probe`, role: 'MARKET_MANAGER', scopePageId: w.id.FR },
    });
    expect(result.status).toBe(400);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions!.fields).toEqual([{ field: 'input.displayName', message: expect.any(String) }]);
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE email = 'nul.probe@northwind.example'`)).toBe(0);
  });

  it('login with a NUL in a literal e-mail argument is BAD_USER_INPUT naming email', async () => {
    const result = await gql(w.app, `mutation { login(email: "admin@northwind.example\\u0000", password: "x") { accessToken } }`);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions!.fields).toEqual([{ field: 'email', message: expect.any(String) }]);
  });

  // The free-text inputs of the report: each one reached PostgreSQL and answered INTERNAL_SERVER_ERROR.
  const cases: [string, string, () => Record<string, unknown>, string][] = [
    [
      'a post body',
      'mutation($input: CreatePostInput!) { createPost(input: $input) { id } }',
      () => ({ input: { brandId: w.brandId, body: `Bonjour${NUL}`, locale: 'fr-FR', targetPageIds: [w.id.FR] } }),
      'input.body',
    ],
    [
      'a canned response variant',
      'mutation($input: CreateCannedResponseInput!) { createCannedResponse(input: $input) { id } }',
      () => ({ input: { name: 'Merci', scopePageId: w.id.FR, variants: [{ language: 'fr', body: `Merci ${NUL}` }] } }),
      'input.variants.0.body',
    ],
    [
      'an imported comment',
      'mutation($input: ImportInboundItemsInput!) { importInboundItems(input: $input) { stored } }',
      () => ({
        input: {
          network: 'facebook',
          items: [
            { externalId: 'nul-1', pageExternalId: 'fb-northwind.fr', kind: 'COMMENT', threadId: 't-nul', authorId: 'a-nul', text: `hi${NUL}`, occurredAt: '2026-01-01T00:00:00Z' },
          ],
        },
      }),
      'input.items.0.text',
    ],
    [
      'a market alias country',
      'mutation($input: SetMarketAliasInput!) { setMarketAlias(input: $input) { country } }',
      () => ({ input: { brandId: w.brandId, country: `L${NUL}`, marketPageId: w.id.FR } }),
      'input.country',
    ],
    ['a search string of a query', 'query($s: String) { users(first: 5, search: $s) { totalCount } }', () => ({ s: `ad${NUL}` }), 'search'],
  ];
  it.each(cases)('%s with a NUL is BAD_USER_INPUT naming its argument path', async (_label, query, variables, field) => {
    const result = await as(w, 'ADMIN', query, variables());
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions!.fields).toEqual([{ field, message: expect.any(String) }]);
  });

  it('a NUL given through a variable default is refused too', async () => {
    const result = await as(w, 'ADMIN', `query($s: String = "x\\u0000") { users(first: 5, search: $s) { totalCount } }`);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
  });

  it('a subscription with a NUL in its arguments is refused with BAD_USER_INPUT over WebSocket', async () => {
    const client = wsClient(w.app, w.token.ADMIN);
    try {
      const sub = collect(client, 'subscription($p: ID) { conversationReceived(pageId: $p) { id } }', { p: `x${NUL}` });
      await sub.completed;
      expect(sub.received[0]?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    } finally {
      await client.dispose();
    }
  });
});
