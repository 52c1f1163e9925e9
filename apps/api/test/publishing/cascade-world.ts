import { as, must, type Who, type World } from '../access/access-world';
import type { GraphqlResult } from '../support/graphql';
import { until } from './publish-world';
import { CLEAN_BODY, createPost, type PostRow } from './publishing-world';

export const JOB_FIELDS = 'id postId state total done failed errors { pageId code message } createdAt finishedAt';
export const CHILD_FIELDS = 'id state version authorId scopeIds body locale parentPostId parentPost { id } globalChanged globalDiff { op text } targets { id }';

export interface JobRow {
  id: string;
  postId: string;
  state: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  total: number;
  done: number;
  failed: number;
  errors: { pageId: string; code: string; message: string }[];
  finishedAt: string | null;
}

const CASCADE = `mutation($input: CascadePostInput!) { cascadePost(input: $input) { ${JOB_FIELDS} } }`;
const JOB = `query($id: ID!) { cascadeJob(id: $id) { ${JOB_FIELDS} } }`;
export const ROLLOUT = `query($id: ID!) { rollout(postId: $id) { post { id } latestJob { id state }
  cells { market { id name } targetPage { id } state globalChanged diff { op text } child { ${CHILD_FIELDS} } } } }`;
export const ACKNOWLEDGE = `mutation($id: ID!, $version: Int!) { acknowledgeGlobalChange(id: $id, version: $version) { ${CHILD_FIELDS} timeline { kind } } }`;

/** A draft of the brand team's on the global page: what gets cascaded. */
export const globalPost = (w: World, body = CLEAN_BODY): Promise<PostRow> => createPost(w, 'ADMIN', [w.id.G], body);

export const cascadePost = (w: World, who: Who, postId: string, targetPageIds: string[]): Promise<GraphqlResult> => as(w, who, CASCADE, { input: { postId, targetPageIds } });

export const jobOf = async (w: World, id: string, who: Who = 'PLATFORM'): Promise<JobRow> => must(await as(w, who, JOB, { id }), 'cascadeJob').cascadeJob;

/** The job once its worker is through with it. */
export async function finished(w: World, id: string): Promise<JobRow> {
  let job = await jobOf(w, id);
  await until(`cascade job ${id}`, async () => ['DONE', 'FAILED'].includes((job = await jobOf(w, id)).state));
  return job;
}

/** Cascades as the brand admin and waits for the children. */
export async function cascaded(w: World, postId: string, targetPageIds: string[]): Promise<JobRow> {
  const job = must(await cascadePost(w, 'ADMIN', postId, targetPageIds), 'cascadePost').cascadePost as JobRow;
  return finished(w, job.id);
}

export interface CellRow {
  market: { id: string; name: string };
  targetPage: { id: string } | null;
  state: string;
  globalChanged: boolean;
  diff: { op: string; text: string }[] | null;
  child: (PostRow & { parentPostId: string; locale: string; parentPost: { id: string } | null; globalChanged: boolean; globalDiff: { op: string; text: string }[] | null }) | null;
}

export async function rolloutOf(w: World, postId: string, who: Who = 'ADMIN'): Promise<{ cells: CellRow[]; latestJob: { id: string; state: string } | null; post: { id: string } | null }> {
  return must(await as(w, who, ROLLOUT, { id: postId }), `rollout as ${who}`).rollout;
}

/** The live children of a global post, by target page, as the platform admin sees them. */
export async function childrenOf(w: World, postId: string): Promise<Map<string, NonNullable<CellRow['child']>>> {
  const cells = (await rolloutOf(w, postId, 'PLATFORM')).cells.filter((cell) => cell.child);
  return new Map(cells.map((cell) => [cell.targetPage!.id, cell.child!]));
}
