import { archive, as, grant, must, newSegment, newUser, type World } from '../access/access-world';
import { errorCode, login } from '../support/graphql';
import { act, auditActions, createPost, done, MUTATION, postAsStored, startPublishingWorld, submittedPost, type PostRow } from './publishing-world';

/*
 * The post life cycle over HTTP on a real database: every transition of DESIGN §5, every refusal
 * (wrong role, out of scope, own post, stale version, blocked guardrail), multi-step approval
 * paths, the timeline and the audit log.
 */
describe('publishing: reviews', () => {
  let w: World;
  beforeAll(async () => {
    w = await startPublishingWorld();
  });
  afterAll(() => w?.app.close());

  const kinds = async (id: string) => (await postAsStored(w, id)).timeline.map((entry: { kind: string }) => entry.kind);

  it('drafts, submits and approves: DRAFT → IN_REVIEW → APPROVED, each move versioned, on the timeline and audited', async () => {
    const draft = await createPost(w, 'FR_PUBLISHER', [w.id.FR]);
    expect(draft).toMatchObject({ state: 'DRAFT', version: 1, authorId: w.userId.FR_PUBLISHER, targets: [{ id: w.id.FR }] });
    const inReview = await done(w, 'FR_PUBLISHER', 'submit', draft);
    expect(inReview).toMatchObject({ state: 'IN_REVIEW', version: 2 });
    const approved = await done(w, 'FR_MANAGER', 'approve', inReview, 'Parfait');
    expect(approved).toMatchObject({ state: 'APPROVED', version: 3 });
    const stored = await postAsStored(w, draft.id);
    expect(stored.timeline).toEqual([
      expect.objectContaining({ kind: 'CREATED', actorId: w.userId.FR_PUBLISHER, toState: 'DRAFT', version: 1 }),
      expect.objectContaining({ kind: 'SUBMITTED', fromState: 'DRAFT', toState: 'IN_REVIEW', version: 2 }),
      expect.objectContaining({ kind: 'APPROVED', actorId: w.userId.FR_MANAGER, toState: 'APPROVED', stepId: 'market', comment: 'Parfait', version: 3 }),
    ]);
    expect(stored.approvalPath).toEqual({ preview: false, currentStepId: null, steps: [expect.objectContaining({ id: 'market', status: 'APPROVED', approvedBy: [w.userId.FR_MANAGER] })] });
    expect(await auditActions(w, draft.id)).toEqual(['post.create', 'post.submit', 'post.approve']);
  });

  it('requests changes with a comment, the author edits and resubmits, and the new round needs a fresh approval', async () => {
    const post = await submittedPost(w);
    expect(errorCode(await act(w, 'FR_MANAGER', 'requestChanges', post, '  '))).toBe('BAD_USER_INPUT');
    const back = await done(w, 'FR_MANAGER', 'requestChanges', post, 'Ajoutez la date');
    expect(back.state).toBe('CHANGES_REQUESTED');
    const edited = must(await as(w, 'FR_PUBLISHER', MUTATION.update, { id: post.id, version: back.version, input: { body: 'Samedi 12 : portes ouvertes ! #northwind' } })).updatePost;
    expect(edited).toMatchObject({ state: 'CHANGES_REQUESTED', body: 'Samedi 12 : portes ouvertes ! #northwind', version: back.version + 1 });
    const again = await done(w, 'FR_PUBLISHER', 'submit', edited);
    expect((await postAsStored(w, post.id)).approvalPath).toMatchObject({ currentStepId: 'market', steps: [{ status: 'CURRENT', approvedBy: [] }] });
    expect((await done(w, 'FR_MANAGER', 'approve', again)).state).toBe('APPROVED');
    const stored = await postAsStored(w, post.id);
    expect(stored.timeline.find((entry: { kind: string }) => entry.kind === 'CHANGES_REQUESTED')).toMatchObject({ actorId: w.userId.FR_MANAGER, comment: 'Ajoutez la date' });
    expect(await kinds(post.id)).toEqual(['CREATED', 'SUBMITTED', 'CHANGES_REQUESTED', 'EDITED', 'SUBMITTED', 'APPROVED']);
    expect(await auditActions(w, post.id)).toEqual(['post.create', 'post.submit', 'post.requestChanges', 'post.update', 'post.submit', 'post.approve']);
  });

  it('rejects for good: a rejected post accepts no further move (BAD_USER_INPUT)', async () => {
    const rejected = await done(w, 'FR_MANAGER', 'reject', await submittedPost(w), 'Hors sujet');
    expect(rejected.state).toBe('REJECTED');
    for (const move of ['submit', 'withdraw'] as const) expect(errorCode(await act(w, 'FR_PUBLISHER', move, rejected))).toBe('BAD_USER_INPUT');
    expect(errorCode(await act(w, 'FR_MANAGER', 'approve', rejected))).toBe('BAD_USER_INPUT');
    expect((await done(w, 'FR_MANAGER', 'archive', rejected)).state).toBe('ARCHIVED');
    expect(errorCode(await act(w, 'FR_MANAGER', 'archive', { id: rejected.id, version: rejected.version + 1 }))).toBe('BAD_USER_INPUT');
  });

  it('withdraws from review and from approval back to a draft, voiding the approvals', async () => {
    const post = await submittedPost(w);
    const draft = await done(w, 'FR_PUBLISHER', 'withdraw', post, 'Pas encore');
    expect(draft.state).toBe('DRAFT');
    const approved = await done(w, 'FR_MANAGER', 'approve', await done(w, 'FR_PUBLISHER', 'submit', draft));
    const again = await done(w, 'FR_PUBLISHER', 'withdraw', approved);
    expect(again).toMatchObject({ state: 'DRAFT', submittedAt: null });
    expect((await postAsStored(w, post.id)).approvalPath).toMatchObject({ preview: true, steps: [{ id: 'market', status: 'WAITING', approvedBy: [] }] });
    const resubmitted = await done(w, 'FR_PUBLISHER', 'submit', again);
    expect((await postAsStored(w, post.id)).approvalPath).toMatchObject({ currentStepId: 'market', steps: [{ status: 'CURRENT', approvedBy: [] }] });
    expect(resubmitted.state).toBe('IN_REVIEW');
  });

  it('refuses every move the state machine does not have with BAD_USER_INPUT, and changes nothing', async () => {
    const draft = await createPost(w, 'FR_PUBLISHER', [w.id.FR]);
    expect(errorCode(await act(w, 'FR_MANAGER', 'approve', draft))).toBe('BAD_USER_INPUT');
    expect(errorCode(await act(w, 'FR_MANAGER', 'reject', draft))).toBe('BAD_USER_INPUT');
    expect(errorCode(await act(w, 'FR_PUBLISHER', 'withdraw', draft))).toBe('BAD_USER_INPUT');
    const inReview = await done(w, 'FR_PUBLISHER', 'submit', draft);
    expect(errorCode(await act(w, 'FR_PUBLISHER', 'submit', inReview))).toBe('BAD_USER_INPUT');
    expect(errorCode(await as(w, 'FR_PUBLISHER', MUTATION.update, { id: inReview.id, version: inReview.version, input: { body: 'x #northwind' } }))).toBe('BAD_USER_INPUT');
    // In review: withdraw first, so nothing disappears while a reviewer holds it.
    expect(errorCode(await act(w, 'FR_MANAGER', 'archive', inReview))).toBe('BAD_USER_INPUT');
    expect(await postAsStored(w, draft.id)).toMatchObject({ state: 'IN_REVIEW', version: inReview.version, body: inReview.body });
  });

  it('refuses the wrong role (FORBIDDEN), out of scope (NOT_FOUND) and the author deciding on their own post (FORBIDDEN)', async () => {
    const post = await submittedPost(w);
    expect(errorCode(await act(w, 'ANALYST', 'approve', post))).toBe('FORBIDDEN');
    expect(errorCode(await act(w, 'FR_PUBLISHER', 'approve', post))).toBe('FORBIDDEN');
    expect(errorCode(await act(w, 'FR_MODERATOR', 'approve', post))).toBe('NOT_FOUND');
    expect(errorCode(await act(w, 'ES_MANAGER', 'approve', post))).toBe('NOT_FOUND');
    // The brand team is not the market step's approver under the default policy.
    expect(errorCode(await act(w, 'ADMIN', 'approve', post))).toBe('FORBIDDEN');
    // Submit and withdraw are the author's, even for those who govern the post.
    expect(errorCode(await act(w, 'FR_MANAGER', 'withdraw', post))).toBe('FORBIDDEN');
    const managers = await createPost(w, 'FR_MANAGER', [w.id.FR]);
    const own = await done(w, 'FR_MANAGER', 'submit', managers);
    for (const move of ['approve', 'reject'] as const) expect(errorCode(await act(w, 'FR_MANAGER', move, own))).toBe('FORBIDDEN');
    expect(errorCode(await act(w, 'FR_MANAGER', 'requestChanges', own, 'moi'))).toBe('FORBIDDEN');
    expect((await postAsStored(w, post.id)).state).toBe('IN_REVIEW');
    expect((await postAsStored(w, own.id)).version).toBe(own.version);
  });

  it('keeps drafts within the author’s scope: a page they cannot see is BAD_USER_INPUT, one they see but may not publish to is FORBIDDEN', async () => {
    const create = (who: 'FR_PUBLISHER' | 'ANALYST', targetPageIds: string[]) =>
      as(w, who, 'mutation($input: CreatePostInput!) { createPost(input: $input) { id } }', { input: { brandId: w.brandId, targetPageIds, body: 'x', locale: 'fr' } });
    expect(errorCode(await create('FR_PUBLISHER', [w.id.ES]))).toBe('BAD_USER_INPUT');
    expect(errorCode(await create('FR_PUBLISHER', [w.id.FR, w.id.ES]))).toBe('BAD_USER_INPUT');
    expect(errorCode(await create('FR_PUBLISHER', [w.id.G]))).toBe('FORBIDDEN');
    expect(errorCode(await create('ANALYST', [w.id.FR]))).toBe('FORBIDDEN');
    expect(errorCode(await create('FR_PUBLISHER', []))).toBe('BAD_USER_INPUT');
    const post = await createPost(w, 'FR_PUBLISHER', [w.id.FR]);
    const retarget = (targetPageIds: string[]) => as(w, 'FR_PUBLISHER', MUTATION.update, { id: post.id, version: post.version, input: { targetPageIds } });
    expect(errorCode(await retarget([w.id.FR, w.id.G]))).toBe('FORBIDDEN');
    expect(must(await retarget([w.id.FR, w.id.frConsumer])).updatePost.targets.map((t: { id: string }) => t.id).sort()).toEqual([w.id.FR, w.id.frConsumer].sort());
  });

  it('keeps comments on the timeline without a new version, from the author and reviewers only', async () => {
    const post = await submittedPost(w);
    const comment = 'mutation($id: ID!, $c: String!) { commentOnPost(id: $id, comment: $c) { version } }';
    expect(must(await as(w, 'FR_MANAGER', comment, { id: post.id, c: 'Jolie photo ?' })).commentOnPost.version).toBe(post.version);
    must(await as(w, 'FR_PUBLISHER', comment, { id: post.id, c: 'Oui, demain' }));
    expect(errorCode(await as(w, 'ANALYST', comment, { id: post.id, c: 'Hm' }))).toBe('FORBIDDEN');
    expect(errorCode(await as(w, 'ES_MANAGER', comment, { id: post.id, c: 'Hola' }))).toBe('NOT_FOUND');
    expect(errorCode(await as(w, 'FR_MANAGER', comment, { id: post.id, c: ' ' }))).toBe('BAD_USER_INPUT');
    const stored = await postAsStored(w, post.id);
    expect(stored.timeline.filter((entry: { kind: string }) => entry.kind === 'COMMENTED')).toEqual([
      expect.objectContaining({ actorId: w.userId.FR_MANAGER, comment: 'Jolie photo ?', version: post.version }),
      expect.objectContaining({ actorId: w.userId.FR_PUBLISHER, comment: 'Oui, demain' }),
    ]);
    // A comment does not make an approver's view stale.
    expect((await done(w, 'FR_MANAGER', 'approve', post)).state).toBe('APPROVED');
    expect(await auditActions(w, post.id)).toEqual(['post.create', 'post.submit', 'post.comment', 'post.comment', 'post.approve']);
  });

  it('writes nothing for an edit that changes nothing: same version, no timeline entry, no audit entry', async () => {
    const post = await createPost(w, 'FR_PUBLISHER', [w.id.FR]);
    const same = must(await as(w, 'FR_PUBLISHER', MUTATION.update, { id: post.id, version: post.version, input: { body: post.body, targetPageIds: [w.id.FR] } })).updatePost;
    expect(same.version).toBe(post.version);
    expect(await kinds(post.id)).toEqual(['CREATED']);
    expect(await auditActions(w, post.id)).toEqual(['post.create']);
  });

  it('refuses to submit a draft whose target page was archived since it was written', async () => {
    await archive(w, w.id.frStudent);
    const page = await newSegment(w, w.id.FR);
    const post = await createPost(w, 'FR_PUBLISHER', [page]);
    await archive(w, page);
    expect(errorCode(await act(w, 'FR_PUBLISHER', 'submit', post))).toBe('BAD_USER_INPUT');
    expect((await postAsStored(w, post.id)).state).toBe('DRAFT');
  });

  it('refuses a stale version with CONFLICT and keeps the newer change', async () => {
    const post = await createPost(w, 'FR_PUBLISHER', [w.id.FR]);
    const first = must(await as(w, 'FR_MANAGER', MUTATION.update, { id: post.id, version: 1, input: { body: 'Version du manager #northwind' } })).updatePost;
    expect(errorCode(await as(w, 'FR_PUBLISHER', MUTATION.update, { id: post.id, version: 1, input: { body: 'Ma version #northwind' } }))).toBe('CONFLICT');
    expect(errorCode(await act(w, 'FR_PUBLISHER', 'submit', post))).toBe('CONFLICT');
    expect(await postAsStored(w, post.id)).toMatchObject({ body: 'Version du manager #northwind', version: first.version, state: 'DRAFT' });
  });

  it('lets one of two approvers acting at once win; the other is told CONFLICT and nothing is approved twice', async () => {
    const second = await newUser(w, 'MARKET_MANAGER', w.id.FR, 'second-fr-manager');
    const token = await login(w.app, second.email, second.password);
    const post = await submittedPost(w);
    const variables = { id: post.id, version: post.version };
    const results = await Promise.all([
      as(w, 'FR_MANAGER', MUTATION.approve, variables),
      w.app.http.post('/graphql').set('authorization', `Bearer ${token}`).send({ query: MUTATION.approve, variables }).then((res) => ({ status: res.status, data: res.body.data, errors: res.body.errors })),
    ]);
    const codes = results.map((result) => (result.errors ? errorCode(result) : 'OK')).sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const stored = await postAsStored(w, post.id);
    expect(stored).toMatchObject({ state: 'APPROVED', version: post.version + 1 });
    expect(stored.timeline.filter((entry: { kind: string }) => entry.kind === 'APPROVED')).toHaveLength(1);
    expect((await auditActions(w, post.id)).filter((action) => action === 'post.approve')).toHaveLength(1);
  });

  it('refuses to submit a draft that breaks a guardrail, with the findings and their positions in extensions', async () => {
    const body = 'Résultat guaranteed, voir https://elsewhere.example/x #northwind';
    const post = await createPost(w, 'FR_PUBLISHER', [w.id.FR], body);
    const result = await act(w, 'FR_PUBLISHER', 'submit', post);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    const issues = result.errors![0]!.extensions!.guardrails as { code: string; start: number | null; end: number | null }[];
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'BANNED_TERM', severity: 'error', start: body.indexOf('guaranteed'), end: body.indexOf('guaranteed') + 'guaranteed'.length }),
        expect.objectContaining({ code: 'LINK_DOMAIN_NOT_ALLOWED', start: body.indexOf('https://') }),
      ]),
    );
    expect(await postAsStored(w, post.id)).toMatchObject({ state: 'DRAFT', version: 1 });
    expect(await auditActions(w, post.id)).toEqual(['post.create']);
  });

  const inbox = async (who: 'FR_MANAGER' | 'ADMIN') =>
    must(await as(w, who, '{ approvalsInbox(first: 200) { edges { node { id } } } }')).approvalsInbox.edges.map((e: { node: { id: string } }) => e.node.id);

  it('walks a two-step path: a guardrail warning adds the brand team after the FR manager, and the inbox follows the current step', async () => {
    // No #northwind: a warning, not an error.
    const post = await submittedPost(w, [w.id.FR], 'Bonjour Lyon !');
    expect((await postAsStored(w, post.id)).approvalPath).toMatchObject({ currentStepId: 'market', steps: [{ id: 'market', status: 'CURRENT' }, { id: 'brand', status: 'WAITING' }] });
    expect(await inbox('FR_MANAGER')).toContain(post.id);
    expect(await inbox('ADMIN')).not.toContain(post.id);
    expect(errorCode(await act(w, 'ADMIN', 'approve', post))).toBe('FORBIDDEN');
    const stepped = await done(w, 'FR_MANAGER', 'approve', post);
    expect(stepped).toMatchObject({ state: 'IN_REVIEW', version: post.version + 1 });
    expect((await postAsStored(w, post.id)).approvalPath).toMatchObject({ currentStepId: 'brand', steps: [{ status: 'APPROVED' }, { status: 'CURRENT' }] });
    expect(await inbox('FR_MANAGER')).not.toContain(post.id);
    expect(await inbox('ADMIN')).toContain(post.id);
    expect(errorCode(await act(w, 'FR_MANAGER', 'approve', stepped))).toBe('FORBIDDEN');
    expect((await done(w, 'ADMIN', 'approve', stepped)).state).toBe('APPROVED');
    expect(await auditActions(w, post.id)).toEqual(['post.create', 'post.submit', 'post.approveStep', 'post.approve']);
  });

  it('sends a post on the global page to the brand team alone, and refuses to submit a post no step covers', async () => {
    const colleague = await newUser(w, 'BRAND_ADMIN', w.id.G, 'second-brand-admin');
    const token = await login(w.app, colleague.email, colleague.password);
    const asColleague = (query: string, variables: Record<string, unknown>) =>
      w.app.http.post('/graphql').set('authorization', `Bearer ${token}`).send({ query, variables }).then((res) => ({ status: res.status, data: res.body.data, errors: res.body.errors }));
    const create = 'mutation($input: CreatePostInput!) { createPost(input: $input) { id version } }';
    const global = (await asColleague(create, { input: { brandId: w.brandId, targetPageIds: [w.id.G], body: 'Hello world #northwind', locale: 'en' } })).data.createPost;
    const submitted = (await asColleague(MUTATION.submit, { id: global.id, version: global.version })).data.submitPost as PostRow;
    expect((await postAsStored(w, global.id)).approvalPath.steps.map((s: { id: string }) => s.id)).toEqual(['brand']);
    expect((await done(w, 'ADMIN', 'approve', submitted)).state).toBe('APPROVED');
    // FR and ES: no market manager covers both; the default policy's brand step does (spans-markets).
    const spanning = (await asColleague(create, { input: { brandId: w.brandId, targetPageIds: [w.id.FR, w.id.ES], body: 'Hola, bonjour #northwind', locale: 'fr' } })).data.createPost;
    expect(errorCode(await asColleague(MUTATION.submit, { id: spanning.id, version: spanning.version }))).toBeUndefined();
    expect((await postAsStored(w, spanning.id)).approvalPath.steps.map((s: { id: string }) => s.id)).toEqual(['brand']);
    expect(await inbox('ADMIN')).toContain(spanning.id);
    expect(await inbox('FR_MANAGER')).not.toContain(spanning.id);
    // A brand policy without that condition leaves such a post with no step: submitting it is refused.
    const setPolicy = 'mutation($input: SetApprovalPolicyInput!) { setApprovalPolicy(input: $input) { id version } }';
    const steps = [
      { id: 'market', name: 'Market manager', role: 'MARKET_MANAGER', scope: 'POST_MARKET', mode: 'ANY', when: ['ALWAYS'] },
      { id: 'brand', name: 'Brand team', role: 'BRAND_ADMIN', scope: 'BRAND', mode: 'ANY', when: ['TARGETS_GLOBAL_PAGE'] },
    ];
    must(await as(w, 'ADMIN', setPolicy, { input: { brandId: w.brandId, steps } }));
    try {
      const uncovered = (await asColleague(create, { input: { brandId: w.brandId, targetPageIds: [w.id.FR, w.id.ES], body: 'Hola, bonjour #northwind', locale: 'fr' } })).data.createPost;
      const refused = await asColleague(MUTATION.submit, { id: uncovered.id, version: uncovered.version });
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors[0].extensions.approvalPath).toEqual([]);
    } finally {
      const defaults = [steps[0], { ...steps[1], when: ['TARGETS_GLOBAL_PAGE', 'SPANS_MARKETS', 'HAS_GUARDRAIL_WARNINGS'] }];
      must(await as(w, 'ADMIN', setPolicy, { input: { brandId: w.brandId, steps: defaults } }));
    }
  });

  it('follows a market override naming two users who must both approve; approving twice is refused', async () => {
    const second = await newUser(w, 'MARKET_MANAGER', w.id.FR, 'fr-co-manager');
    await grant(w, second.id, 'ANALYST', w.id.ES);
    const token = await login(w.app, second.email, second.password);
    const asSecond = (variables: Record<string, unknown>) =>
      w.app.http.post('/graphql').set('authorization', `Bearer ${token}`).send({ query: MUTATION.approve, variables }).then((res) => ({ data: res.body.data, errors: res.body.errors }));
    const setPolicy = 'mutation($input: SetApprovalPolicyInput!) { setApprovalPolicy(input: $input) { id country version } }';
    const steps = [{ id: 'both', name: 'Both FR managers', userIds: [w.userId.FR_MANAGER, second.id], mode: 'ALL', when: ['ALWAYS'] }];
    must(await as(w, 'ADMIN', setPolicy, { input: { brandId: w.brandId, country: 'fr', steps } }));
    try {
      const post = await submittedPost(w);
      const once = await done(w, 'FR_MANAGER', 'approve', post);
      expect(once.state).toBe('IN_REVIEW');
      expect(errorCode(await act(w, 'FR_MANAGER', 'approve', once))).toBe('BAD_USER_INPUT');
      const twice = await asSecond({ id: post.id, version: once.version });
      expect(twice.errors).toBeUndefined();
      expect(twice.data.approvePost.state).toBe('APPROVED');
      expect((await postAsStored(w, post.id)).approvalPath.steps).toEqual([expect.objectContaining({ id: 'both', status: 'APPROVED', approvedBy: [w.userId.FR_MANAGER, second.id] })]);
    } finally {
      expect(must(await as(w, 'ADMIN', setPolicy, { input: { brandId: w.brandId, country: 'FR', steps: [] } })).setApprovalPolicy).toBeNull();
    }
  });
});
