import { startTestApp, type TestApp } from '../support/test-app';
import { delivery, InboundTables, PAGE, post, sign, uid, WEBHOOK_ENV } from './inbound-fixture';

/*
 * POST /webhooks/facebook is authenticated by X-Hub-Signature-256 alone: an HMAC-SHA256 of the
 * exact bytes received, keyed with the app secret. Anything else is 401 and stores nothing,
 * counted in the tables themselves. The body limit holds for the webhook as for every route.
 */
describe('webhook signatures (POST /webhooks/facebook)', () => {
  let app: TestApp;
  let tables: InboundTables;

  beforeAll(async () => {
    app = await startTestApp({ ...WEBHOOK_ENV, BODY_LIMIT: '100kb' });
    tables = await InboundTables.open(app.databaseUrl);
  });
  afterAll(async () => {
    await tables?.close();
    await app?.close();
  });

  /** A delivery of one comment and one message on FR, one comment on an unknown page: all three tables would get a row. */
  function fresh(): { body: string; ids: string[] } {
    const [c, m, u] = [uid('sig-c'), uid('sig-m'), uid('sig-u')];
    const payload = delivery(
      [
        { page: PAGE.FR, id: c, post: uid('post'), author: 'u-sig' },
        { page: 'fb-nobody-knows', id: u, post: uid('post'), author: 'u-sig' },
      ],
      [{ page: PAGE.FR, mid: m, sender: 'u-sig' }],
    );
    return { body: JSON.stringify(payload), ids: [c, m, u] };
  }

  async function refused(body: string | Buffer, signature: string | null, ids: string[]): Promise<void> {
    const before = await tables.counts();
    const req = app.http.post('/webhooks/facebook').set('content-type', 'application/json');
    if (signature) req.set('x-hub-signature-256', signature);
    const res = await req.send(body);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    expect(await tables.counts()).toEqual(before);
    for (const id of ids) expect(await tables.item(id)).toEqual([]);
  }

  it('a correctly signed delivery is acknowledged with what it stored (the control for the refusals below)', async () => {
    const { body, ids } = fresh();
    const before = await tables.counts();
    const res = await post(app, body, sign(body));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ stored: 2, duplicates: 0, unmatched: 1, ignored: 0 });
    expect(await tables.counts()).toEqual({ items: before.items + 2, conversations: before.conversations + 2, unmatched: before.unmatched + 1 });
    expect((await tables.item(ids[0]))[0].page_external_id).toBe(PAGE.FR);
  });

  it('no X-Hub-Signature-256 header is 401 and stores nothing', async () => {
    const { body, ids } = fresh();
    await refused(body, null, ids);
  });

  it('a signature made with another secret is 401 and stores nothing', async () => {
    const { body, ids } = fresh();
    await refused(body, sign(body, 'some-other-app-secret'), ids);
  });

  it('a body with one byte changed after signing is 401 and stores nothing', async () => {
    const { body, ids } = fresh();
    const signature = sign(body);
    const at = body.indexOf('comment ') + 'comment '.length;
    const tampered = Buffer.from(body);
    tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41;
    expect(tampered.length).toBe(Buffer.byteLength(body));
    expect(JSON.parse(tampered.toString())).toBeTruthy();
    await refused(tampered, signature, ids);
  });

  it('the same object re-serialized with other whitespace is 401: the signature is over the bytes, not the JSON', async () => {
    const { body, ids } = fresh();
    const pretty = JSON.stringify(JSON.parse(body), null, 2);
    expect(JSON.parse(pretty)).toEqual(JSON.parse(body));
    await refused(pretty, sign(body), ids);
  });

  it('the same object re-serialized with its keys in another order is 401', async () => {
    const { body, ids } = fresh();
    const reorder = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reorder)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorder(v)]))
          : value;
    const reordered = JSON.stringify(reorder(JSON.parse(body)));
    expect(reordered).not.toBe(body);
    expect(reordered.length).toBe(body.length);
    await refused(reordered, sign(body), ids);
  });

  it.each<[string, (body: string) => string]>([
    ['without the sha256= prefix', (body) => sign(body).slice('sha256='.length)],
    ['labelled sha1', (body) => sign(body).replace('sha256=', 'sha1=')],
    ['cut short', (body) => sign(body).slice(0, -2)],
    ['with a byte too many', (body) => `${sign(body)}00`],
    ['not hex', (body) => `sha256=${'z'.repeat(64)}`],
    ['the signature of an empty body', () => sign('')],
    // What Node makes of the header sent twice: one value, joined.
    ['given twice, once right', (body) => `${sign(body)}, ${sign(body, 'some-other-app-secret')}`],
  ])('a signature %s is 401 and stores nothing', async (_label, signature) => {
    const { body, ids } = fresh();
    await refused(body, signature(body), ids);
  });

  it('the signature of the exact bytes holds whatever the JSON escapes: \\u00e9 sent, é stored', async () => {
    const id = uid('sig-escape');
    const body = JSON.stringify(delivery([{ page: PAGE.FR, id, post: uid('post'), author: 'u-esc', message: 'café ☕' }])).replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(body).toContain('caf\\u00e9');
    const res = await post(app, body, sign(body));
    expect(res.status).toBe(200);
    expect((await tables.item(id))[0].text).toBe('café ☕');
  });

  it('an uppercase hex signature is the same signature', async () => {
    const { body, ids } = fresh();
    const res = await post(app, body, `sha256=${sign(body).slice('sha256='.length).toUpperCase()}`);
    expect(res.status).toBe(200);
    expect(await tables.item(ids[0])).toHaveLength(1);
  });

  it('a signed body that is not a page delivery is 400 and stores nothing', async () => {
    const before = await tables.counts();
    const body = JSON.stringify({ object: 'user', entry: [] });
    const res = await post(app, body, sign(body));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_USER_INPUT');
    expect(await tables.counts()).toEqual(before);
  });

  describe('body size', () => {
    /** A delivery of `count` comments on FR with ~`textBytes` of text each. */
    function batch(count: number, textBytes: number): { body: string; ids: string[] } {
      const ids = Array.from({ length: count }, () => uid('big'));
      const comments = ids.map((id, i) => ({ page: PAGE.FR, id, post: `big-post-${i % 10}`, author: `big-author-${i % 25}`, message: 'x'.repeat(textBytes) }));
      return { body: JSON.stringify(delivery(comments)), ids };
    }

    it('a large batch just under BODY_LIMIT (100kb) is stored whole', async () => {
      const { body, ids } = batch(300, 90);
      const bytes = Buffer.byteLength(body);
      expect(bytes).toBeGreaterThan(90 * 1024);
      expect(bytes).toBeLessThan(100 * 1024);
      const before = await tables.counts();
      const res = await post(app, body, sign(body));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ stored: 300, duplicates: 0, unmatched: 0, ignored: 0 });
      expect((await tables.counts()).items).toBe(before.items + 300);
      expect(await tables.item(ids[299])).toHaveLength(1);
    });

    it('a batch over BODY_LIMIT is 413, even correctly signed, and stores nothing', async () => {
      const { body } = batch(400, 200);
      expect(Buffer.byteLength(body)).toBeGreaterThan(100 * 1024);
      const before = await tables.counts();
      const res = await post(app, body, sign(body));
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await tables.counts()).toEqual(before);
    });
  });
});
