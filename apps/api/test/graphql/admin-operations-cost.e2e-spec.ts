import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, print, visit, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { MAX_PAGE_SIZE } from '../../src/graphql/connection';
import { ADMIN, gql, login } from '../support/graphql';
import { startTestApp, type TestApp } from '../support/test-app';

/** The admin app's operations, as GraphQL Code Generator wrote them (one JSON document each). */
function adminOperations(): DocumentNode[] {
  const generated = readFileSync(join(__dirname, '../../../admin/src/gql/graphql.ts'), 'utf8');
  return [...generated.matchAll(/^export const \w+Document = (\{.*\}) as unknown as DocumentNode/gm)].map((match) => JSON.parse(match[1]!) as DocumentNode);
}

/** The variables given as `first:` or `last:` anywhere in the document. */
function pageSizeVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if ((node.name.value === 'first' || node.name.value === 'last') && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  });
  return [...names];
}

/**
 * The cost limit prices `first: $n` by the n a request gives. Every query of the admin app must
 * stay under the default limit at the largest page the API serves, or its screen would show a
 * cost error to real users once their lists fill up. Only the page sizes are given: a query
 * missing its other variables is refused by variable coercion (BAD_USER_INPUT), which comes
 * after the cost check, so what is checked here is the cost alone.
 */
describe('the admin app’s queries and the cost limit', () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '10000' });
    token = await login(app, ADMIN);
  });
  afterAll(() => app.close());

  it(`accepts every query of the admin app with its page sizes at ${MAX_PAGE_SIZE}`, async () => {
    const queries = adminOperations().filter((document) =>
      document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION && (definition as OperationDefinitionNode).operation === 'query'),
    );
    expect(queries.length).toBeGreaterThan(20);
    const refused: string[] = [];
    for (const document of queries) {
      const variables = Object.fromEntries(pageSizeVariables(document).map((name) => [name, MAX_PAGE_SIZE]));
      const result = await gql(app, print(document), variables, token);
      const validation = result.errors?.find((error) => error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED');
      if (validation) refused.push(`${(document.definitions[0] as OperationDefinitionNode).name?.value}: ${validation.message}`);
    }
    expect(refused).toEqual([]);
  });
});
