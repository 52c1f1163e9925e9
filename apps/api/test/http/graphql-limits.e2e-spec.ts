import { ADMIN, errorCode, gql, login } from '../support/graphql';
import { startTestApp, type TestApp } from '../support/test-app';

const nested = (depth: number) => {
  let selection = '{ id }';
  for (let i = 0; i < depth; i += 1) selection = `{ parent ${selection} }`;
  return `{ brand(slug: "northwind") { pages ${selection} } }`;
};

describe('GraphQL request limits', () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await startTestApp();
    token = await login(app, ADMIN);
  });
  afterAll(() => app.close());

  it('refuses a 12-deep query during validation, before any SQL runs', async () => {
    const before = app.queries();
    const result = await gql(app, nested(12), {}, token);
    expect(errorCode(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.data).toBeUndefined();
    expect(app.queries()).toBe(before);
  });

  it('accepts a query within the depth limit', async () => {
    const result = await gql(app, nested(3), {}, token);
    expect(result.errors).toBeUndefined();
    expect(result.data?.brand.pages.length).toBeGreaterThan(40);
  });

  it('refuses 500 aliases before any SQL runs', async () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: me { id }`).join(' ');
    const before = app.queries();
    const result = await gql(app, `{ ${aliases} }`, {}, token);
    expect(errorCode(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(app.queries()).toBe(before);
  });

  it('refuses batched requests', async () => {
    const res = await app.http
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('blocks CSRF-able requests: a GET without a preflight header and a text/plain POST', async () => {
    const get = await app.http.get('/graphql').query({ query: '{ __typename }' });
    expect(get.status).toBe(400);
    expect(get.body.data).toBeUndefined();
    const plain = await app.http.post('/graphql').set('content-type', 'text/plain').send('{"query":"{ __typename }"}');
    expect(plain.status).toBe(400);
    expect(plain.body.data).toBeUndefined();
  });

  it('outside production, offers introspection and "did you mean" hints to developers', async () => {
    const introspection = await gql(app, '{ __schema { queryType { name } } }');
    expect(introspection.data?.__schema.queryType.name).toBe('Query');
    const typo = await gql(app, '{ mee { id } }', {}, token);
    expect(typo.errors?.[0].message).toMatch(/Did you mean/);
  });
});

describe('GraphQL query cost limit', () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await startTestApp({ GRAPHQL_MAX_COST: '100' });
    token = await login(app, ADMIN);
  });
  afterAll(() => app.close());

  it('refuses a query whose estimated cost passes the limit, before any SQL runs', async () => {
    const fields = 'id name url handle country languages segment status kind network description keywords website pictureUrl';
    const wide = `{ brand(slug: "northwind") { pages { ${fields} children { ${fields} children { ${fields} parent { ${fields} } } } } } }`;
    const before = app.queries();
    const result = await gql(app, wide, {}, token);
    expect(errorCode(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(app.queries()).toBe(before);
  });

  it('accepts a cheap query under the same limit', async () => {
    const result = await gql(app, '{ me { id email } }', {}, token);
    expect(result.errors).toBeUndefined();
  });
});

describe('GraphQL in production', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => app.close());

  it('refuses introspection', async () => {
    const result = await gql(app, '{ __schema { queryType { name } } }');
    expect(errorCode(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.data).toBeUndefined();
  });

  it('gives no "did you mean" suggestions that would map the schema', async () => {
    const result = await gql(app, '{ mee { id } }');
    expect(errorCode(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(result.errors)).not.toMatch(/Did you mean/);
  });
});
