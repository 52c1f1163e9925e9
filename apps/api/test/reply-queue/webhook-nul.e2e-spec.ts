import { startTestApp, type TestApp } from '../support/test-app';
import { delivery, InboundTables, PAGE, postSigned, uid, WEBHOOK_ENV } from './inbound-fixture';

const NUL = '\u0000';

/*
 * PostgreSQL text cannot hold U+0000. One such comment used to fail the whole signed batch with
 * a 500, nothing stored, and every redelivery failed the same way: the clean comments were lost.
 */
describe('a webhook batch with a NUL character in one comment', () => {
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

  it('stores the rest of the batch and the comment without its NUL, and acknowledges it', async () => {
    const post = uid('post');
    const ids = { clean: uid('c'), dirty: uid('c'), badId: `${uid('c')}${NUL}`, aside: uid('c') };
    const before = await tables.counts();
    const response = await postSigned(
      app,
      delivery(
        [
          { page: PAGE.FR, id: ids.clean, post, author: 'ana', message: 'Bonjour' },
          { page: PAGE.FR, id: ids.dirty, post, author: 'bob', name: `Bob${NUL}`, message: `Sa${NUL}lut` },
          // An id with a NUL cannot be stored, and without it would name another item: skipped and counted.
          { page: PAGE.FR, id: ids.badId, post, author: 'eve', message: 'hi' },
          // For a page Pivot does not know: kept aside in a jsonb column, which refuses \u0000 too.
          { page: 'fb-unknown-nul-page', id: ids.aside, post, author: 'zoe', message: `x${NUL}` },
        ],
        [{ page: PAGE.FR, mid: uid('m'), sender: 'ana', text: `m${NUL}` }],
      ),
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ stored: 3, duplicates: 0, unmatched: 1, ignored: 1 });
    const after = await tables.counts();
    expect(after.items - before.items).toBe(3);
    expect(after.unmatched - before.unmatched).toBe(1);
    const [dirty] = await tables.item(ids.dirty);
    expect({ text: dirty.text, author: dirty.author_name }).toEqual({ text: 'Salut', author: 'Bob' });
    expect(await tables.item(ids.clean)).toHaveLength(1);
  });
});
