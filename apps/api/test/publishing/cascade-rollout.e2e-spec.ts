import { as, loadWorld, must, type World } from '../access/access-world';
import { errorCode } from '../support/graphql';
import { startTestApp } from '../support/test-app';
import { ACKNOWLEDGE, cascaded, childrenOf, globalPost, rolloutOf, ROLLOUT } from './cascade-world';
import { auditActions, done, MUTATION, postAsStored } from './publishing-world';

const stateOf = async (w: World, postId: string, marketId: string) => (await rolloutOf(w, postId)).cells.find((cell) => cell.market.id === marketId)!.state;

describe('publishing: the rollout board and "global changed"', () => {
  let w: World;

  beforeAll(async () => {
    w = await loadWorld(await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '10000' }));
  });
  afterAll(() => w?.app.close());

  it('shows every market NOT_STARTED before a cascade, in name order, and the latest job after it', async () => {
    const parent = await globalPost(w);
    const before = await rolloutOf(w, parent.id);
    const markets = w.pages.filter((page) => page.kind === 'MARKET' && page.status === 'ACTIVE');
    expect(before.cells).toHaveLength(markets.length);
    expect(before.cells.every((cell) => cell.state === 'NOT_STARTED' && cell.child === null && cell.targetPage === null && !cell.globalChanged)).toBe(true);
    const names = before.cells.map((cell) => cell.market.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(before.latestJob).toBeNull();
    const job = await cascaded(w, parent.id, [w.id.FR]);
    expect((await rolloutOf(w, parent.id)).latestJob).toEqual({ id: job.id, state: 'DONE' });
  });

  it('moves a cell NOT_STARTED → LOCALIZING → IN_REVIEW → APPROVED as the child goes through its market\'s policy (the FR manager approves)', async () => {
    const parent = await globalPost(w);
    expect(await stateOf(w, parent.id, w.id.FR)).toBe('NOT_STARTED');
    await cascaded(w, parent.id, [w.id.FR]);
    expect(await stateOf(w, parent.id, w.id.FR)).toBe('LOCALIZING');
    const child = (await childrenOf(w, parent.id)).get(w.id.FR)!;
    // The FR manager localizes the draft; the brand admin, its author, sends it for approval.
    const update = { id: child.id, version: child.version, input: { body: 'Le printemps est là #northwind' } };
    const localized = must(await as(w, 'FR_MANAGER', MUTATION.update, update), 'localize').updatePost;
    expect(await stateOf(w, parent.id, w.id.FR)).toBe('LOCALIZING');
    const submitted = await done(w, 'ADMIN', 'submit', localized);
    expect(submitted.state).toBe('IN_REVIEW');
    expect(await stateOf(w, parent.id, w.id.FR)).toBe('IN_REVIEW');
    const inbox = must(await as(w, 'FR_MANAGER', '{ approvalsInbox(first: 200) { edges { node { id approvalPath { currentStepId } } } } }')).approvalsInbox.edges;
    expect(inbox.map((edge: { node: { id: string } }) => edge.node.id)).toContain(child.id);
    expect(errorCode(await as(w, 'ES_MANAGER', MUTATION.approve, { id: child.id, version: submitted.version }))).toBe('NOT_FOUND');
    expect(errorCode(await as(w, 'ADMIN', MUTATION.approve, { id: child.id, version: submitted.version }))).toBe('FORBIDDEN');
    const approved = await done(w, 'FR_MANAGER', 'approve', submitted);
    expect(approved.state).toBe('APPROVED');
    expect(await stateOf(w, parent.id, w.id.FR)).toBe('APPROVED');
    expect((await postAsStored(w, child.id)).approvalPath.steps).toEqual([expect.objectContaining({ id: 'market', status: 'APPROVED', approvedBy: [w.userId.FR_MANAGER] })]);
  });

  it("gives a market with two children (its page and a segment page) two cells, and shows a market role its own market's cells only", async () => {
    const parent = await globalPost(w);
    await cascaded(w, parent.id, [w.id.FR, w.id.frConsumer, w.id.ES]);
    const all = await rolloutOf(w, parent.id);
    const fr = all.cells.filter((cell) => cell.market.id === w.id.FR);
    expect(fr.map((cell) => cell.targetPage!.id).sort()).toEqual([w.id.FR, w.id.frConsumer].sort());
    expect(fr.every((cell) => cell.state === 'LOCALIZING' && cell.child !== null)).toBe(true);

    const mine = await rolloutOf(w, parent.id, 'FR_MANAGER');
    expect(mine.cells.map((cell) => [cell.market.id, cell.targetPage?.id]).sort()).toEqual([[w.id.FR, w.id.FR], [w.id.FR, w.id.frConsumer]].sort());
    // The global post and its job are the brand team's.
    expect(mine.post).toBeNull();
    expect(mine.latestJob).toBeNull();
    expect((await rolloutOf(w, parent.id, 'ES_MANAGER')).cells.map((cell) => cell.market.id)).toEqual([w.id.ES]);
    // Nothing of it for who reads neither the global post nor a child.
    expect(errorCode(await as(w, 'FR_MODERATOR', ROLLOUT, { id: parent.id }))).toBe('NOT_FOUND');
    expect(errorCode(await as(w, 'FR_MANAGER', ROLLOUT, { id: (await globalPost(w)).id }))).toBe('NOT_FOUND');
  });

  it('tells FR\'s manager, publisher and analyst no more of the global post than parentPost does, and the brand admin all of it', async () => {
    const parent = await globalPost(w);
    await cascaded(w, parent.id, [w.id.FR, w.id.frConsumer]);
    const global = 'id brandId authorId body link locale state version scopeIds publishAt submittedById timeline { kind actorId } approvalPath { currentStepId steps { id status approvedBy } } targets { id } publications { pageId }';
    const board = `query($id: ID!) { rollout(postId: $id) { post { ${global} } latestJob { id } cells { child { id parentPost { ${global} } } } } }`;
    for (const who of ['FR_MANAGER', 'FR_PUBLISHER', 'ANALYST'] as const) {
      const { rollout } = must(await as(w, who, board, { id: parent.id }), `rollout as ${who}`);
      const children = rollout.cells.filter((cell: { child: unknown }) => cell.child);
      expect(children).toHaveLength(2);
      // The board says of the global post exactly what each child's parentPost says: here, nothing.
      for (const cell of children) expect(rollout.post).toEqual(cell.child.parentPost);
      expect(rollout.post).toBeNull();
      expect(rollout.latestJob).toBeNull();
      expect(errorCode(await as(w, who, `query($id: ID!) { post(id: $id) { id } }`, { id: parent.id }))).toBe('NOT_FOUND');
    }
    const { rollout } = must(await as(w, 'ADMIN', board, { id: parent.id }), 'rollout as ADMIN');
    expect(rollout.post).toMatchObject({ id: parent.id, body: parent.body, timeline: expect.arrayContaining([expect.objectContaining({ kind: expect.any(String) })]) });
    for (const cell of rollout.cells.filter((cell: { child: unknown }) => cell.child)) expect(cell.child.parentPost).toEqual(rollout.post);
    expect(rollout.latestJob).not.toBeNull();
  });

  it('reads the board in the same few statements for 1 market as for 12 (no query per cell or child)', async () => {
    const statements = async (postId: string) => {
      const before = w.app.queries();
      await rolloutOf(w, postId);
      return w.app.queries() - before;
    };
    const one = await globalPost(w);
    await cascaded(w, one.id, [w.id.FR]);
    const twelve = await globalPost(w);
    const markets = w.pages.filter((page) => page.kind === 'MARKET' && page.status === 'ACTIVE').slice(0, 12).map((page) => page.id);
    await cascaded(w, twelve.id, markets);
    await statements(one.id);
    expect(await statements(twelve.id)).toBe(await statements(one.id));
  });

  it('seeds the demo with a global post cascaded to FR, DE and ES, where ES localized an older text', async () => {
    const seeded = must(await as(w, 'ADMIN', '{ posts(first: 200) { edges { node { id parentPostId body } } } }')).posts.edges
      .map((edge: { node: { id: string; parentPostId: string | null; body: string } }) => edge.node)
      .find((node: { body: string; parentPostId: string | null }) => node.parentPostId === null && node.body.startsWith('Our spring collection'));
    const board = await rolloutOf(w, seeded.id);
    const started = board.cells.filter((cell) => cell.state !== 'NOT_STARTED');
    expect(started.map((cell) => [cell.market.id, cell.state, cell.globalChanged]).sort()).toEqual(
      [[w.id.FR, 'LOCALIZING', false], [w.id.DE, 'LOCALIZING', false], [w.id.ES, 'LOCALIZING', true]].sort(),
    );
    expect(board.latestJob).toMatchObject({ state: 'DONE' });
  });

  describe('when the global post changes after the cascade', () => {
    let parent: { id: string; version: number };
    let fr: { id: string; version: number };

    beforeAll(async () => {
      const draft = await globalPost(w, 'Spring sale starts Monday #northwind');
      await cascaded(w, draft.id, [w.id.FR, w.id.ES]);
      const edit = { id: draft.id, version: draft.version, input: { body: 'Spring sale starts Friday #northwind' } };
      parent = must(await as(w, 'ADMIN', MUTATION.update, edit), 'edit the global post').updatePost;
      fr = (await childrenOf(w, draft.id)).get(w.id.FR)!;
    });

    const DIFF = [
      { op: 'equal', text: 'Spring sale starts ' },
      { op: 'delete', text: 'Monday' },
      { op: 'insert', text: 'Friday' },
      { op: 'equal', text: ' #northwind' },
    ];

    it('marks every child globalChanged with the word diff, on the post and on its board cell', async () => {
      const children = await childrenOf(w, parent.id);
      for (const child of children.values()) expect(child).toMatchObject({ globalChanged: true, globalDiff: DIFF, body: 'Spring sale starts Monday #northwind' });
      const cell = (await rolloutOf(w, parent.id)).cells.find((candidate) => candidate.market.id === w.id.FR)!;
      expect(cell).toMatchObject({ state: 'LOCALIZING', globalChanged: true, diff: DIFF });
      const seenByFr = must(await as(w, 'FR_MANAGER', 'query($id: ID!) { post(id: $id) { globalChanged globalDiff { op text } } }', { id: fr.id })).post;
      expect(seenByFr).toEqual({ globalChanged: true, globalDiff: DIFF });
    });

    it('refuses a stale acknowledgement with CONFLICT, one from ES with NOT_FOUND, one from the FR analyst with FORBIDDEN', async () => {
      expect(errorCode(await as(w, 'FR_MANAGER', ACKNOWLEDGE, { id: fr.id, version: fr.version - 1 }))).toBe('CONFLICT');
      expect(errorCode(await as(w, 'ES_MANAGER', ACKNOWLEDGE, { id: fr.id, version: fr.version }))).toBe('NOT_FOUND');
      expect(errorCode(await as(w, 'ANALYST', ACKNOWLEDGE, { id: fr.id, version: fr.version }))).toBe('FORBIDDEN');
      expect(await postAsStored(w, fr.id)).toMatchObject({ version: fr.version });
    });

    it("clears the FR child's flag when its manager acknowledges (new version, on the timeline and in the audit), leaving ES flagged", async () => {
      const acknowledged = must(await as(w, 'FR_MANAGER', ACKNOWLEDGE, { id: fr.id, version: fr.version }), 'acknowledge').acknowledgeGlobalChange;
      expect(acknowledged).toMatchObject({ id: fr.id, version: fr.version + 1, globalChanged: false, globalDiff: null });
      expect(acknowledged.timeline.map((event: { kind: string }) => event.kind)).toEqual(['CREATED_BY_CASCADE', 'GLOBAL_ACKNOWLEDGED']);
      expect(await auditActions(w, fr.id)).toEqual(['post.createByCascade', 'post.acknowledgeGlobalChange']);
      const cells = (await rolloutOf(w, parent.id)).cells;
      expect(cells.find((cell) => cell.market.id === w.id.FR)).toMatchObject({ globalChanged: false, diff: null });
      expect(cells.find((cell) => cell.market.id === w.id.ES)).toMatchObject({ globalChanged: true, diff: DIFF });
      // Nothing left to acknowledge.
      expect(errorCode(await as(w, 'FR_MANAGER', ACKNOWLEDGE, { id: fr.id, version: fr.version + 1 }))).toBe('BAD_USER_INPUT');
    });

    it('flags nothing when the global post only moves state (sent for approval, same body)', async () => {
      const fresh = await globalPost(w);
      await cascaded(w, fresh.id, [w.id.DE]);
      await done(w, 'ADMIN', 'submit', fresh);
      const child = (await childrenOf(w, fresh.id)).get(w.id.DE)!;
      expect(child).toMatchObject({ globalChanged: false, globalDiff: null });
      expect(errorCode(await as(w, 'ADMIN', ACKNOWLEDGE, { id: child.id, version: child.version }))).toBe('BAD_USER_INPUT');
    });

    it('refuses acknowledging a post that is no cascade child with BAD_USER_INPUT', async () => {
      expect(errorCode(await as(w, 'ADMIN', ACKNOWLEDGE, { id: parent.id, version: parent.version }))).toBe('BAD_USER_INPUT');
    });
  });
});
