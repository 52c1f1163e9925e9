import { Client } from 'pg';
import { PublishPoller } from '../../src/publishing/publish-poller';
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

/** Publishes what is due now on `app`, as its poller would on its next tick. */
export const pollOnce = (app: TestApp): Promise<void> => app.app.get(PublishPoller).poll();

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
