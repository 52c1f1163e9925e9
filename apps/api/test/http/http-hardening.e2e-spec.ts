import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/test-app';

const leaksInternals = (text: string) => /QueryFailedError|SELECT |INSERT |\bat .+\.(js|ts):\d+|node_modules/.test(text);

describe('HTTP hardening', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ BODY_LIMIT: '100kb', DB_STATEMENT_TIMEOUT_MS: '300', DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '5000' });
  });
  afterAll(() => app.close());

  it('refuses a body over the limit with 413 JSON and no stack trace', async () => {
    const big = 'x'.repeat(200 * 1024);
    const res = await app.http.post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }', variables: { big } });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'Request body too large' });
    expect(leaksInternals(res.text)).toBe(false);
  });

  it('answers malformed JSON with 400 JSON and no stack trace', async () => {
    const res = await app.http.post('/graphql').set('content-type', 'application/json').send('{"query": ');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_REQUEST');
    expect(leaksInternals(res.text)).toBe(false);
  });

  it('sets statement_timeout and idle_in_transaction_session_timeout on every pool connection', async () => {
    const dataSource = app.app.get(DataSource);
    const [statement] = await dataSource.query('SHOW statement_timeout');
    const [idle] = await dataSource.query('SHOW idle_in_transaction_session_timeout');
    expect(statement.statement_timeout).toBe('300ms');
    expect(idle.idle_in_transaction_session_timeout).toBe('5s');
  });

  it('cancels a statement that runs past the timeout', async () => {
    const dataSource = app.app.get(DataSource);
    await expect(dataSource.query('SELECT pg_sleep(2)')).rejects.toThrow(/statement timeout/);
  });

  it('gives every response a request id, keeping a sane one sent by the caller', async () => {
    const fresh = await app.http.get('/health');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await app.http.get('/health').set('x-request-id', 'edge-abc-12345');
    expect(kept.headers['x-request-id']).toBe('edge-abc-12345');
    const replaced = await app.http.get('/health').set('x-request-id', 'bad id with spaces');
    expect(replaced.headers['x-request-id']).not.toContain(' ');
  });

  it('GET /health answers 200 while the database answers', async () => {
    const res = await app.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('does not advertise the framework', async () => {
    const res = await app.http.get('/health');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
