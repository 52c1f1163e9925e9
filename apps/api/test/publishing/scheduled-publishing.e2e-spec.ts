import { loadWorld, type World } from '../access/access-world';
import { startTestApp } from '../support/test-app';
import { approvedPost, pollOnce, postState, sql } from './publish-world';
import { auditActions, done } from './publishing-world';

const past = () => new Date(Date.now() - 60_000);

describe('publishing: scheduling and the sandbox connector', () => {
  let w: World;

  beforeAll(async () => {
    w = await loadWorld(await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '10000' }));
  });
  afterAll(() => w.app.close());

  it('schedules a post with a publish time on its final approval and publishes it once due, recording the exact page-feed request', async () => {
    const post = await approvedPost(w, [w.id.FR, w.id.frConsumer], past(), 'Bonjour Lyon ! #northwind', { link: 'https://northwind.example/lyon' });
    expect(post.state).toBe('SCHEDULED');
    await pollOnce(w.app);
    const stored = await postState(w, post.id);
    expect(stored.state).toBe('PUBLISHED');
    expect(stored.timeline.at(-1)).toMatchObject({ kind: 'PUBLISHED', actorId: null, toState: 'PUBLISHED' });
    const sent = await sql(w, `SELECT d.method, d.path, d.body, d.page_external_id, d.idempotency_key FROM sandbox_deliveries d WHERE d.subject_id = $1 ORDER BY d.page_external_id COLLATE "C"`, [post.id]);
    const pages = await sql(w, `SELECT id, external_id FROM pages WHERE id = ANY($1) ORDER BY external_id COLLATE "C"`, [[w.id.FR, w.id.frConsumer]]);
    expect(sent).toEqual(
      pages.map((page) => ({
        method: 'POST',
        path: `/${page.external_id}/feed`,
        body: { message: 'Bonjour Lyon ! #northwind', link: 'https://northwind.example/lyon' },
        page_external_id: page.external_id,
        idempotency_key: `${post.id}:${page.id}`,
      })),
    );
    const publications = await sql(w, `SELECT state, external_id, attempts FROM post_publications WHERE post_id = $1`, [post.id]);
    expect(publications).toHaveLength(2);
    for (const row of publications) expect(row).toMatchObject({ state: 'PUBLISHED', attempts: 1, external_id: expect.stringMatching(/^sandbox-/) });
    expect(await auditActions(w, post.id)).toEqual(['post.create', 'post.submit', 'post.approve', 'post.publish']);
  });

  it('sends nothing again on later polls, from this instance or a second one on the same database', async () => {
    const post = await approvedPost(w, [w.id.FR], past());
    await pollOnce(w.app);
    const second = await startTestApp({ PUBLISH_POLL_INTERVAL_MS: '0' }, { url: w.app.databaseUrl });
    try {
      await Promise.all([pollOnce(w.app), pollOnce(second)]);
    } finally {
      await second.close();
    }
    expect(await sql(w, `SELECT id FROM sandbox_deliveries WHERE subject_id = $1`, [post.id])).toHaveLength(1);
  });

  it('keeps a post due later SCHEDULED and unsent', async () => {
    const post = await approvedPost(w, [w.id.FR], new Date(Date.now() + 3_600_000));
    await pollOnce(w.app);
    expect((await postState(w, post.id)).state).toBe('SCHEDULED');
    expect(await sql(w, `SELECT id FROM sandbox_deliveries WHERE subject_id = $1`, [post.id])).toHaveLength(0);
  });

  it('leaves an approved post without a publish time APPROVED, owing nothing', async () => {
    const post = await approvedPost(w, [w.id.FR], null);
    expect(post.state).toBe('APPROVED');
    await pollOnce(w.app);
    expect((await postState(w, post.id)).state).toBe('APPROVED');
    expect(await sql(w, `SELECT 1 FROM post_publications WHERE post_id = $1`, [post.id])).toHaveLength(0);
  });

  it('cancels the sends of a scheduled post its author withdraws: back to DRAFT, nothing goes out', async () => {
    const post = await approvedPost(w, [w.id.FR], new Date(Date.now() + 500));
    const draft = await done(w, 'FR_PUBLISHER', 'withdraw', post);
    expect(draft.state).toBe('DRAFT');
    await new Promise((resolve) => setTimeout(resolve, 600));
    await pollOnce(w.app);
    expect((await postState(w, post.id)).state).toBe('DRAFT');
    expect(await sql(w, `SELECT 1 FROM post_publications WHERE post_id = $1`, [post.id])).toHaveLength(0);
    expect(await sql(w, `SELECT id FROM sandbox_deliveries WHERE subject_id = $1`, [post.id])).toHaveLength(0);
  });

  it('works the pg-boss publish queue on its own when PUBLISH_POLL_INTERVAL_MS is set', async () => {
    const polling = await startTestApp({ PUBLISH_POLL_INTERVAL_MS: '20' }, { url: w.app.databaseUrl });
    try {
      const post = await approvedPost(w, [w.id.FR], past());
      const deadline = Date.now() + 10_000;
      while ((await postState(w, post.id)).state !== 'PUBLISHED' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      expect((await postState(w, post.id)).state).toBe('PUBLISHED');
    } finally {
      await polling.close();
    }
  });
});
