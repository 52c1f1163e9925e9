import { ADMIN, errorCode, gql, login } from '../support/graphql';
import { startTestApp, type TestApp } from '../support/test-app';

const NODE = 'id body state targets { id name network } timeline { kind comment }';

/** The cost limit counts a page size given as a variable as it counts the same size written out. */
describe('GraphQL cost limit with variables', () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '10000' });
    token = await login(app, ADMIN);
  });
  afterAll(() => app.close());

  /** The request's outcome, and how many statements it sent to PostgreSQL. */
  const run = async (query: string, variables: Record<string, unknown> = {}) => {
    const before = app.queries();
    const result = await gql(app, query, variables, token);
    return { result, statements: app.queries() - before };
  };

  it('refuses posts(first: $n) with a huge n exactly as it refuses the literal, before any SQL runs', async () => {
    const literal = await run(`{ posts(first: 1000000) { edges { node { ${NODE} } } } }`);
    expect(errorCode(literal.result)).toBe('GRAPHQL_VALIDATION_FAILED');
    const variable = await run(`query($n: Int) { posts(first: $n) { edges { node { ${NODE} } } } }`, { n: 1_000_000 });
    expect(errorCode(variable.result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(variable.result.status).toBe(literal.result.status);
    expect(variable.result.data ?? undefined).toBeUndefined();
    expect(variable.statements).toBe(0);
  });

  it('counts a variable’s default value, inside fragments and nested lists too', async () => {
    const byDefault = await run(`query($n: Int = 1000000) { posts(first: $n) { edges { node { ${NODE} } } } }`);
    expect(errorCode(byDefault.result)).toBe('GRAPHQL_VALIDATION_FAILED');
    const inFragment = await run(`query($n: Int!) { ...P } fragment P on Query { posts(first: $n) { edges { node { ${NODE} } } } }`, { n: 1_000_000 });
    expect(errorCode(inFragment.result)).toBe('GRAPHQL_VALIDATION_FAILED');
    const beyondInt = await run(`query($n: Int) { posts(first: $n) { edges { node { ${NODE} } } } }`, { n: 1e21 });
    expect(errorCode(beyondInt.result)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('serves the same query with a small n', async () => {
    const small = await run(`query($n: Int) { posts(first: $n) { totalCount edges { node { ${NODE} } } } }`, { n: 5 });
    expect(small.result.errors).toBeUndefined();
    expect(small.result.data!.posts.edges.length).toBeLessThanOrEqual(5);
  });
});
