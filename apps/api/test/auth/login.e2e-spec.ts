import { ADMIN, errorCode, gql, login } from '../support/graphql';
import { startTestApp, type TestApp } from '../support/test-app';

describe('sign-in', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('login returns a token that `me` accepts', async () => {
    const token = await login(app, ADMIN);
    const me = await gql(app, '{ me { email displayName disabled } }', {}, token);
    expect(me.errors).toBeUndefined();
    expect(me.data?.me).toEqual({ email: ADMIN, displayName: 'Ada Admin', disabled: false });
  });

  it('sign-in ignores the case of the email', async () => {
    const token = await login(app, 'Admin@Northwind.Example');
    expect(token.split('.')).toHaveLength(3);
  });

  it.each([
    ['a wrong password', ADMIN, 'wrong-password'],
    ['an unknown email', 'nobody@northwind.example', 'pivot-demo'],
  ])('%s gives the same generic UNAUTHENTICATED error', async (_case, email, password) => {
    const result = await gql(app, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { e: email, p: password });
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0].message).toBe('Invalid email or password');
  });

  it('every operation but login needs a token', async () => {
    const result = await gql(app, '{ me { email } }');
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
  });

  it('a forged or malformed token is refused', async () => {
    const token = await login(app, ADMIN);
    const forged = `${token.slice(0, -4)}AAAA`;
    expect(errorCode(await gql(app, '{ me { email } }', {}, forged))).toBe('UNAUTHENTICATED');
    expect(errorCode(await gql(app, '{ me { email } }', {}, 'not-a-jwt'))).toBe('UNAUTHENTICATED');
  });
});
