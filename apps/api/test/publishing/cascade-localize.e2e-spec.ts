import { as, loadWorld, must, newUser, type World } from '../access/access-world';
import { errorCode, gql, login, type GraphqlResult } from '../support/graphql';
import { startTestApp } from '../support/test-app';
import { cascaded, childrenOf, globalPost, rolloutOf } from './cascade-world';
import { auditActions, createPost, done, MUTATION, postAsStored, type PostRow } from './publishing-world';

const INBOX = '{ approvalsInbox(first: 200) { edges { node { id } } } }';
const DECIDE = 'query($id: ID!) { post(id: $id) { canDecide submittedById } }';

/*
 * Issue 5: a cascade child is authored by the brand team and assigned to its market, so the
 * market team localizes it, submits it and withdraws it; its market's policy decides it, never
 * whoever submitted it, nor the brand admin who authored it.
 */
describe('publishing: the market localizes and submits its cascade child', () => {
  let w: World;
  /** A second FR manager and a second FR publisher, beside the demo ones. */
  let other: { managerId: string; manager: string; publisher: string };

  beforeAll(async () => {
    w = await loadWorld(await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '10000' }));
    const manager = await newUser(w, 'MARKET_MANAGER', w.id.FR, 'fr-manager-2');
    const publisher = await newUser(w, 'PUBLISHER', w.id.FR, 'fr-publisher-2');
    other = { managerId: manager.id, manager: await login(w.app, manager.email, manager.password), publisher: await login(w.app, publisher.email, publisher.password) };
  });
  afterAll(() => w?.app.close());

  /** A fresh global post cascaded to FR and ES: their children, by market. */
  async function children(): Promise<{ parentId: string; fr: PostRow; es: PostRow }> {
    const parent = await globalPost(w, 'Spring is here #northwind');
    await cascaded(w, parent.id, [w.id.FR, w.id.ES]);
    const byMarket = await childrenOf(w, parent.id);
    return { parentId: parent.id, fr: byMarket.get(w.id.FR)!, es: byMarket.get(w.id.ES)! };
  }

  const localize = (who: 'FR_PUBLISHER' | 'FR_MANAGER', post: PostRow, body = 'Le printemps est là #northwind') =>
    as(w, who, MUTATION.update, { id: post.id, version: post.version, input: { body } });
  const inboxOf = async (token: string) => must(await gql(w.app, INBOX, {}, token)).approvalsInbox.edges.map((edge: { node: { id: string } }) => edge.node.id) as string[];
  const decideOf = async (token: string, id: string) => must(await gql(w.app, DECIDE, { id }, token)).post as { canDecide: boolean; submittedById: string | null };
  const cellState = async (parentId: string) => (await rolloutOf(w, parentId)).cells.find((cell) => cell.market.id === w.id.FR)!.state;

  it("lets the FR publisher edit and submit FR's child, the FR manager approve it from the inbox, and the board show APPROVED", async () => {
    const { parentId, fr } = await children();
    const localized = must(await localize('FR_PUBLISHER', fr), 'localize').updatePost as PostRow;
    expect(localized).toMatchObject({ body: 'Le printemps est là #northwind', authorId: w.userId.ADMIN, state: 'DRAFT' });

    const submitted = await done(w, 'FR_PUBLISHER', 'submit', localized);
    expect(submitted.state).toBe('IN_REVIEW');
    expect(await cellState(parentId)).toBe('IN_REVIEW');
    const stored = await postAsStored(w, fr.id);
    expect(stored.timeline.at(-1)).toMatchObject({ kind: 'SUBMITTED', actorId: w.userId.FR_PUBLISHER, toState: 'IN_REVIEW' });
    expect(await decideOf(w.token.PLATFORM, fr.id)).toEqual({ canDecide: false, submittedById: w.userId.FR_PUBLISHER });

    expect(await inboxOf(w.token.FR_MANAGER)).toContain(fr.id);
    expect((await decideOf(w.token.FR_MANAGER, fr.id)).canDecide).toBe(true);
    // The brand admin authored it: still not theirs to approve.
    expect(errorCode(await as(w, 'ADMIN', MUTATION.approve, { id: fr.id, version: submitted.version }))).toBe('FORBIDDEN');
    const approved = await done(w, 'FR_MANAGER', 'approve', submitted);
    expect(approved.state).toBe('APPROVED');
    expect(await cellState(parentId)).toBe('APPROVED');
    expect(await auditActions(w, fr.id)).toEqual(['post.createByCascade', 'post.update', 'post.submit', 'post.approve']);
  });

  it("refuses the FR publisher ES's child with NOT_FOUND (edit and submit), writing nothing", async () => {
    const { es } = await children();
    expect(errorCode(await as(w, 'FR_PUBLISHER', MUTATION.update, { id: es.id, version: es.version, input: { body: 'Hola #northwind' } }))).toBe('NOT_FOUND');
    expect(errorCode(await as(w, 'FR_PUBLISHER', MUTATION.submit, { id: es.id, version: es.version }))).toBe('NOT_FOUND');
    expect(await postAsStored(w, es.id)).toMatchObject({ state: 'DRAFT', version: es.version, body: es.body });
  });

  it("lets the FR publisher withdraw FR's child they submitted, back to a draft with no submitter", async () => {
    const { fr } = await children();
    const submitted = await done(w, 'FR_PUBLISHER', 'submit', fr);
    const withdrawn = await done(w, 'FR_PUBLISHER', 'withdraw', submitted);
    expect(withdrawn.state).toBe('DRAFT');
    expect(await decideOf(w.token.PLATFORM, fr.id)).toEqual({ canDecide: false, submittedById: null });
    expect(await inboxOf(w.token.FR_MANAGER)).not.toContain(fr.id);
  });

  it('keeps the FR manager who submitted a child from approving it (FORBIDDEN, not in their inbox, canDecide false), while another FR manager may', async () => {
    const { fr } = await children();
    const submitted = await done(w, 'FR_MANAGER', 'submit', must(await localize('FR_MANAGER', fr), 'localize').updatePost);
    expect(await inboxOf(w.token.FR_MANAGER)).not.toContain(fr.id);
    expect((await decideOf(w.token.FR_MANAGER, fr.id)).canDecide).toBe(false);
    for (const move of ['approve', 'reject'] as const) {
      expect(errorCode(await as(w, 'FR_MANAGER', MUTATION[move], { id: fr.id, version: submitted.version }))).toBe('FORBIDDEN');
    }
    expect(await postAsStored(w, fr.id)).toMatchObject({ state: 'IN_REVIEW', version: submitted.version });

    expect(await inboxOf(other.manager)).toContain(fr.id);
    expect((await decideOf(other.manager, fr.id)).canDecide).toBe(true);
    const approved: GraphqlResult = await gql(w.app, MUTATION.approve, { id: fr.id, version: submitted.version }, other.manager);
    expect(must(approved, 'approve').approvePost.state).toBe('APPROVED');
    expect((await postAsStored(w, fr.id)).approvalPath.steps).toEqual([expect.objectContaining({ id: 'market', status: 'APPROVED', approvedBy: [other.managerId] })]);
  });

  // Read on the market's calendar since issue 20, so refused as FORBIDDEN rather than hidden.
  it("still keeps an FR publisher from another FR publisher's ordinary post (FORBIDDEN to edit or submit)", async () => {
    const theirs = await createPost(w, 'FR_PUBLISHER', [w.id.FR]);
    expect(errorCode(await gql(w.app, MUTATION.update, { id: theirs.id, version: theirs.version, input: { body: 'Pas à moi #northwind' } }, other.publisher))).toBe('FORBIDDEN');
    expect(errorCode(await gql(w.app, MUTATION.submit, { id: theirs.id, version: theirs.version }, other.publisher))).toBe('FORBIDDEN');
    expect(await postAsStored(w, theirs.id)).toMatchObject({ state: 'DRAFT', version: theirs.version, body: theirs.body });
  });

  it("keeps submitting an ordinary FR post the author's: the FR manager, who may edit it, is told FORBIDDEN", async () => {
    const post = await createPost(w, 'FR_PUBLISHER', [w.id.FR]);
    expect(errorCode(await as(w, 'FR_MANAGER', MUTATION.submit, { id: post.id, version: post.version }))).toBe('FORBIDDEN');
    expect(await postAsStored(w, post.id)).toMatchObject({ state: 'DRAFT', version: post.version });
  });

  it("refuses FR's child to roles that do not localize it: the analyst FORBIDDEN, the ES manager and FR moderator NOT_FOUND", async () => {
    const { fr } = await children();
    expect(errorCode(await as(w, 'ANALYST', MUTATION.submit, { id: fr.id, version: fr.version }))).toBe('FORBIDDEN');
    expect(errorCode(await as(w, 'ANALYST', MUTATION.update, { id: fr.id, version: fr.version, input: { body: 'Non #northwind' } }))).toBe('FORBIDDEN');
    for (const who of ['ES_MANAGER', 'FR_MODERATOR'] as const) {
      expect(errorCode(await as(w, who, MUTATION.submit, { id: fr.id, version: fr.version }))).toBe('NOT_FOUND');
    }
    expect(await postAsStored(w, fr.id)).toMatchObject({ state: 'DRAFT', version: fr.version });
  });
});
