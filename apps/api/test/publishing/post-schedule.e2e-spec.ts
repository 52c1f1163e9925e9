import { as, loadWorld, must, newUser, type World } from '../access/access-world';
import { errorCode, login } from '../support/graphql';
import { startTestApp } from '../support/test-app';
import { approvedPost, pollOnce, postState, scheduling, sql } from './publish-world';
import { PUBLISH_QUEUE } from '../../src/publishing/schedule/publisher.service';
import { auditActions, createPost, done, submittedPost, type PostRow } from './publishing-world';

const inAnHour = () => new Date(Date.now() + 3_600_000);
const sends = (w: World, post: PostRow) =>
  sql(w, `SELECT page_id, state, attempts, next_attempt_at FROM post_publications WHERE post_id = $1 ORDER BY page_id`, [post.id]);
const deliveries = (w: World, post: PostRow) => sql(w, `SELECT page_external_id FROM sandbox_deliveries WHERE subject_id = $1`, [post.id]);

/** schedulePost, unschedulePost and retryPost with the sandbox connector. */
describe('publishing: scheduling, unscheduling and retrying by hand', () => {
  let w: World;

  beforeAll(async () => {
    w = await loadWorld(await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '10000' }));
  });
  afterAll(() => w.app.close());

  it('schedules an APPROVED post without a time: SCHEDULED, one send per target due then, on the timeline and in the audit log', async () => {
    const post = await approvedPost(w, [w.id.FR, w.id.frConsumer], null);
    const at = inAnHour();
    const scheduled = must(await scheduling(w, 'FR_MANAGER', 'schedule', post, at)).schedulePost;
    expect(scheduled).toMatchObject({ state: 'SCHEDULED', version: post.version + 1, publishAt: at.toISOString() });
    const rows = await sends(w, post);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ state: 'PENDING', attempts: 0, next_attempt_at: at });
    expect((await postState(w, post.id)).timeline.at(-1)).toMatchObject({ kind: 'SCHEDULED', actorId: w.userId.FR_MANAGER, toState: 'SCHEDULED' });
    expect(await auditActions(w, post.id)).toEqual(['post.create', 'post.submit', 'post.approve', 'post.schedule']);
  });

  it('publishes a post scheduled by hand once it is due, exactly as one scheduled by its approval', async () => {
    const post = await approvedPost(w, [w.id.FR], null);
    must(await scheduling(w, 'ADMIN', 'schedule', post, inAnHour()));
    await pollOnce(w.app);
    expect((await postState(w, post.id)).state).toBe('SCHEDULED');
    // The hour passes: its sends and their jobs fall due (a real delay of 300 ms raced the first poll on a busy machine).
    await sql(w, `UPDATE post_publications SET next_attempt_at = now() WHERE post_id = $1`, [post.id]);
    await sql(w, `UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND data->>'postId' = $2 AND state = 'created'`, [PUBLISH_QUEUE, post.id]);
    await pollOnce(w.app);
    await pollOnce(w.app);
    expect((await postState(w, post.id)).state).toBe('PUBLISHED');
    expect(await deliveries(w, post)).toHaveLength(1);
  });

  it('moves the sends of a SCHEDULED post that has not gone out to its new time', async () => {
    const post = await approvedPost(w, [w.id.FR], inAnHour());
    const later = new Date(Date.now() + 7_200_000);
    expect(must(await scheduling(w, 'FR_MANAGER', 'schedule', post, later)).schedulePost).toMatchObject({ state: 'SCHEDULED', publishAt: later.toISOString() });
    expect(await sends(w, post)).toEqual([expect.objectContaining({ state: 'PENDING', next_attempt_at: later })]);
  });

  it('refuses a time in the past with BAD_USER_INPUT and changes nothing', async () => {
    const post = await approvedPost(w, [w.id.FR], null);
    const result = await scheduling(w, 'FR_MANAGER', 'schedule', post, new Date(Date.now() - 60_000));
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(await postState(w, post.id)).toMatchObject({ state: 'APPROVED', version: post.version });
    expect(await sends(w, post)).toEqual([]);
  });

  it('refuses to schedule a draft, a post in review or a published post (BAD_USER_INPUT), and a stale version (CONFLICT)', async () => {
    const draft = await createPost(w, 'FR_PUBLISHER', [w.id.FR]);
    expect(errorCode(await scheduling(w, 'FR_MANAGER', 'schedule', draft, inAnHour()))).toBe('BAD_USER_INPUT');
    const inReview = await submittedPost(w);
    expect(errorCode(await scheduling(w, 'FR_MANAGER', 'schedule', inReview, inAnHour()))).toBe('BAD_USER_INPUT');
    const published = await approvedPost(w, [w.id.FR], new Date(Date.now() - 1_000));
    await pollOnce(w.app);
    const sent = await postState(w, published.id);
    expect(sent.state).toBe('PUBLISHED');
    expect(errorCode(await scheduling(w, 'FR_MANAGER', 'schedule', { id: published.id, version: sent.version }, inAnHour()))).toBe('BAD_USER_INPUT');
    const approved = await approvedPost(w, [w.id.FR], null);
    expect(errorCode(await scheduling(w, 'FR_MANAGER', 'schedule', { id: approved.id, version: approved.version - 1 }, inAnHour()))).toBe('CONFLICT');
    expect(await postState(w, approved.id)).toMatchObject({ state: 'APPROVED', version: approved.version });
  });

  it('lets a manager schedule their own approved post: the decision was someone else’s', async () => {
    const author = await newUser(w, 'MARKET_MANAGER', w.id.FR, 'second-fr-manager');
    // The second manager acts through the FR_PUBLISHER slot of a copy of the world.
    const mine: World = { ...w, token: { ...w.token, FR_PUBLISHER: await login(w.app, author.email, author.password) } };
    const submitted = await done(mine, 'FR_PUBLISHER', 'submit', await createPost(mine, 'FR_PUBLISHER', [w.id.FR]));
    const approved = await done(w, 'FR_MANAGER', 'approve', submitted);
    expect(approved.state).toBe('APPROVED');
    expect(must(await scheduling(mine, 'FR_PUBLISHER', 'schedule', approved, inAnHour())).schedulePost.state).toBe('SCHEDULED');
  });

  it('unschedules a SCHEDULED post back to APPROVED without a time: nothing is owed, nothing goes out', async () => {
    const post = await approvedPost(w, [w.id.FR, w.id.frConsumer], new Date(Date.now() + 300));
    const back = must(await scheduling(w, 'FR_MANAGER', 'unschedule', post)).unschedulePost;
    expect(back).toMatchObject({ state: 'APPROVED', publishAt: null, version: post.version + 1 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    await pollOnce(w.app);
    expect(await postState(w, post.id)).toMatchObject({ state: 'APPROVED' });
    expect(await sends(w, post)).toEqual([]);
    expect(await deliveries(w, post)).toEqual([]);
    expect((await auditActions(w, post.id)).at(-1)).toBe('post.unschedule');
    // And it can be scheduled again.
    expect(must(await scheduling(w, 'FR_MANAGER', 'schedule', back, inAnHour())).schedulePost.state).toBe('SCHEDULED');
  });

  it('refuses to reschedule or unschedule a post one target already took (BAD_USER_INPUT), leaving it as it was', async () => {
    const post = await approvedPost(w, [w.id.FR, w.id.frConsumer], inAnHour());
    // Mid-way out: one target took it while the other's send waits (a retry after a 5xx, say).
    await sql(w, `UPDATE post_publications SET state = 'PUBLISHED', attempts = 1, published_at = now() WHERE post_id = $1 AND page_id = $2`, [post.id, w.id.FR]);
    expect(errorCode(await scheduling(w, 'FR_MANAGER', 'schedule', post, new Date(Date.now() + 7_200_000)))).toBe('BAD_USER_INPUT');
    expect(errorCode(await scheduling(w, 'FR_MANAGER', 'unschedule', post))).toBe('BAD_USER_INPUT');
    expect(await postState(w, post.id)).toMatchObject({ state: 'SCHEDULED', version: post.version });
    expect((await sends(w, post)).map((row) => row.state)).toEqual(w.id.FR < w.id.frConsumer ? ['PUBLISHED', 'PENDING'] : ['PENDING', 'PUBLISHED']);
  });

  it('retries a FAILED post: the failed target is sent again once fixed, the one that took it is not resent', async () => {
    const PAGE = `mutation($id: ID!, $input: UpdatePageInput!) { updatePage(id: $id, input: $input) { version externalId } }`;
    const pageOf = async (id = w.id.frConsumer) => must(await as(w, 'PLATFORM', 'query($id: ID!) { page(id: $id) { version externalId } }', { id })).page;
    const original = await pageOf();
    const frExternalId = (await pageOf(w.id.FR)).externalId;
    // The consumer page loses its network id: the sandbox refuses to send to it.
    must(await as(w, 'PLATFORM', PAGE, { id: w.id.frConsumer, input: { externalId: '', expectedVersion: original.version } }));
    const post = await approvedPost(w, [w.id.FR, w.id.frConsumer], new Date(Date.now() - 1_000));
    await pollOnce(w.app);
    const failed = await postState(w, post.id);
    expect(failed.state).toBe('FAILED');
    const [fr] = await sql(w, `SELECT attempts, published_at FROM post_publications WHERE post_id = $1 AND page_id = $2`, [post.id, w.id.FR]);
    // Fixed: the page has its id again.
    must(await as(w, 'PLATFORM', PAGE, { id: w.id.frConsumer, input: { externalId: original.externalId, expectedVersion: (await pageOf()).version } }));
    const retried = must(await scheduling(w, 'FR_MANAGER', 'retry', { id: post.id, version: failed.version })).retryPost;
    expect(retried.state).toBe('SCHEDULED');
    expect(await sql(w, `SELECT state, attempts, last_error FROM post_publications WHERE post_id = $1 AND page_id = $2`, [post.id, w.id.frConsumer])).toEqual([
      { state: 'PENDING', attempts: 0, last_error: null },
    ]);
    await pollOnce(w.app);
    const stored = await postState(w, post.id);
    expect(stored.state).toBe('PUBLISHED');
    expect(stored.timeline.map((entry) => entry.kind).slice(-3)).toEqual(['FAILED', 'RETRIED', 'PUBLISHED']);
    expect((await deliveries(w, post)).map((row) => row.page_external_id).sort()).toEqual([frExternalId, original.externalId].sort());
    // The FR send is the first one, untouched: no second attempt.
    expect(await sql(w, `SELECT attempts, published_at FROM post_publications WHERE post_id = $1 AND page_id = $2`, [post.id, w.id.FR])).toEqual([fr]);
    expect((await auditActions(w, post.id)).slice(-3)).toEqual(['post.fail', 'post.retry', 'post.publish']);
  });

  it('retries at a given time, refuses one in the past, and refuses to retry a post that has not failed', async () => {
    const post = await approvedPost(w, [w.id.FR], inAnHour());
    expect(errorCode(await scheduling(w, 'FR_MANAGER', 'retry', post))).toBe('BAD_USER_INPUT');
    await sql(w, `UPDATE post_publications SET state = 'FAILED', attempts = 3, last_error = 'down' WHERE post_id = $1`, [post.id]);
    const [row] = await sql(w, `UPDATE posts SET state = 'FAILED', version = version + 1 WHERE id = $1 RETURNING version`, [post.id]);
    const failed = { id: post.id, version: row!.version as number };
    expect(errorCode(await scheduling(w, 'FR_MANAGER', 'retry', failed, new Date(Date.now() - 1_000)))).toBe('BAD_USER_INPUT');
    expect(errorCode(await scheduling(w, 'FR_PUBLISHER', 'retry', failed))).toBe('FORBIDDEN');
    expect(errorCode(await scheduling(w, 'ES_MANAGER', 'retry', failed))).toBe('NOT_FOUND');
    const at = new Date(Date.now() + 7_200_000);
    expect(must(await scheduling(w, 'FR_MANAGER', 'retry', failed, at)).retryPost).toMatchObject({ state: 'SCHEDULED', publishAt: at.toISOString() });
    expect(await sends(w, post)).toEqual([expect.objectContaining({ state: 'PENDING', attempts: 0, next_attempt_at: at })]);
  });
});
