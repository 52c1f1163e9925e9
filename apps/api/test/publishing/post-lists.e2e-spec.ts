import { archive, as, must, newSegment, type Who, type World } from '../access/access-world';
import { errorCode, gql } from '../support/graphql';
import { createPost, done, startPublishingWorld, submittedPost, type PostRow } from './publishing-world';

/*
 * Lists of posts are filtered by the caller's ability in SQL (ability-sql.ts), counted and
 * paginated there; the composer's guardrail check and the brand's rules are the brand team's to set.
 */
describe('publishing: lists, inbox and brand rules', () => {
  let w: World;
  let esPost: PostRow;
  let spanningPost: PostRow;
  let frPosts: PostRow[];

  const LIST = `query($filter: PostFilterInput, $first: Int, $after: String) {
    posts(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id state authorId parentPostId } } } }`;
  const list = async (who: Who, filter: Record<string, unknown> = {}, first = 200, after?: string | null) => must(await as(w, who, LIST, { filter, first, after })).posts;
  const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((edge) => edge.node.id);

  /** Every page of a list, following the cursors. */
  async function everyPage(who: Who, filter: Record<string, unknown>, first: number): Promise<{ ids: string[]; pages: number; totals: number[] }> {
    const seen: string[] = [];
    const totals: number[] = [];
    let after: string | null = null;
    let pages = 0;
    for (let more = true; more; pages++) {
      const page = await list(who, filter, first, after);
      seen.push(...ids(page));
      totals.push(page.totalCount);
      [after, more] = [page.pageInfo.endCursor, page.pageInfo.hasNextPage];
    }
    return { ids: seen, pages, totals };
  }

  beforeAll(async () => {
    w = await startPublishingWorld();
    esPost = await createPost(w, 'ES_MANAGER', [w.id.ES], 'Hola #northwind');
    spanningPost = await createPost(w, 'ADMIN', [w.id.FR, w.id.ES], 'Bonjour, hola #northwind');
    frPosts = [];
    for (let i = 0; i < 7; i++) frPosts.push(await createPost(w, 'FR_PUBLISHER', [i % 2 ? w.id.frConsumer : w.id.FR], `Post ${i} #northwind`));
  });
  afterAll(() => w?.app.close());

  it("never shows FR's manager a post that targets ES: not in the list, not by id, not in its history", async () => {
    const seen = ids(await list('FR_MANAGER'));
    expect(seen).toEqual(expect.arrayContaining(frPosts.map((post) => post.id)));
    expect(seen).not.toContain(esPost.id);
    expect(seen).not.toContain(spanningPost.id);
    for (const post of [esPost, spanningPost]) {
      expect(errorCode(await as(w, 'FR_MANAGER', 'query($id: ID!) { post(id: $id) { id } }', { id: post.id }))).toBe('NOT_FOUND');
      const audit = must(await as(w, 'FR_MANAGER', 'query($id: ID!) { auditEntries(filter: { subjectId: $id }) { totalCount } }', { id: post.id }));
      expect(audit.auditEntries.totalCount).toBe(0);
    }
    expect(errorCode(await as(w, 'FR_MANAGER', 'query($f: PostFilterInput) { posts(filter: $f) { totalCount } }', { f: { pageId: w.id.ES } }))).toBeUndefined();
    expect((await list('FR_MANAGER', { pageId: w.id.ES })).totalCount).toBe(0);
  });

  it("shows each role what DESIGN says: the brand team all, the analyst EMEA, the publisher every post under their market (its calendar), the moderator nothing", async () => {
    const admin = ids(await list('ADMIN'));
    expect(admin).toEqual(expect.arrayContaining([esPost.id, spanningPost.id, ...frPosts.map((post) => post.id)]));
    const analyst = ids(await list('ANALYST'));
    expect(analyst).toEqual(expect.arrayContaining([esPost.id, spanningPost.id]));
    // Issue 20: every post under FR, whoever wrote it; nothing beside FR, nor the posts spanning FR and ES (scope EMEA).
    const publisher = ids(await list('FR_PUBLISHER'));
    expect(publisher).toEqual(expect.arrayContaining(frPosts.map((post) => post.id)));
    expect(publisher).toEqual(ids(await list('FR_MANAGER')));
    expect(publisher).not.toContain(esPost.id);
    expect(publisher).not.toContain(spanningPost.id);
    const esManager = ids(await list('ES_MANAGER'));
    expect(esManager).toContain(esPost.id);
    expect(esManager.filter((id) => frPosts.some((post) => post.id === id))).toEqual([]);
    expect((await list('FR_MODERATOR')).totalCount).toBe(0);
  });

  it('counts and paginates in SQL: pages add up to the total, newest first, with no duplicates', async () => {
    const all = await list('FR_PUBLISHER');
    const walked = await everyPage('FR_PUBLISHER', {}, 3);
    expect(walked.ids).toEqual(ids(all));
    expect(new Set(walked.ids).size).toBe(all.totalCount);
    expect(walked.pages).toBe(Math.ceil(all.totalCount / 3));
    expect(new Set(walked.totals)).toEqual(new Set([all.totalCount]));
    // Newest first: the seven made here, in reverse order of creation, lead the list.
    expect(walked.ids.slice(0, 7)).toEqual([...frPosts].reverse().map((post) => post.id));
  });

  it('filters by state, page and author', async () => {
    await done(w, 'FR_PUBLISHER', 'submit', frPosts[0]!);
    const inReview = await list('FR_MANAGER', { states: ['IN_REVIEW'] });
    expect(ids(inReview)).toContain(frPosts[0]!.id);
    expect(inReview.edges.every((edge: { node: { state: string } }) => edge.node.state === 'IN_REVIEW')).toBe(true);
    const onSegment = ids(await list('FR_MANAGER', { pageId: w.id.frConsumer, authorId: w.userId.FR_PUBLISHER }));
    expect(onSegment.sort()).toEqual(frPosts.filter((_post, i) => i % 2).map((post) => post.id).sort());
    const byEs = ids(await list('ADMIN', { authorId: w.userId.ES_MANAGER }));
    expect(byEs).toEqual([esPost.id]);
    expect(errorCode(await as(w, 'ADMIN', LIST, { filter: { pageId: 'nope' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await as(w, 'ADMIN', LIST, { first: 0 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await as(w, 'ADMIN', LIST, { after: 'bm90LWEtY3Vyc29y' }))).toBe('BAD_USER_INPUT');
  });

  it("selects a market's calendar in SQL: posts with a target under the market, scheduled within the time range", async () => {
    const day = (n: number) => new Date(Date.UTC(2031, 2, n, 9)).toISOString();
    const scheduled = async (targets: string[], publishAt: string, who: Who = 'FR_PUBLISHER') => {
      const input = { brandId: w.brandId, targetPageIds: targets, body: 'Calendrier #northwind', locale: 'fr-FR', publishAt };
      const post = must(await as(w, who, 'mutation($input: CreatePostInput!) { createPost(input: $input) { id version } }', { input })).createPost;
      return done(w, 'FR_MANAGER', 'approve', await done(w, who, 'submit', post));
    };
    const [onMarket, onSegment, later] = [await scheduled([w.id.FR], day(3)), await scheduled([w.id.frConsumer], day(5)), await scheduled([w.id.FR], day(20))];
    expect([onMarket.state, onSegment.state, later.state]).toEqual(['SCHEDULED', 'SCHEDULED', 'SCHEDULED']);
    const week = { underPageId: w.id.FR, states: ['SCHEDULED'], publishFrom: day(1), publishBefore: day(8) };
    expect(ids(await list('FR_MANAGER', week)).sort()).toEqual([onMarket.id, onSegment.id].sort());
    // The end is exclusive; a post without a publish time is never in a range.
    expect(ids(await list('FR_MANAGER', { ...week, publishFrom: day(3), publishBefore: day(5) }))).toEqual([onMarket.id]);
    expect(ids(await list('FR_MANAGER', { underPageId: w.id.FR, publishFrom: day(1) })).sort()).toEqual([onMarket.id, onSegment.id, later.id].sort());
    // Spain's calendar has none of them, and ES's manager cannot read FR's even by asking for it.
    expect((await list('ADMIN', { ...week, underPageId: w.id.ES })).totalCount).toBe(0);
    expect((await list('ES_MANAGER', week)).totalCount).toBe(0);
    expect(errorCode(await as(w, 'ADMIN', LIST, { filter: { ...week, publishBefore: day(1) } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await as(w, 'ADMIN', LIST, { filter: { underPageId: 'nope' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await as(w, 'ADMIN', LIST, { filter: { publishFrom: 'not a time' } }))).toBe('BAD_USER_INPUT');
  });

  it('answers the approvals inbox oldest submission first, with only what the caller may decide now, paginated', async () => {
    const inbox = 'query($first: Int, $after: String) { approvalsInbox(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id submittedAt } } } }';
    const mine = [await submittedPost(w), await submittedPost(w), await submittedPost(w)];
    const all = must(await as(w, 'FR_MANAGER', inbox, { first: 200 })).approvalsInbox;
    const order = all.edges.map((edge: { node: { submittedAt: string } }) => edge.node.submittedAt);
    expect(order).toEqual([...order].sort());
    expect(ids(all).slice(-3)).toEqual(mine.map((post) => post.id));
    const first = must(await as(w, 'FR_MANAGER', inbox, { first: 2 })).approvalsInbox;
    const rest = must(await as(w, 'FR_MANAGER', inbox, { first: 200, after: first.pageInfo.endCursor })).approvalsInbox;
    expect([...ids(first), ...ids(rest)]).toEqual(ids(all));
    expect(first.totalCount).toBe(all.totalCount);
    // The author, the ES manager, the analyst and the brand team (not the market step's) wait for nothing here.
    for (const who of ['FR_PUBLISHER', 'ES_MANAGER', 'ANALYST', 'ADMIN'] as const) {
      expect(ids(must(await as(w, who, inbox, { first: 200 })).approvalsInbox)).not.toContain(mine[0]!.id);
    }
    await done(w, 'FR_MANAGER', 'approve', mine[0]!);
    expect(ids(must(await as(w, 'FR_MANAGER', inbox, { first: 200 })).approvalsInbox)).not.toContain(mine[0]!.id);
  });

  it('reads posts with their targets, timelines, approval paths and guardrails in a fixed number of statements, however many posts (no N+1)', async () => {
    const query = '{ posts(first: FIRST) { edges { node { id targets { id name } timeline { kind } approvalPath { steps { id } } guardrails { blocking } } } } }';
    const cost = async (first: number) => {
      const before = w.app.queries();
      must(await as(w, 'ADMIN', query.replace('FIRST', String(first))));
      return w.app.queries() - before;
    };
    const few = await cost(2);
    const many = await cost(10);
    expect(many).toBe(few);
  });

  it('checks a composer draft with positions, as the API will on submit', async () => {
    const query = 'query($brandId: ID!, $network: String!, $body: String!, $link: String) { checkGuardrails(brandId: $brandId, network: $network, body: $body, link: $link) { blocking issues { code severity field start end } } }';
    const body = 'Free money for all';
    const report = must(await as(w, 'FR_PUBLISHER', query, { brandId: w.brandId, network: 'x', body, link: 'https://elsewhere.example' })).checkGuardrails;
    expect(report.blocking).toBe(true);
    expect(report.issues).toEqual(
      expect.arrayContaining([
        { code: 'BANNED_TERM', severity: 'error', field: 'body', start: 0, end: 'Free money'.length },
        expect.objectContaining({ code: 'MISSING_HASHTAG', severity: 'warning' }),
        expect.objectContaining({ code: 'LINK_DOMAIN_NOT_ALLOWED', field: 'link' }),
      ]),
    );
    const clean = must(await as(w, 'FR_PUBLISHER', query, { brandId: w.brandId, network: 'facebook', body: 'Bonjour #northwind' })).checkGuardrails;
    expect(clean).toEqual({ blocking: false, issues: [] });
    expect(errorCode(await as(w, 'FR_PUBLISHER', query, { brandId: '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f', network: 'x', body }))).toBe('NOT_FOUND');
  });

  it('lets the brand team set guardrails (audited, applied at the next submit) and nobody else', async () => {
    const set = 'mutation($brandId: ID!, $input: BrandGuardrailsInput!) { setBrandGuardrails(brandId: $brandId, input: $input) { bannedTerms requiredHashtags allowedLinkDomains } }';
    const input = { bannedTerms: ['guaranteed', 'free money', 'soldes'], requiredHashtags: ['#northwind'], allowedLinkDomains: ['https://Northwind.example/'] };
    expect(errorCode(await as(w, 'FR_MANAGER', set, { brandId: w.brandId, input }))).toBe('FORBIDDEN');
    expect(errorCode(await as(w, 'ES_MANAGER', set, { brandId: w.brandId, input: { bannedTerms: [], requiredHashtags: [] } }))).toBe('FORBIDDEN');
    expect(errorCode(await as(w, 'ADMIN', set, { brandId: w.brandId, input: { ...input, allowedLinkDomains: ['not a domain'] } }))).toBe('BAD_USER_INPUT');
    expect(must(await as(w, 'ADMIN', set, { brandId: w.brandId, input })).setBrandGuardrails).toEqual({
      bannedTerms: ['guaranteed', 'free money', 'soldes'],
      requiredHashtags: ['northwind'],
      allowedLinkDomains: ['northwind.example'],
    });
    const audit = must(await as(w, 'ADMIN', 'query($id: ID!) { auditEntries(filter: { subjectId: $id }) { edges { node { action } } } }', { id: w.brandId })).auditEntries;
    expect(audit.edges.map((edge: { node: { action: string } }) => edge.node.action)).toContain('brand.guardrails');
    const post = await createPost(w, 'FR_PUBLISHER', [w.id.FR], 'Grandes soldes #northwind');
    const refused = await as(w, 'FR_PUBLISHER', 'mutation($id: ID!, $v: Int!) { submitPost(id: $id, version: $v) { id } }', { id: post.id, v: post.version });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.extensions!.guardrails).toEqual([expect.objectContaining({ code: 'BANNED_TERM' })]);
  });

  it('takes the posts of a page moved out of FR out of the FR team’s reach, in the same transaction', async () => {
    await archive(w, w.id.frStudent);
    await archive(w, w.id.esStudent);
    const page = await newSegment(w, w.id.FR);
    const post = await createPost(w, 'FR_PUBLISHER', [page]);
    const read = (who: Who) => as(w, who, 'query($id: ID!) { post(id: $id) { id scopeIds } }', { id: post.id });
    expect(errorCode(await read('ES_MANAGER'))).toBe('NOT_FOUND');
    must(await as(w, 'PLATFORM', 'mutation($id: ID!, $p: ID!) { updatePage(id: $id, input: { parentId: $p }) { id } }', { id: page, p: w.id.ES }));
    expect(errorCode(await read('FR_MANAGER'))).toBe('NOT_FOUND');
    expect(errorCode(await read('FR_PUBLISHER'))).toBe('NOT_FOUND');
    expect(must(await read('ES_MANAGER')).post.scopeIds).toEqual([w.id.G, w.id.EMEA, w.id.ES, page]);
  });

  it('answers UNAUTHENTICATED to a caller without a token', async () => {
    expect(errorCode(await gql(w.app, '{ posts { totalCount } }'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await gql(w.app, '{ approvalsInbox { totalCount } }'))).toBe('UNAUTHENTICATED');
  });

  it('lets the brand team save approval policies, refusing one that would let posts through unapproved', async () => {
    const set = 'mutation($input: SetApprovalPolicyInput!) { setApprovalPolicy(input: $input) { country version steps { id role scope when } } }';
    const brandOnly = [{ id: 'brand', name: 'Brand team', role: 'BRAND_ADMIN', scope: 'BRAND', mode: 'ANY', when: ['TARGETS_GLOBAL_PAGE'] }];
    const refused = await as(w, 'ADMIN', set, { input: { brandId: w.brandId, steps: brandOnly } });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.extensions!.policyIssues).toEqual([expect.objectContaining({ code: 'NO_ALWAYS_STEP' })]);
    const both = [{ id: 'x', name: 'Both', role: 'MARKET_MANAGER', scope: 'POST_MARKET', userIds: [w.userId.FR_MANAGER], mode: 'ANY', when: ['ALWAYS'] }];
    expect(errorCode(await as(w, 'ADMIN', set, { input: { brandId: w.brandId, steps: both } }))).toBe('BAD_USER_INPUT');
    const ghost = [{ id: 'ghost', name: 'Nobody', userIds: ['6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f'], mode: 'ANY', when: ['ALWAYS'] }];
    expect(errorCode(await as(w, 'ADMIN', set, { input: { brandId: w.brandId, country: 'DE', steps: ghost } }))).toBe('BAD_USER_INPUT');
    const es = [{ id: 'es', name: 'ES manager', role: 'MARKET_MANAGER', scope: 'POST_MARKET', mode: 'ANY', when: ['ALWAYS'] }];
    expect(errorCode(await as(w, 'ES_MANAGER', set, { input: { brandId: w.brandId, country: 'ES', steps: es } }))).toBe('FORBIDDEN');
    expect(must(await as(w, 'ADMIN', set, { input: { brandId: w.brandId, country: 'ES', steps: es } })).setApprovalPolicy).toEqual({
      country: 'ES',
      version: 1,
      steps: [{ id: 'es', role: 'MARKET_MANAGER', scope: 'POST_MARKET', when: ['ALWAYS'] }],
    });
    const policies = must(await as(w, 'FR_PUBLISHER', 'query($b: ID!) { approvalPolicies(brandId: $b) { country steps { id } } }', { b: w.brandId })).approvalPolicies;
    expect(policies).toEqual([{ country: null, steps: [{ id: 'market' }, { id: 'brand' }] }, { country: 'ES', steps: [{ id: 'es' }] }]);
  });
});
