import { as, loadWorld, must, WHO, type Who, type World } from '../access/access-world';
import { startTestApp } from '../support/test-app';
import { approvedPost, pollOnce, sql } from './publish-world';
import { createPost, done, submittedPost } from './publishing-world';

const CAN_DECIDE = 'query($id: ID!) { post(id: $id) { canDecide } }';

/** Post.canDecide (which buttons the review screen shows) and the names on a post's timeline. */
describe('publishing: who may decide now, and who did what', () => {
  let w: World;

  beforeAll(async () => {
    w = await loadWorld(await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '10000' }));
  });
  afterAll(() => w.app.close());

  /** canDecide for every demo role that reads the post (the others are told NOT_FOUND, as for any field). */
  const deciders = async (id: string): Promise<Who[]> => {
    const answers = await Promise.all(WHO.map(async (who) => [who, (await as(w, who, CAN_DECIDE, { id })).data?.post?.canDecide] as const));
    return answers.filter(([, can]) => can === true).map(([who]) => who);
  };

  it('is true for the current step’s approvers only: the FR manager on an FR post in review, never its author, the brand team, the platform or a reader', async () => {
    const post = await submittedPost(w);
    expect(await deciders(post.id)).toEqual(['FR_MANAGER']);
    expect(must(await as(w, 'FR_PUBLISHER', CAN_DECIDE, { id: post.id })).post.canDecide).toBe(false);
    expect(must(await as(w, 'ANALYST', CAN_DECIDE, { id: post.id })).post.canDecide).toBe(false);
  });

  it('follows the current step: the brand team once the FR manager approved a post with a guardrail warning', async () => {
    // No #northwind: a warning, so the brand step follows the market step.
    const post = await submittedPost(w, [w.id.FR], 'Bonjour Lyon !');
    expect(await deciders(post.id)).toEqual(['FR_MANAGER']);
    const stepped = await done(w, 'FR_MANAGER', 'approve', post);
    expect(stepped.state).toBe('IN_REVIEW');
    expect(await deciders(post.id)).toEqual(['ADMIN']);
  });

  it('is false for everyone on a post that is not in review (draft, approved)', async () => {
    const draft = await createPost(w, 'FR_PUBLISHER', [w.id.FR]);
    expect(await deciders(draft.id)).toEqual([]);
    const approved = await approvedPost(w, [w.id.FR], null);
    expect(await deciders(approved.id)).toEqual([]);
  });

  it('agrees with the approvals inbox on every post of a list', async () => {
    await submittedPost(w);
    const list = must(await as(w, 'FR_MANAGER', '{ posts(first: 100) { edges { node { id canDecide } } } }')).posts.edges.map((edge: { node: { id: string; canDecide: boolean } }) => edge.node);
    const inbox = must(await as(w, 'FR_MANAGER', '{ approvalsInbox(first: 100) { edges { node { id } } } }')).approvalsInbox.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(list.filter((post: { canDecide: boolean }) => post.canDecide).map((post: { id: string }) => post.id).sort()).toEqual([...inbox].sort());
    expect(inbox.length).toBeGreaterThan(0);
  });

  it('names who acted on the timeline, even to a publisher who may not read those users; the system has no name', async () => {
    const post = await approvedPost(w, [w.id.FR], new Date(Date.now() - 1_000));
    await pollOnce(w.app);
    const names = Object.fromEntries(
      (await sql(w, `SELECT id, display_name FROM users WHERE id = ANY($1)`, [[w.userId.FR_PUBLISHER, w.userId.FR_MANAGER]])).map((row) => [row.id, row.display_name]),
    );
    const query = 'query($id: ID!) { post(id: $id) { timeline { kind actorId actorName } } }';
    const timeline = must(await as(w, 'FR_PUBLISHER', query, { id: post.id })).post.timeline;
    expect(timeline).toEqual([
      { kind: 'CREATED', actorId: w.userId.FR_PUBLISHER, actorName: names[w.userId.FR_PUBLISHER] },
      { kind: 'SUBMITTED', actorId: w.userId.FR_PUBLISHER, actorName: names[w.userId.FR_PUBLISHER] },
      { kind: 'APPROVED', actorId: w.userId.FR_MANAGER, actorName: names[w.userId.FR_MANAGER] },
      { kind: 'PUBLISHED', actorId: null, actorName: null },
    ]);
    expect(names[w.userId.FR_MANAGER]).toEqual(expect.any(String));
    // The publisher reads its team (issue 20), never an account beyond FR: names come with the timeline, not with the user.
    const users = must(await as(w, 'FR_PUBLISHER', '{ users(first: 100) { edges { node { id } } } }')).users.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(users).toContain(w.userId.FR_MANAGER);
    expect(users).not.toContain(w.userId.ES_MANAGER);
  });

  it('reads canDecide and the timeline names of a page of posts in a fixed number of statements, however many posts (no N+1)', async () => {
    for (let i = 0; i < 10; i++) await submittedPost(w);
    const query = '{ posts(first: FIRST) { edges { node { id canDecide timeline { kind actorName } } } } }';
    const cost = async (first: number) => {
      const before = w.app.queries();
      const posts = must(await as(w, 'FR_MANAGER', query.replace('FIRST', String(first)))).posts.edges;
      expect(posts).toHaveLength(first);
      return w.app.queries() - before;
    };
    const few = await cost(2);
    const many = await cost(10);
    expect(many).toBe(few);
  });
});
