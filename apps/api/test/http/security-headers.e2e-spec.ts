import { startTestApp, type TestApp } from '../support/test-app';

/** The CSP directives of a response, by name. */
function cspOf(header: string | undefined): Record<string, string> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => [part.split(/\s+/)[0], part.split(/\s+/).slice(1).join(' ')]),
  );
}

describe('Security headers over HTTP', () => {
  let dev: TestApp;
  let production: TestApp;
  beforeAll(async () => {
    [dev, production] = await Promise.all([startTestApp(), startTestApp({ NODE_ENV: 'production' })]);
  });
  afterAll(() => Promise.all([dev?.close(), production?.close()]));

  // GraphQL, a REST answer, the public pivot's fast path (answered before Express) and a body error.
  const requests = (app: TestApp) => [
    app.http.post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }' }),
    app.http.get('/health'),
    app.http.get('/pivot/northwind/resolve?country=FR'),
    app.http.get('/pivot/northwind?country=FR'),
    app.http.post('/graphql').set('content-type', 'application/json').send('{"query": '),
  ];

  it('every answer carries a CSP that runs nothing foreign and forbids framing, nosniff and a referrer policy', async () => {
    for (const res of await Promise.all(requests(dev))) {
      const csp = cspOf(res.headers['content-security-policy']);
      expect(csp['script-src']).toBe("'self'");
      expect(csp['frame-ancestors']).toBe("'none'");
      expect(csp['connect-src']).toBe("'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('sends Strict-Transport-Security only when NODE_ENV=production', async () => {
    for (const res of await Promise.all(requests(dev))) expect(res.headers['strict-transport-security']).toBeUndefined();
    for (const res of await Promise.all(requests(production))) {
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    }
  });

  it('the browser tests\' subscription count (GET /health/subscriptions) answers under NODE_ENV=test only', async () => {
    expect((await dev.http.get('/health/subscriptions')).body).toEqual({ listening: 0 });
    expect((await production.http.get('/health/subscriptions')).status).toBe(404);
  });

  it('keeps the answers themselves unchanged: GraphQL, health and the pivot redirect', async () => {
    const [graphql, health, resolve, redirect] = await Promise.all(requests(dev));
    expect(graphql.body.data).toEqual({ __typename: 'Query' });
    expect(health.status).toBe(200);
    expect(resolve.body.page.country).toBe('FR');
    expect(redirect.status).toBe(302);
  });
});
