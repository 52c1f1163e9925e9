import { collect, wsClient } from '../support/graphql-ws';
import { ADMIN, gql, login } from '../support/graphql';
import { startTestApp, type TestApp } from '../support/test-app';

/** Each document names something close to a real name, so graphql-js would suggest it. */
const typos: Record<string, { query: string; variables?: Record<string, unknown>; code: string }> = {
  'a field': { query: '{ mee { id } }', code: 'GRAPHQL_VALIDATION_FAILED' },
  'an argument': { query: '{ posts(firts: 1) { totalCount } }', code: 'GRAPHQL_VALIDATION_FAILED' },
  'a type': { query: 'query($f: PostFilterInpt) { posts(filter: $f) { totalCount } }', code: 'GRAPHQL_VALIDATION_FAILED' },
  'an input field': { query: '{ posts(filter: { stats: [DRAFT] }) { totalCount } }', code: 'GRAPHQL_VALIDATION_FAILED' },
  'an enum value in the document': { query: '{ posts(filter: { states: [DRAF] }) { totalCount } }', code: 'GRAPHQL_VALIDATION_FAILED' },
  'an enum value in the variables': {
    query: 'query($f: PostFilterInput) { posts(filter: $f) { totalCount } }',
    variables: { f: { states: ['DRAF'] } },
    code: 'BAD_USER_INPUT',
  },
};

describe('GraphQL error messages in production', () => {
  let app: TestApp;
  let dev: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ NODE_ENV: 'production' });
    dev = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
    await dev.close();
  });

  it.each(Object.keys(typos))('suggest no name for a mistyped %s (development still does)', async (name) => {
    const { query, variables, code } = typos[name];
    const result = await gql(app, query, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(JSON.stringify(result.errors)).not.toMatch(/did you mean|DRAFT|PostFilterInput"|"first"|"states"|"me"/i);
    const hinted = await gql(dev, query, variables);
    expect(JSON.stringify(hinted.errors)).toMatch(/Did you mean/);
  });

  it('suggest no name over WebSocket either', async () => {
    const token = await login(app, ADMIN);
    const client = wsClient(app, token);
    try {
      const sub = collect(client, 'subscription { conversationReceivd { id } }');
      await sub.completed;
      expect(sub.received[0]?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(sub.received)).not.toMatch(/did you mean|conversationReceived/i);
    } finally {
      await client.dispose();
    }
  });
});
