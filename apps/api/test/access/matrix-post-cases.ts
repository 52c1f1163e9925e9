import { as, must, type Who } from './access-world';
import { everyone, outcomes, type MatrixCase, type MatrixWorld } from './matrix-cases';
import { cascaded, childrenOf, globalPost } from '../publishing/cascade-world';
import { approvedPost, failedPost, scheduling } from '../publishing/publish-world';
import { createPost, done, MUTATION, postAsStored, type PostRow } from '../publishing/publishing-world';

/*
 * Publishing × every demo role. Posts are the FR publisher's at FR (in scope for the FR team) or
 * the ES manager's at ES (out of it). Readers of a post are told FORBIDDEN, everyone else
 * NOT_FOUND; submit and withdraw are the author's; approving is the pending step's approvers'
 * (the FR manager under the default policy), never the author's; scheduling, unscheduling and
 * retrying are its governors'.
 */

/** Read FR posts: the brand team, the FR manager, the author, the EMEA analyst. */
const FR_POST_READERS: Who[] = ['PLATFORM', 'ADMIN', 'FR_MANAGER', 'FR_PUBLISHER', 'ANALYST'];
const ES_POST_READERS: Who[] = ['PLATFORM', 'ADMIN', 'ES_MANAGER', 'ANALYST'];
const BLIND_TO_FR: Who[] = ['ES_MANAGER', 'FR_MODERATOR'];

const POST_BY_ID = 'query($id: ID!) { post(id: $id) { id targets { id } timeline { kind } approvalPath { steps { id } } } }';
const CREATE = 'mutation($input: CreatePostInput!) { createPost(input: $input) { id state authorId } }';

const frDraft = (w: MatrixWorld) => createPost(w, 'FR_PUBLISHER', [w.id.FR]);
const frInReview = async (w: MatrixWorld) => done(w, 'FR_PUBLISHER', 'submit', await frDraft(w));
/** The brand admin's global post cascaded to FR: FR's child, authored by the brand admin, localized by FR (issue 5). */
const frChild = async (w: MatrixWorld) => {
  const parent = await globalPost(w);
  await cascaded(w, parent.id, [w.id.FR]);
  return (await childrenOf(w, parent.id)).get(w.id.FR)!;
};
const FR_LOCALIZERS: Who[] = ['PLATFORM', 'ADMIN', 'FR_MANAGER', 'FR_PUBLISHER'];

/** One move on a fresh FR post: its new state on OK, the stored post untouched on refusal. */
function moveCase(title: string, move: keyof typeof MUTATION, prepare: (w: MatrixWorld) => Promise<PostRow>, state: string, expected: MatrixCase['expect'], comment?: string): MatrixCase<PostRow> {
  return {
    title,
    expect: expected,
    prepare,
    run: (w, who, post) => as(w, who, MUTATION[move], { id: post.id, version: post.version, ...(comment ? { comment } : {}) }),
    ok: (data) => expect(Object.values(data)[0]).toMatchObject({ state }),
    unchanged: async (w, _who, post) => expect(await postAsStored(w, post.id)).toMatchObject({ state: post.state, version: post.version }),
  };
}

const createOn = (market: 'FR' | 'ES', expected: MatrixCase['expect']): MatrixCase => ({
  title: `createPost on ${market}`,
  expect: expected,
  run: (w, who) => as(w, who, CREATE, { input: { brandId: w.brandId, targetPageIds: [w.id[market]], body: 'Bonjour #northwind', locale: 'fr' } }),
  ok: (data, w, who) => expect(data.createPost).toMatchObject({ state: 'DRAFT', authorId: w.userId[who] }),
});

