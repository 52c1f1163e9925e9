import { as, loadWorld, must, startAccessApp, type Who, type World } from '../access/access-world';
import type { GraphqlResult } from '../support/graphql';

export const POST_FIELDS = 'id state version authorId scopeIds body link locale submittedAt targets { id } allowedActions';

const CREATE = `mutation($input: CreatePostInput!) { createPost(input: $input) { ${POST_FIELDS} } }`;
const MOVE = (name: string, extra = '') =>
  `mutation($id: ID!, $version: Int!${extra ? `, ${extra}` : ''}) { ${name}(id: $id, version: $version${extra ? ', comment: $comment' : ''}) { ${POST_FIELDS} } }`;

export const MUTATION = {
  submit: MOVE('submitPost'),
  withdraw: MOVE('withdrawPost', '$comment: String'),
  approve: MOVE('approvePost', '$comment: String'),
  requestChanges: MOVE('requestPostChanges', '$comment: String!'),
  reject: MOVE('rejectPost', '$comment: String'),
  archive: MOVE('archivePost'),
  update: `mutation($id: ID!, $version: Int!, $input: UpdatePostInput!) { updatePost(id: $id, version: $version, input: $input) { ${POST_FIELDS} } }`,
} as const;

export interface PostRow {
  id: string;
  state: string;
  version: number;
  authorId: string;
  scopeIds: string[];
  body: string;
  targets: { id: string }[];
  allowedActions: string[];
}

export const startPublishingWorld = async (): Promise<World> => loadWorld(await startAccessApp());

/** Well within the demo guardrails (the #northwind hashtag, no banned term, no foreign link). */
export const CLEAN_BODY = 'Bonjour Lyon ! #northwind';

export async function createPost(w: World, who: Who, targetPageIds: string[], body = CLEAN_BODY): Promise<PostRow> {
  const input = { brandId: w.brandId, targetPageIds, body, locale: 'fr-FR' };
  return must(await as(w, who, CREATE, { input }), `create as ${who}`).createPost;
}

export async function act(w: World, who: Who, move: keyof typeof MUTATION, post: Pick<PostRow, 'id' | 'version'>, comment?: string): Promise<GraphqlResult> {
  return as(w, who, MUTATION[move], { id: post.id, version: post.version, ...(comment === undefined ? {} : { comment }) });
}

/** Runs a move that must succeed and answers the post as it is now. */
export async function done(w: World, who: Who, move: keyof typeof MUTATION, post: Pick<PostRow, 'id' | 'version'>, comment?: string): Promise<PostRow> {
  const result = await act(w, who, move, post, comment);
  return Object.values(must(result, `${move} as ${who}`))[0] as PostRow;
}

/** A post of the FR publisher's, sent for approval. */
export async function submittedPost(w: World, targets: string[] = [w.id.FR], body = CLEAN_BODY, author: Who = 'FR_PUBLISHER'): Promise<PostRow> {
  return done(w, author, 'submit', await createPost(w, author, targets, body));
}

export async function postAsStored(w: World, id: string): Promise<PostRow & Record<string, any>> {
  const query = `query($id: ID!) { post(id: $id) { ${POST_FIELDS} timeline { kind actorId fromState toState version stepId comment }
    approvalPath { preview currentStepId steps { id status approvedBy approvers } } } }`;
  return must(await as(w, 'PLATFORM', query, { id }), 'post').post;
}

export async function auditActions(w: World, subjectId: string): Promise<string[]> {
  const query = 'query($id: ID!) { auditEntries(filter: { subjectId: $id }) { edges { node { action actorId } } } }';
  const edges = must(await as(w, 'PLATFORM', query, { id: subjectId }), 'audit').auditEntries.edges as { node: { action: string } }[];
  return edges.map((edge) => edge.node.action).reverse();
}
