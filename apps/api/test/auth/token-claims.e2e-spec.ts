import jwt from 'jsonwebtoken';
import { collect, wsClient } from '../support/graphql-ws';
import { ADMIN, errorCode, gql, login } from '../support/graphql';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app';

const sign = (claims: Record<string, unknown>, options: jwt.SignOptions = {}) =>
  jwt.sign(claims, TEST_JWT_SECRET, { algorithm: 'HS256', issuer: 'pivot', audience: 'pivot-admin', ...options });

describe('access token claims', () => {
  let app: TestApp;
  let adminId: string;
  let tokens: Record<string, string>;
  beforeAll(async () => {
    app = await startTestApp();
    const me = await gql<{ me: { id: string } }>(app, '{ me { id } }', {}, await login(app, ADMIN));
    adminId = me.data!.me.id;
    tokens = {
      'without exp': sign({ sub: adminId }),
      'living longer than JWT_TTL_SECONDS': sign({ sub: adminId }, { expiresIn: '3650d' }),
      'whose sub is not a UUID': sign({ sub: 'admin' }, { expiresIn: 600 }),
      'whose sub is a SQL fragment': sign({ sub: "x' OR '1'='1" }, { expiresIn: 600 }),
    };
  });
  afterAll(() => app.close());

  it('a well-formed signed token is accepted (control)', async () => {
    const result = await gql(app, '{ me { id } }', {}, sign({ sub: adminId }, { expiresIn: 600 }));
    expect(result.data?.me.id).toBe(adminId);
  });

  it.each(['without exp', 'living longer than JWT_TTL_SECONDS', 'whose sub is not a UUID', 'whose sub is a SQL fragment'])(
    'a signed token %s is UNAUTHENTICATED over HTTP and closed with 4403 at connection_init',
    async (name) => {
      const result = await gql(app, '{ me { id } }', {}, tokens[name]);
      expect(result.status).toBe(200);
      expect(errorCode(result)).toBe('UNAUTHENTICATED');
      expect(result.data).toBeNull();

      let closedWith = 0;
      const client = wsClient(app, tokens[name], (code) => (closedWith = code));
      const sub = collect(client, 'subscription { conversationReceived { id } }');
      await sub.completed;
      await client.dispose();
      expect(closedWith).toBe(4403);
      expect(sub.received.some((message) => message.data)).toBe(false);
    },
  );
});
