import { Client, type Pool } from 'pg';
import { DataSource } from 'typeorm';
import { DUE_POSTS_SQL } from '../../src/database/seed/seed-due-posts';
import { JobQueue } from '../../src/jobs/job-queue';
import { PUBLISH_QUEUE, type PublishJob } from '../../src/publishing/schedule/publisher.service';
import { PublishWorker } from '../../src/publishing/schedule/publish-worker';
import type { TestApp } from '../support/test-app';
import { as, must, type Who, type World } from '../access/access-world';
import { CLEAN_BODY, done, POST_FIELDS, type PostRow } from './publishing-world';

const CREATE = `mutation($input: CreatePostInput!) { createPost(input: $input) { ${POST_FIELDS} } }`;

/** A post of the FR publisher's on `targets`, approved by the FR manager: SCHEDULED when it has a time. */
export async function approvedPost(w: World, targets: string[], publishAt: Date | null, body = CLEAN_BODY, extra: { link?: string } = {}): Promise<PostRow> {
  const input = { brandId: w.brandId, targetPageIds: targets, body, locale: 'fr-FR', publishAt: publishAt?.toISOString() ?? null, ...extra };
  const draft = must(await as(w, 'FR_PUBLISHER', CREATE, { input }), 'create').createPost as PostRow;
  const submitted = await done(w, 'FR_PUBLISHER', 'submit', draft);
  return done(w, 'FR_MANAGER', 'approve', submitted);
}

export async function postState(w: World, id: string, who: Who = 'PLATFORM'): Promise<{ state: string; version: number; timeline: { kind: string; actorId: string | null; toState: string | null; comment: string | null }[] }> {
  const query = `query($id: ID!) { post(id: $id) { state version timeline { kind actorId toState comment } } }`;
  return must(await as(w, who, query, { id }), 'post').post;
}

/** Publishes what is due now on `app` (the jobs pg-boss has due), as its worker would on its next tick. */
export const pollOnce = (app: TestApp): Promise<void> => app.app.get(PublishWorker).poll();

/** Straight SQL on the test's database, for what the API does not show (what went out, and how often). */
export async function sql<T = Record<string, any>>(w: World, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: w.app.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const SCHEDULE_FIELDS = 'id state version publishAt';
export const SCHEDULING = {
  schedule: `mutation($id: ID!, $version: Int!, $at: DateTime!) { schedulePost(id: $id, version: $version, publishAt: $at) { ${SCHEDULE_FIELDS} } }`,
  unschedule: `mutation($id: ID!, $version: Int!) { unschedulePost(id: $id, version: $version) { ${SCHEDULE_FIELDS} } }`,
  retry: `mutation($id: ID!, $version: Int!, $at: DateTime) { retryPost(id: $id, version: $version, at: $at) { ${SCHEDULE_FIELDS} } }`,
} as const;

/** schedulePost, unschedulePost or retryPost on the post as the caller saw it (`at`: the time, when the move takes one). */
export const scheduling = (w: World, who: Who, move: keyof typeof SCHEDULING, post: Pick<PostRow, 'id' | 'version'>, at?: Date | null) =>
  as(w, who, SCHEDULING[move], { id: post.id, version: post.version, ...(at === undefined ? {} : { at: at?.toISOString() ?? null }) });

/**
 * A FAILED post at FR: due at once, refused by the network, as the publisher records a refusal.
 * Written straight, since the sandbox refuses only pages without a network id and the shared
 * world's pages all have one (the publishing specs fail posts through the connectors).
 */
export async function failedPost(w: World): Promise<PostRow> {
  const post = await approvedPost(w, [w.id.FR], new Date(Date.now() + 3_600_000));
  await sql(w, `UPDATE post_publications SET state = 'FAILED', attempts = 1, last_error = 'refused' WHERE post_id = $1`, [post.id]);
  const [row] = await sql<{ version: number }>(w, `UPDATE posts SET state = 'FAILED', version = version + 1 WHERE id = $1 RETURNING version`, [post.id]);
  return { ...post, state: 'FAILED', version: row!.version };
}

/**
 * `n` SCHEDULED posts on FR's page due at `due`, written straight into the tables as the approval
 * flow leaves them, with their pg-boss jobs in the same transaction (as the schedule adds them);
 * for the tests that publish many at once from other processes. The body starts with `mark`.
 */
export async function duePosts(app: TestApp, n: number, mark: string, due: Date): Promise<void> {
  await app.app.get(DataSource).transaction(async (tx) => {
    const rows: { post_id: string; page_id: string }[] = await tx.query(DUE_POSTS_SQL, [mark, n, due]);
    await app.app.get(JobQueue).add<PublishJob>(
      tx,
      PUBLISH_QUEUE,
      rows.map((row) => ({ data: { postId: row.post_id, pageId: row.page_id }, startAfter: due, singletonKey: `${row.post_id}:${row.page_id}@${due.toISOString()}` })),
    );
  });
}

/** What became of the posts whose body starts with `mark`: published sends and posts, deliveries, and any (post, page) delivered or published twice. */
export async function publishedTally(db: Pool, mark: string): Promise<{ sends: number; posts: number; deliveries: number; twice: number; publishEvents: number }> {
  const { rows } = await db.query(
    `SELECT
       (SELECT count(*) FROM post_publications pp JOIN posts p ON p.id = pp.post_id WHERE p.body LIKE $1 AND pp.state = 'PUBLISHED')::int AS sends,
       (SELECT count(*) FROM posts WHERE body LIKE $1 AND state = 'PUBLISHED')::int AS posts,
       (SELECT count(*) FROM sandbox_deliveries d JOIN posts p ON p.id = d.subject_id WHERE d.subject_type = 'PostPublication' AND p.body LIKE $1)::int AS deliveries,
       (SELECT count(*) FROM (SELECT 1 FROM sandbox_deliveries d JOIN posts p ON p.id = d.subject_id WHERE p.body LIKE $1 GROUP BY d.subject_id, d.page_external_id HAVING count(*) > 1) t)::int AS twice,
       (SELECT count(*) FROM post_events e JOIN posts p ON p.id = e.post_id WHERE p.body LIKE $1 AND e.kind = 'PUBLISHED')::int AS "publishEvents"`,
    [`${mark}%`],
  );
  return rows[0];
}
