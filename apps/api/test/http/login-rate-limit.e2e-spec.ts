import { errorCode, gql } from '../support/graphql';
import { createTestDatabase, startTestApp, type TestApp } from '../support/test-app';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';

async function attempt(app: TestApp, email: string, ip: string) {
  const res = await app.http
    .post('/graphql')
    .set('content-type', 'application/json')
    .set('x-forwarded-for', ip)
    .send({ query: LOGIN, variables: { e: email, p: 'wrong-password' } });
  return { status: res.status, data: res.body.data, errors: res.body.errors } as Parameters<typeof errorCode>[0];
}

describe('sign-in rate limit (10 tries a minute, per account and per address, shared by instances)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    // Two instances on one database, behind a proxy that sets X-Forwarded-For.
    a = await startTestApp({ TRUST_PROXY: 'true' }, db);
    b = await startTestApp({ TRUST_PROXY: 'true' }, db);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await db.drop();
  });

  it('the 11th try on one account is refused, even spread over two instances and many addresses', async () => {
    for (let i = 0; i < 10; i += 1) {
      const result = await attempt(i % 2 ? a : b, 'fr.manager@northwind.example', `10.0.1.${i}`);
      expect(errorCode(result)).toBe('UNAUTHENTICATED');
    }
    const eleventh = await attempt(a, 'fr.manager@northwind.example', '10.0.1.99');
    expect(errorCode(eleventh)).toBe('TOO_MANY_REQUESTS');
    expect(eleventh.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('a refused account refuses the right password too, so guessing gains nothing', async () => {
    const result = await gql(a, LOGIN.replace('$p: String!', '$p: String!'), { e: 'fr.manager@northwind.example', p: 'pivot-demo' });
    expect(errorCode(result)).toBe('TOO_MANY_REQUESTS');
  });

  it('the 11th try from one address is refused, whatever accounts it tries', async () => {
    for (let i = 0; i < 10; i += 1) {
      const result = await attempt(i % 2 ? a : b, `someone${i}@northwind.example`, '10.0.2.1');
      expect(errorCode(result)).toBe('UNAUTHENTICATED');
    }
    expect(errorCode(await attempt(b, 'someone-else@northwind.example', '10.0.2.1'))).toBe('TOO_MANY_REQUESTS');
  });

  it('other accounts from other addresses are not affected', async () => {
    const res = await a.http
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', '10.0.3.1')
      .send({ query: LOGIN, variables: { e: 'es.manager@northwind.example', p: 'pivot-demo' } });
    expect(res.body.data.login.accessToken).toEqual(expect.any(String));
  });
});
