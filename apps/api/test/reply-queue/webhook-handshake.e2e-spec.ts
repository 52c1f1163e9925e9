import { startTestApp, type TestApp } from '../support/test-app';
import { InboundTables, VERIFY_TOKEN, WEBHOOK_ENV } from './inbound-fixture';

/*
 * GET /webhooks/facebook: the subscription handshake the network runs before it delivers
 * anything. Only the right verify token gets the challenge echoed back, as plain text.
 */
describe('webhook handshake (GET /webhooks/:network)', () => {
  let app: TestApp;
  let tables: InboundTables;

  beforeAll(async () => {
    app = await startTestApp(WEBHOOK_ENV);
    tables = await InboundTables.open(app.databaseUrl);
  });
  afterAll(async () => {
    await tables?.close();
    await app?.close();
  });

  const handshake = (query: Record<string, string>, network = 'facebook') => app.http.get(`/webhooks/${network}`).query(query);
  const ok = { 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1158201444' };

  it('echoes hub.challenge as text/plain (nothing else) when the verify token is ours', async () => {
    const res = await handshake(ok);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.text).toBe('1158201444');
  });

  it('echoes the challenge byte for byte, markup included, without turning it into HTML', async () => {
    const challenge = '<script>alert(1)</script>';
    const res = await handshake({ ...ok, 'hub.challenge': challenge });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toBe(challenge);
  });

  it.each([
    ['another token', 'not-the-verify-token'],
    ['the token with one character changed', `${VERIFY_TOKEN.slice(0, -1)}X`],
    ['the token with a suffix', `${VERIFY_TOKEN}x`],
    ['a prefix of the token', VERIFY_TOKEN.slice(0, 8)],
  ])('a wrong verify token (%s) is 403 FORBIDDEN and echoes nothing', async (_label, token) => {
    const res = await handshake({ ...ok, 'hub.verify_token': token });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect(res.text).not.toContain(ok['hub.challenge']);
  });

  it.each<[string, Record<string, string>]>([
    ['no parameters at all', {}],
    ['no hub.mode', { 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1' }],
    ['hub.mode other than subscribe', { ...ok, 'hub.mode': 'unsubscribe' }],
    ['no hub.verify_token', { 'hub.mode': 'subscribe', 'hub.challenge': '1' }],
    ['an empty hub.verify_token', { ...ok, 'hub.verify_token': '' }],
    ['no hub.challenge', { 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN }],
    ['an empty hub.challenge', { ...ok, 'hub.challenge': '' }],
    ['a hub.challenge over 256 characters', { ...ok, 'hub.challenge': '9'.repeat(257) }],
  ])('%s is 400 BAD_USER_INPUT', async (_label, query) => {
    const res = await handshake(query);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_USER_INPUT');
  });

  it('a repeated parameter (an array, not a string) is 400, not echoed', async () => {
    const res = await app.http.get(`/webhooks/facebook?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1&hub.challenge=2`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_USER_INPUT');
  });

  it.each(['instagram', 'twitter', 'Facebook'])('an unknown network (%s) is 404 NOT_FOUND, even with the right token', async (network) => {
    const res = await handshake(ok, network);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('a POST to an unknown network is 404 and stores nothing', async () => {
    const before = await tables.counts();
    const res = await app.http.post('/webhooks/instagram').set('content-type', 'application/json').send('{"object":"page","entry":[]}');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect(await tables.counts()).toEqual(before);
  });

  it('needs no bearer token: the verify token is the authentication', async () => {
    const res = await handshake(ok).set('authorization', 'Bearer not-a-valid-token');
    expect(res.status).toBe(200);
    expect(res.text).toBe(ok['hub.challenge']);
  });
});
