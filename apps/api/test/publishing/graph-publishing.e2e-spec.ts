import { as, loadWorld, must, type World } from '../access/access-world';
import { startTestApp, type TestApp } from '../support/test-app';
import { FakeGraph } from '../support/fake-graph';
import { approvedPost, pollOnce, postState, sql, until } from './publish-world';
import type { PostRow } from './publishing-world';

const past = () => new Date(Date.now() - 60_000);
const RETRY = 'mutation($id: ID!, $version: Int!) { retryPost(id: $id, version: $version) { state version } }';

/** The Graph API connector against a local fake Graph server, and two instances sharing one database. */
describe('publishing: the Graph API page-feed connector', () => {
  let w: World;
  const graph = new FakeGraph();
  let graphUrl: string;
  let external: Record<string, string>;
  let env: Record<string, string>;
  let publisher: TestApp;

  beforeAll(async () => {
    w = await loadWorld(await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '10000' }));
    graphUrl = await graph.start();
    const rows = await sql(w, `SELECT id, external_id FROM pages WHERE id = ANY($1)`, [[w.id.FR, w.id.frConsumer, w.id.frStudent]]);
    external = Object.fromEntries(rows.map((row) => [row.id, row.external_id]));
    // FR and its consumer page have tokens; the student page has none.
    const tokens = { [external[w.id.FR]!]: 'token-fr', [external[w.id.frConsumer]!]: 'token-consumer' };
    env = {
      PUBLISH_CONNECTOR: 'graph',
      GRAPH_API_URL: graphUrl,
      GRAPH_PAGE_TOKENS: JSON.stringify(tokens),
      PUBLISH_MAX_ATTEMPTS: '3',
      PUBLISH_RETRY_BASE_MS: '100',
      PUBLISH_HTTP_TIMEOUT_MS: '300',
    };
    publisher = await startTestApp(env, { url: w.app.databaseUrl });
  });
  afterAll(async () => {
    await publisher.close();
    await w.app.close();
    await graph.stop();
  });
  beforeEach(() => {
    graph.answer = (hit) => ({ status: 200, body: { id: `${hit.pageId}_${graph.hits.length}` } });
  });

  const keyOf = (post: PostRow, pageId = w.id.FR) => `${post.id}:${pageId}`;
  const publication = async (post: PostRow, pageId = w.id.FR) =>
    (await sql(w, `SELECT state, attempts, external_id, last_error FROM post_publications WHERE post_id = $1 AND page_id = $2`, [post.id, pageId]))[0];
  /** Polls the graph instance until the post leaves SCHEDULED (retries wait for their backoff). */
  const settle = async (post: PostRow) => {
    await until('the post to settle', async () => {
      await pollOnce(publisher);
      return (await postState(w, post.id)).state !== 'SCHEDULED';
    });
    return postState(w, post.id);
  };

  it('posts message, link and the page token to /{page-id}/feed and keeps the network’s post id: PUBLISHED', async () => {
    const post = await approvedPost(w, [w.id.FR], past(), 'Bonjour ! #northwind', { link: 'https://northwind.example/a' });
    expect((await settle(post)).state).toBe('PUBLISHED');
    const hits = graph.hitsFor(keyOf(post));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ pageId: external[w.id.FR], form: { message: 'Bonjour ! #northwind', link: 'https://northwind.example/a', access_token: 'token-fr' } });
    expect(await publication(post)).toMatchObject({ state: 'PUBLISHED', attempts: 1, external_id: expect.stringMatching(new RegExp(`^${external[w.id.FR]}_`)), last_error: null });
    const shown = must(await as(w, 'FR_PUBLISHER', `query($id: ID!) { post(id: $id) { publications { pageId state attempts externalId lastError publishedAt } } }`, { id: post.id })).post;
    expect(shown.publications).toEqual([{ pageId: w.id.FR, state: 'PUBLISHED', attempts: 1, externalId: (await publication(post)).external_id, lastError: null, publishedAt: expect.any(String) }]);
  });

  it('marks a post the network refuses (4xx) FAILED at once with the network’s message, without retrying', async () => {
    graph.answer = () => ({ status: 400, body: { error: { message: '(#200) The user has not authorized the application', code: 200 } } });
    const post = await approvedPost(w, [w.id.FR], past());
    const stored = await settle(post);
    expect(stored.state).toBe('FAILED');
    expect(stored.timeline.at(-1)).toMatchObject({ kind: 'FAILED', actorId: null, comment: expect.stringContaining('(#200) The user has not authorized the application') });
    expect(graph.hitsFor(keyOf(post))).toHaveLength(1);
    expect(await publication(post)).toMatchObject({ state: 'FAILED', attempts: 1, last_error: '(#200) The user has not authorized the application' });
    const shown = must(await as(w, 'FR_MANAGER', `query($id: ID!) { post(id: $id) { publications { state lastError externalId } } }`, { id: post.id })).post;
    expect(shown.publications).toEqual([{ state: 'FAILED', lastError: '(#200) The user has not authorized the application', externalId: null }]);
  });

  it('retries a 5xx with growing backoff and publishes when the network recovers', async () => {
    graph.answer = (hit, nth) => (nth <= 2 ? { status: 503, body: { error: { message: 'Service temporarily unavailable' } } } : { status: 200, body: { id: `${hit.pageId}_ok` } });
    const post = await approvedPost(w, [w.id.FR], past());
    expect((await settle(post)).state).toBe('PUBLISHED');
    const hits = graph.hitsFor(keyOf(post));
    expect(hits).toHaveLength(3);
    expect(hits[1]!.at - hits[0]!.at).toBeGreaterThanOrEqual(100);
    expect(hits[2]!.at - hits[1]!.at).toBeGreaterThanOrEqual(200);
    expect(await publication(post)).toMatchObject({ state: 'PUBLISHED', attempts: 3, external_id: `${external[w.id.FR]}_ok` });
    // Each retry was its own pg-boss job, due when the row said the next attempt was.
    const jobs = await sql(w, `SELECT start_after FROM pgboss.job WHERE name = 'publish-send' AND data->>'postId' = $1 ORDER BY start_after`, [post.id]);
    expect(jobs).toHaveLength(3);
    expect(new Date(jobs[2]!.start_after).getTime() - new Date(jobs[1]!.start_after).getTime()).toBeGreaterThanOrEqual(200);
  });

  it('gives up after PUBLISH_MAX_ATTEMPTS 5xx answers: FAILED with the last message', async () => {
    graph.answer = () => ({ status: 500, body: { error: { message: 'An unknown error has occurred.' } } });
    const post = await approvedPost(w, [w.id.FR], past());
    expect((await settle(post)).state).toBe('FAILED');
    expect(graph.hitsFor(keyOf(post))).toHaveLength(3);
    expect(await publication(post)).toMatchObject({ state: 'FAILED', attempts: 3, last_error: 'An unknown error has occurred.' });
  });

  it('treats no answer within PUBLISH_HTTP_TIMEOUT_MS as retryable, then FAILED', async () => {
    graph.answer = () => ({ status: 200, body: { id: 'too-late' }, delayMs: 1_000 });
    const post = await approvedPost(w, [w.id.FR], past());
    expect((await settle(post)).state).toBe('FAILED');
    expect(graph.hitsFor(keyOf(post))).toHaveLength(3);
    expect(await publication(post)).toMatchObject({ state: 'FAILED', attempts: 3, last_error: 'No answer within 300 ms' });
  });

  it('fails the one target without a page token, publishes the others, and the post is FAILED naming it', async () => {
    const post = await approvedPost(w, [w.id.FR, w.id.frStudent], past());
    const stored = await settle(post);
    expect(stored.state).toBe('FAILED');
    expect(stored.timeline.at(-1)!.comment).toContain(w.id.frStudent);
    expect(await publication(post, w.id.FR)).toMatchObject({ state: 'PUBLISHED' });
    expect(await publication(post, w.id.frStudent)).toMatchObject({ state: 'FAILED', attempts: 1, last_error: expect.stringContaining('No access token') });
    expect(graph.hitsFor(keyOf(post, w.id.frStudent))).toHaveLength(0);
  });

  it('retries a post the network refused for one page: after the fix only that page is sent again, the page that took it is not resent', async () => {
    graph.answer = (hit) =>
      hit.pageId === external[w.id.frConsumer] ? { status: 400, body: { error: { message: '(#100) Invalid parameter', code: 100 } } } : { status: 200, body: { id: `${hit.pageId}_first` } };
    const post = await approvedPost(w, [w.id.FR, w.id.frConsumer], past());
    const failed = await settle(post);
    expect(failed.state).toBe('FAILED');
    expect(await publication(post, w.id.FR)).toMatchObject({ state: 'PUBLISHED', attempts: 1, external_id: `${external[w.id.FR]}_first` });
    // Fixed on the network's side: the page takes posts again.
    graph.answer = (hit) => ({ status: 200, body: { id: `${hit.pageId}_retried` } });
    const retried = must(await as(w, 'FR_MANAGER', RETRY, { id: post.id, version: failed.version })).retryPost;
    expect(retried.state).toBe('SCHEDULED');
    expect((await settle(post)).state).toBe('PUBLISHED');
    expect(graph.hitsFor(keyOf(post, w.id.FR))).toHaveLength(1);
    expect(graph.hitsFor(keyOf(post, w.id.frConsumer))).toHaveLength(2);
    expect(await publication(post, w.id.FR)).toMatchObject({ state: 'PUBLISHED', attempts: 1, external_id: `${external[w.id.FR]}_first` });
    expect(await publication(post, w.id.frConsumer)).toMatchObject({ state: 'PUBLISHED', attempts: 1, external_id: `${external[w.id.frConsumer]}_retried`, last_error: null });
  });

  it('sends each of many due posts exactly once per page with two instances working the pg-boss queue of one database', async () => {
    const posts: PostRow[] = [];
    for (let batch = 0; batch < 6; batch++) {
      posts.push(...(await Promise.all(Array.from({ length: 10 }, () => approvedPost(w, [w.id.FR, w.id.frConsumer], past())))));
    }
    // A little latency per send widens the window in which the two instances race for the same rows.
    graph.answer = (hit) => ({ status: 200, body: { id: `${hit.pageId}_${graph.hits.length}` }, delayMs: 3 });
    // A generous HTTP timeout: this test pins the race between instances, not the timeout path (a
    // send answered after the timeout is retried by design and would count twice on a loaded machine).
    const busy = { ...env, PUBLISH_POLL_INTERVAL_MS: '10', PUBLISH_CONCURRENCY: '4', PUBLISH_HTTP_TIMEOUT_MS: '10000' };
    const [one, two] = await Promise.all([startTestApp(busy, { url: w.app.databaseUrl }), startTestApp(busy, { url: w.app.databaseUrl })]);
    try {
      await until('every post to be published', async () => {
        const [row] = await sql(w, `SELECT count(*)::int AS left FROM posts WHERE id = ANY($1) AND state <> 'PUBLISHED'`, [posts.map((post) => post.id)]);
        return row!.left === 0;
      }, 60_000);
    } finally {
      await Promise.all([one!.close(), two!.close()]);
    }
    const keys = posts.flatMap((post) => [keyOf(post, w.id.FR), keyOf(post, w.id.frConsumer)]);
    const counts = keys.map((key) => graph.hitsFor(key).length);
    expect(counts.filter((count) => count !== 1)).toEqual([]);
    expect(counts).toHaveLength(120);
  });
});
