import { startServer, type Server } from '../support/server-process';
import { createTestDatabase } from '../support/test-app';

/** pino's numeric levels: warn 40, error 50. */
const WARN = 40;

const documents: Record<string, string> = {
  '5,001 tokens': `{ ${Array.from({ length: 5_001 }, () => '__typename').join(' ')} }`,
  '1,000 aliases': `{ ${Array.from({ length: 1_000 }, (_, i) => `a${i}: me { id }`).join(' ')} }`,
  // Compact, so the body stays under BODY_LIMIT (100kb) and reaches the GraphQL parser.
  '3,000 fragments': `{...f0} ${Array.from({ length: 3_000 }, (_, i) => `fragment f${i} on Query{me{id}}`).join(' ')}`,
};

describe('an oversized GraphQL document', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let server: Server;
  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startServer({ DATABASE_URL: db.url, LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    await db.drop();
  });

  it.each(Object.keys(documents))('with %s, unauthenticated, is a 400 GRAPHQL_PARSE_FAILED logged at warn, never at error', async (name) => {
    const requestId = `oversized-${name.replace(/\W/g, '')}-0001`;
    const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ query: documents[name] }),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(res.status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const logLines = () =>
      server
        .stdout()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { level: number; req?: { id?: string }; msg: string });
    // The log line is written after the answer: wait for it (a busy machine writes it late).
    await server.outputLine((line) => line.startsWith('{') && (JSON.parse(line) as { req?: { id?: string } }).req?.id === requestId);
    const lines = logLines();
    const ours = lines.filter((line) => line.req?.id === requestId);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((line) => line.level <= WARN)).toBe(true);
    expect(lines.filter((line) => line.level > WARN)).toEqual([]);
  });
});
