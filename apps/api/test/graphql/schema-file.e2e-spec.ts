import { readFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { renderSchema, SCHEMA_FILE } from '../../src/print-schema';
import { startTestApp, type TestApp } from '../support/test-app';

describe('committed schema.gql', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('matches the schema the running app serves (run `npm run generate` when this fails)', () => {
    const served = app.app.get(GraphQLSchemaHost).schema;
    const expected = renderSchema(printSchema(lexicographicSortSchema(served)));
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(expected);
  });
});