const DEMO_GUARDRAILS = { bannedTerms: ['guaranteed', 'free money'], requiredHashtags: ['northwind'], allowedLinkDomains: ['northwind.example'] };
const DEFAULT_STEPS = [
  { id: 'market', name: 'Market manager', role: 'MARKET_MANAGER', scope: 'POST_MARKET', mode: 'ANY', when: ['ALWAYS'] },
  { id: 'brand', name: 'Brand team', role: 'BRAND_ADMIN', scope: 'BRAND', mode: 'ANY', when: ['TARGETS_GLOBAL_PAGE', 'HAS_GUARDRAIL_WARNINGS'] },
];

export const POST_CASES: MatrixCase[] = [
  {
    title: 'post(an FR draft)',
    expect: outcomes({ OK: FR_POST_READERS }, 'NOT_FOUND'),
    prepare: frDraft,
    run: (w, who, post) => as(w, who, POST_BY_ID, { id: post.id }),
    ok: (data, w, _who, post) => expect(data.post).toMatchObject({ id: post.id, targets: [{ id: w.id.FR }], timeline: [{ kind: 'CREATED' }] }),
  },
  {
    title: 'post(an ES draft)',
    expect: outcomes({ OK: ES_POST_READERS }, 'NOT_FOUND'),
    prepare: (w) => createPost(w, 'ES_MANAGER', [w.id.ES]),
    run: (w, who, post) => as(w, who, POST_BY_ID, { id: post.id }),
    ok: (data, _w, _who, post) => expect(data.post.id).toBe(post.id),
  },
  {
    title: 'posts lists an FR draft and an ES draft exactly when post(id) would',
    expect: everyone('OK'),
    prepare: async (w) => [await frDraft(w), await createPost(w, 'ES_MANAGER', [w.id.ES])],
    run: (w, who) => as(w, who, '{ posts(first: 200) { totalCount edges { node { id } } } }'),
    ok: (data, _w, who, [fr, es]: PostRow[]) => {
      const listed = data.posts.edges.map((edge: { node: { id: string } }) => edge.node.id);
      expect(listed.includes(fr!.id)).toBe(FR_POST_READERS.includes(who));
      expect(listed.includes(es!.id)).toBe(ES_POST_READERS.includes(who));
    },
  },
  {
    title: 'approvalsInbox holds an FR post in review for its approvers only',
    expect: everyone('OK'),
    prepare: frInReview,
    run: (w, who) => as(w, who, '{ approvalsInbox(first: 200) { edges { node { id } } } }'),
    ok: (data, _w, who, post) => expect(data.approvalsInbox.edges.some((edge: { node: { id: string } }) => edge.node.id === post.id)).toBe(who === 'FR_MANAGER'),
  },
  createOn('FR', outcomes({ OK: ['PLATFORM', 'ADMIN', 'FR_MANAGER', 'FR_PUBLISHER'], FORBIDDEN: ['FR_MODERATOR', 'ANALYST'], BAD_USER_INPUT: ['ES_MANAGER'] })),
  createOn('ES', outcomes({ OK: ['PLATFORM', 'ADMIN', 'ES_MANAGER'], FORBIDDEN: ['ANALYST'], BAD_USER_INPUT: ['FR_MANAGER', 'FR_PUBLISHER', 'FR_MODERATOR'] })),
  {
    title: 'updatePost(an FR draft)',
    expect: outcomes({ OK: ['PLATFORM', 'ADMIN', 'FR_MANAGER', 'FR_PUBLISHER'], FORBIDDEN: ['ANALYST'], NOT_FOUND: BLIND_TO_FR }),
    prepare: frDraft,
    run: (w, who, post) => as(w, who, MUTATION.update, { id: post.id, version: post.version, input: { body: `Édité par ${who} #northwind` } }),
    ok: (data, _w, who) => expect(data.updatePost.body).toBe(`Édité par ${who} #northwind`),
    unchanged: async (w, _who, post) => expect(await postAsStored(w, post.id)).toMatchObject({ body: post.body, version: post.version }),
  },
  {
    title: "updatePost(FR's cascade child): the FR team, publisher included, and the brand team",
    expect: outcomes({ OK: FR_LOCALIZERS, FORBIDDEN: ['ANALYST'], NOT_FOUND: BLIND_TO_FR }),
    prepare: frChild,
    run: (w, who, post) => as(w, who, MUTATION.update, { id: post.id, version: post.version, input: { body: `Localisé par ${who} #northwind` } }),
    ok: (data, _w, who) => expect(data.updatePost.body).toBe(`Localisé par ${who} #northwind`),
    unchanged: async (w, _who, post) => expect(await postAsStored(w, post.id)).toMatchObject({ body: post.body, version: post.version }),
  },
  moveCase("submitPost(FR's cascade child): whoever may submit it in its scope, not only its author", 'submit', frChild, 'IN_REVIEW', outcomes({ OK: FR_LOCALIZERS, FORBIDDEN: ['ANALYST'], NOT_FOUND: BLIND_TO_FR })),
  moveCase(
    "approvePost(FR's cascade child the FR publisher submitted): the FR manager, never its submitter nor its author",
    'approve',
    async (w) => done(w, 'FR_PUBLISHER', 'submit', await frChild(w)),
    'APPROVED',
    outcomes({ OK: ['FR_MANAGER'], FORBIDDEN: ['PLATFORM', 'ADMIN', 'FR_PUBLISHER', 'ANALYST'], NOT_FOUND: BLIND_TO_FR }),
  ),
  moveCase('submitPost(an FR draft): the author only', 'submit', frDraft, 'IN_REVIEW', outcomes({ OK: ['FR_PUBLISHER'], FORBIDDEN: ['PLATFORM', 'ADMIN', 'FR_MANAGER', 'ANALYST'], NOT_FOUND: BLIND_TO_FR })),
  moveCase('withdrawPost(an FR post in review): the author only', 'withdraw', frInReview, 'DRAFT', outcomes({ OK: ['FR_PUBLISHER'], FORBIDDEN: ['PLATFORM', 'ADMIN', 'FR_MANAGER', 'ANALYST'], NOT_FOUND: BLIND_TO_FR })),
  ...(
    [
      ['approvePost', 'approve', 'APPROVED', undefined],
      ['requestPostChanges', 'requestChanges', 'CHANGES_REQUESTED', 'Précisez'],
      ['rejectPost', 'reject', 'REJECTED', undefined],
    ] as const
  ).map(([name, move, state, comment]) =>
    // The market step is the FR manager's; the brand team and the platform are not named in it.
    moveCase(`${name}(an FR post in review): the current step's approvers, never the author`, move, frInReview, state, outcomes({ OK: ['FR_MANAGER'], FORBIDDEN: ['PLATFORM', 'ADMIN', 'FR_PUBLISHER', 'ANALYST'], NOT_FOUND: BLIND_TO_FR }), comment),
  ),
  {
    title: 'commentOnPost(an FR draft): its author and governors',
    expect: outcomes({ OK: ['PLATFORM', 'ADMIN', 'FR_MANAGER', 'FR_PUBLISHER'], FORBIDDEN: ['ANALYST'], NOT_FOUND: BLIND_TO_FR }),
    prepare: frDraft,
    run: (w, who, post) => as(w, who, 'mutation($id: ID!, $c: String!) { commentOnPost(id: $id, comment: $c) { id version } }', { id: post.id, c: `Un mot de ${who}` }),
    ok: (data, _w, _who, post) => expect(data.commentOnPost).toEqual({ id: post.id, version: post.version }),
    unchanged: async (w, _who, post) => expect((await postAsStored(w, post.id)).timeline).toEqual([expect.objectContaining({ kind: 'CREATED' })]),
  },
  moveCase('archivePost(an FR draft): its governors', 'archive', frDraft, 'ARCHIVED', outcomes({ OK: ['PLATFORM', 'ADMIN', 'FR_MANAGER'], FORBIDDEN: ['FR_PUBLISHER', 'ANALYST'], NOT_FOUND: BLIND_TO_FR })),
  ...(
    [
      ['schedulePost(an approved FR post without a time)', 'schedule', (w: MatrixWorld) => approvedPost(w, [w.id.FR], null), 'SCHEDULED'],
      ['unschedulePost(a scheduled FR post)', 'unschedule', (w: MatrixWorld) => approvedPost(w, [w.id.FR], new Date(Date.now() + 3_600_000)), 'APPROVED'],
      ['retryPost(a failed FR post)', 'retry', failedPost, 'SCHEDULED'],
    ] as const
  ).map(([title, move, prepare, state]): MatrixCase<PostRow> => ({
    // The manager's moves (the state machine's "manager"): whoever governs the post, never its author as such.
    title: `${title}: its governors`,
    expect: outcomes({ OK: ['PLATFORM', 'ADMIN', 'FR_MANAGER'], FORBIDDEN: ['FR_PUBLISHER', 'ANALYST'], NOT_FOUND: BLIND_TO_FR }),
    prepare,
    run: (w, who, post) => scheduling(w, who, move, post, move === 'unschedule' ? undefined : move === 'retry' ? null : new Date(Date.now() + 3_600_000)),
    ok: (data) => expect(Object.values(data)[0]).toMatchObject({ state }),
    unchanged: async (w, _who, post) => expect(await postAsStored(w, post.id)).toMatchObject({ state: post.state, version: post.version }),
  })),
  {
    title: 'setBrandGuardrails: the brand team',
    expect: outcomes({ OK: ['PLATFORM', 'ADMIN'] }, 'FORBIDDEN'),
    run: (w, who) => as(w, who, 'mutation($b: ID!, $input: BrandGuardrailsInput!) { setBrandGuardrails(brandId: $b, input: $input) { bannedTerms } }', { b: w.brandId, input: DEMO_GUARDRAILS }),
    ok: (data) => expect(data.setBrandGuardrails.bannedTerms).toEqual(DEMO_GUARDRAILS.bannedTerms),
  },
  {
    title: 'setApprovalPolicy: the brand team',
    expect: outcomes({ OK: ['PLATFORM', 'ADMIN'] }, 'FORBIDDEN'),
    run: (w, who) => as(w, who, 'mutation($input: SetApprovalPolicyInput!) { setApprovalPolicy(input: $input) { steps { id } } }', { input: { brandId: w.brandId, steps: DEFAULT_STEPS } }),
    ok: (data) => expect(data.setApprovalPolicy.steps).toEqual([{ id: 'market' }, { id: 'brand' }]),
  },
  {
    title: 'brandGuardrails, approvalPolicies and checkGuardrails: everyone in the brand',
    expect: everyone('OK'),
    run: (w, who) =>
      as(w, who, 'query($b: ID!) { brandGuardrails(brandId: $b) { requiredHashtags } approvalPolicies(brandId: $b) { country } checkGuardrails(brandId: $b, network: "facebook", body: "Hi") { blocking } }', { b: w.brandId }),
    ok: (data) => expect(data).toEqual({ brandGuardrails: { requiredHashtags: ['northwind'] }, approvalPolicies: [{ country: null }], checkGuardrails: { blocking: false } }),
  },
  {
    title: "brandGuardrails of another brand: the platform only",
    expect: outcomes({ OK: ['PLATFORM'] }, 'NOT_FOUND'),
    prepare: async (w) => must(await as(w, 'PLATFORM', 'query($slug: String!) { brand(slug: $slug) { id } }', { slug: w.other.slug })).brand.id as string,
    run: (w, who, brandId) => as(w, who, 'query($b: ID!) { brandGuardrails(brandId: $b) { bannedTerms } }', { b: brandId }),
    ok: (data) => expect(data.brandGuardrails.bannedTerms).toEqual([]),
  },
];
