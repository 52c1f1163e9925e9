import { loadWorld, must, type World } from '../access/access-world';
import { startTestApp } from '../support/test-app';
import { JobQueue } from '../../src/jobs/job-queue';
import { PUBLISH_QUEUE } from '../../src/publishing/schedule/publisher.service';
import { PublishWorker } from '../../src/publishing/schedule/publish-worker';
import { approvedPost, pollOnce, postState, scheduling, sql } from './publish-world';

const past = () => new Date(Date.now() - 60_000);

/** The pg-boss side of publishing: which jobs the schedule owes, and that a job delivered more than once still sends once. */
describe('publishing: the pg-boss publish jobs', () => {
  let w: World;

  beforeAll(async () => {
    w = await loadWorld(await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '10000' }));
  });
  afterAll(() => w.app.close());

  const jobsOf = (postId: string) =>
    sql<{ page_id: string; state: string; start_after: Date; singleton_key: string | null }>(
      w,
      `SELECT data->>'pageId' AS page_id, state, start_after, singleton_key FROM pgboss.job WHERE name = $1 AND data->>'postId' = $2 ORDER BY start_after, data->>'pageId'`,
      [PUBLISH_QUEUE, postId],
    );
  const sent = async (postId: string) => (await sql(w, `SELECT 1 FROM sandbox_deliveries WHERE subject_id = $1`, [postId])).length;
  /** Another delivery of a send's job, as pg-boss's at-least-once makes possible (its own key: the queue keeps one waiting job per key). */
  let copies = 0;
  const sendByHand = (postId: string, pageId: string) => w.app.app.get(JobQueue).instance.send(PUBLISH_QUEUE, { postId, pageId }, { singletonKey: `by-hand-${++copies}` });

  it('gives each target of a scheduled post one job, due at the publish time and keyed by the send and that time', async () => {
    const at = new Date(Date.now() + 3_600_000);
    const post = await approvedPost(w, [w.id.FR, w.id.frConsumer], at);
    const jobs = await jobsOf(post.id);
    expect(jobs).toHaveLength(2);
    expect(jobs.map((job) => job.page_id).sort()).toEqual([w.id.FR, w.id.frConsumer].sort());
    for (const job of jobs) {
      expect(job).toMatchObject({ state: 'created', singleton_key: `${post.id}:${job.page_id}@${at.toISOString()}` });
      expect(new Date(job.start_after).getTime()).toBe(at.getTime());
    }
  });

  it('publishes a job delivered three times once: the later deliveries find the send done and complete', async () => {
    const post = await approvedPost(w, [w.id.FR], past());
    expect(await sendByHand(post.id, w.id.FR)).toEqual(expect.any(String));
    expect(await sendByHand(post.id, w.id.FR)).toEqual(expect.any(String));
    await pollOnce(w.app);
    expect((await postState(w, post.id)).state).toBe('PUBLISHED');
    expect(await sent(post.id)).toBe(1);
    expect((await jobsOf(post.id)).map((job) => job.state)).toEqual(['completed', 'completed', 'completed']);
  });

  it('sends once when copies of one job are worked at the same moment by two instances', async () => {
    const post = await approvedPost(w, [w.id.FR, w.id.frConsumer], past());
    for (let copy = 0; copy < 4; copy++) {
      expect(await sendByHand(post.id, w.id.FR)).toEqual(expect.any(String));
      expect(await sendByHand(post.id, w.id.frConsumer)).toEqual(expect.any(String));
    }
    const second = await startTestApp({}, { url: w.app.databaseUrl });
    try {
      await Promise.all([pollOnce(w.app), pollOnce(second)]);
    } finally {
      await second.close();
    }
    expect((await postState(w, post.id)).state).toBe('PUBLISHED');
    const rows = await sql(w, `SELECT page_external_id, count(*)::int AS n FROM sandbox_deliveries WHERE subject_id = $1 GROUP BY page_external_id`, [post.id]);
    expect(rows.map((row) => row.n)).toEqual([1, 1]);
    expect((await jobsOf(post.id)).filter((job) => job.state !== 'completed')).toEqual([]);
  });

  it('gives a publish time moved earlier its own job: the post goes out at the new time, the old time’s job then sends nothing', async () => {
    const post = await approvedPost(w, [w.id.FR], new Date(Date.now() + 3_600_000));
    const moved = must(await scheduling(w, 'FR_MANAGER', 'schedule', post, new Date(Date.now() + 400)), 'schedulePost').schedulePost;
    expect(moved.state).toBe('SCHEDULED');
    expect((await jobsOf(post.id)).map((job) => job.state)).toEqual(['created', 'created']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await pollOnce(w.app);
    expect((await postState(w, post.id)).state).toBe('PUBLISHED');
    expect(await sent(post.id)).toBe(1);
    // The job for the old time, delivered now by hand: the send is done, nothing goes out.
    await sql(w, `UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND data->>'postId' = $2 AND state = 'created'`, [PUBLISH_QUEUE, post.id]);
    await pollOnce(w.app);
    expect(await sent(post.id)).toBe(1);
    expect((await jobsOf(post.id)).map((job) => job.state)).toEqual(['completed', 'completed']);
  });

  it('sweeps a due send that has no job into one (once, however often it sweeps) and it goes out; a send whose job waits gets no copy', async () => {
    const post = await approvedPost(w, [w.id.FR], past());
    const worker = w.app.app.get(PublishWorker);
    // Its scheduled job is waiting (nothing else in this database is due and job-less).
    expect(await worker.sweep()).toBe(0);
    expect((await jobsOf(post.id)).map((job) => job.state)).toEqual(['created']);
    // As a send written before pg-boss, or whose job pg-boss gave up on, is left.
    await sql(w, `DELETE FROM pgboss.job WHERE name = $1 AND data->>'postId' = $2`, [PUBLISH_QUEUE, post.id]);
    expect(await worker.sweep()).toBe(1);
    expect(await worker.sweep()).toBe(0);
    expect((await jobsOf(post.id)).map((job) => job.state)).toEqual(['created']);
    await pollOnce(w.app);
    expect((await postState(w, post.id)).state).toBe('PUBLISHED');
    expect(await sent(post.id)).toBe(1);
  });

  it('leaves a send its post no longer owes alone: an unscheduled post’s job completes and nothing goes out', async () => {
    const post = await approvedPost(w, [w.id.FR], new Date(Date.now() + 3_600_000));
    must(await scheduling(w, 'FR_MANAGER', 'unschedule', post), 'unschedulePost');
    await sql(w, `UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND data->>'postId' = $2`, [PUBLISH_QUEUE, post.id]);
    await pollOnce(w.app);
    expect((await postState(w, post.id)).state).toBe('APPROVED');
    expect(await sent(post.id)).toBe(0);
    expect((await jobsOf(post.id)).map((job) => job.state)).toEqual(['completed']);
  });
});
