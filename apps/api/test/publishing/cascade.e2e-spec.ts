import { Client } from 'pg';
import { as, loadWorld, must, subtreeIds, type World } from '../access/access-world';
import { errorCode } from '../support/graphql';
import { startTestApp } from '../support/test-app';
import { CascadeRunner } from '../../src/publishing/cascade/cascade-runner.service';
import { CascadeWorker } from '../../src/publishing/cascade/cascade-worker';
import { cascaded, cascadePost, CHILD_FIELDS, childrenOf, finished, globalPost, jobOf, type JobRow } from './cascade-world';
import { sql, until } from './publish-world';
import { auditActions, createPost, postAsStored } from './publishing-world';

/** Active market pages of the demo tree, in name order. */
const marketsOf = (w: World) => w.pages.filter((page) => page.kind === 'MARKET' && page.status === 'ACTIVE' && subtreeIds(w, w.id.G).includes(page.id)).sort((a, b) => a.name.localeCompare(b.name));

const jobsOf = async (w: World, postId: string) => (await sql(w, 'SELECT id FROM cascade_jobs WHERE post_id = $1', [postId])).length;
const childCount = async (w: World, postId: string) => Number((await sql(w, 'SELECT count(*) AS n FROM posts WHERE parent_post_id = $1', [postId]))[0]!.n);

describe('publishing: cascading a global post to markets', () => {
  let w: World;

  beforeAll(async () => {
    w = await loadWorld(await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '10000' }));
  });
  afterAll(() => w?.app.close());

  it('answers at once with a QUEUED job, then makes one DRAFT child per market in its scope, authored by the brand admin', async () => {
    const parent = await globalPost(w, 'Spring is here #northwind');
    const result = await cascadePost(w, 'ADMIN', parent.id, [w.id.FR, w.id.ES, w.id.DE]);
    expect(result.data?.cascadePost).toMatchObject({ state: 'QUEUED', postId: parent.id, total: 3, done: 0, failed: 0, errors: [], finishedAt: null });
    const job = await finished(w, result.data!.cascadePost.id);
    expect(job).toMatchObject({ state: 'DONE', total: 3, done: 3, failed: 0, errors: [], finishedAt: expect.any(String) });

    const children = await childrenOf(w, parent.id);
    expect([...children.keys()].sort()).toEqual([w.id.FR, w.id.ES, w.id.DE].sort());
    for (const [market, locale] of [[w.id.FR, 'fr'], [w.id.ES, 'es'], [w.id.DE, 'de']] as const) {
      expect(children.get(market)).toMatchObject({
        state: 'DRAFT',
        version: 1,
        authorId: w.userId.ADMIN,
        body: 'Spring is here #northwind',
        locale,
        parentPostId: parent.id,
        parentPost: { id: parent.id },
        globalChanged: false,
        globalDiff: null,
        scopeIds: [w.id.G, expect.any(String), market],
        targets: [{ id: market }],
      });
    }
    const fr = children.get(w.id.FR)!;
    expect((await postAsStored(w, fr.id)).timeline).toEqual([expect.objectContaining({ kind: 'CREATED_BY_CASCADE', actorId: w.userId.ADMIN, toState: 'DRAFT', version: 1 })]);
    expect((await postAsStored(w, parent.id)).timeline.map((event: { kind: string }) => event.kind)).toEqual(['CREATED', 'CASCADED']);
    expect(await auditActions(w, parent.id)).toEqual(['post.create', 'post.cascade']);
    expect(await auditActions(w, fr.id)).toEqual(['post.createByCascade']);
  });

  it("lets each market manager see only their market's child, and not the global post (ES cannot read FR's child: NOT_FOUND)", async () => {
    const parent = await globalPost(w);
    await cascaded(w, parent.id, [w.id.FR, w.id.ES]);
    const children = await childrenOf(w, parent.id);
    const listed = async (who: 'FR_MANAGER' | 'ES_MANAGER') => {
      const data = must(await as(w, who, `{ posts(first: 200) { edges { node { id parentPostId parentPost { id } } } } }`));
      return data.posts.edges.map((edge: { node: { id: string; parentPostId: string | null; parentPost: unknown } }) => edge.node).filter((node: { parentPostId: string | null }) => node.parentPostId === parent.id);
    };
    // The child names its parent's id, but the global post itself stays the brand team's.
    expect(await listed('FR_MANAGER')).toEqual([{ id: children.get(w.id.FR)!.id, parentPostId: parent.id, parentPost: null }]);
    expect(await listed('ES_MANAGER')).toEqual([{ id: children.get(w.id.ES)!.id, parentPostId: parent.id, parentPost: null }]);
    expect(errorCode(await as(w, 'ES_MANAGER', `query($id: ID!) { post(id: $id) { ${CHILD_FIELDS} } }`, { id: children.get(w.id.FR)!.id }))).toBe('NOT_FOUND');
    expect(errorCode(await as(w, 'FR_MANAGER', 'query($id: ID!) { post(id: $id) { id } }', { id: parent.id }))).toBe('NOT_FOUND');
  });

  it.each(['FR_MANAGER', 'ES_MANAGER', 'FR_PUBLISHER', 'FR_MODERATOR', 'ANALYST'] as const)('refuses cascadePost from %s (a market role) with FORBIDDEN, writing nothing', async (who) => {
    const parent = await globalPost(w);
    expect(errorCode(await cascadePost(w, who, parent.id, [w.id.FR]))).toBe('FORBIDDEN');
    expect(await jobsOf(w, parent.id)).toBe(0);
    expect((await postAsStored(w, parent.id)).timeline).toHaveLength(1);
  });

  describe('refuses a cascade that cannot be one with BAD_USER_INPUT, writing nothing', () => {
    let other: { globalId: string; marketId: string };

    beforeAll(async () => {
      const brand = must(await as(w, 'PLATFORM', 'mutation { createBrand(input: { slug: "contoso-cascade", name: "Contoso" }) { id } }')).createBrand;
      const create = 'mutation($input: CreatePageInput!) { createPage(input: $input) { id } }';
      const globalId = must(await as(w, 'PLATFORM', create, { input: { brandId: brand.id, kind: 'GLOBAL', name: 'Contoso', url: 'https://www.facebook.com/contoso', languages: ['en'] } })).createPage.id;
      const marketInput = { brandId: brand.id, kind: 'MARKET', parentId: globalId, country: 'FR', name: 'Contoso France', url: 'https://www.facebook.com/contoso.fr', languages: ['fr'] };
      other = { globalId, marketId: must(await as(w, 'PLATFORM', create, { input: marketInput })).createPage.id };
    });

    const cases: [string, (w: World) => Promise<{ postId: string; targets: string[] }>][] = [
      ['a parent that is not on the global page', async (w) => ({ postId: (await createPost(w, 'ADMIN', [w.id.FR])).id, targets: [w.id.ES] })],
      ['a parent that is itself a cascade child', async (w) => {
        const parent = await globalPost(w);
        await cascaded(w, parent.id, [w.id.FR]);
        return { postId: (await childrenOf(w, parent.id)).get(w.id.FR)!.id, targets: [w.id.ES] };
      }],
      ['a parent that is archived', async (w) => {
        const parent = await globalPost(w);
        must(await as(w, 'ADMIN', 'mutation($id: ID!, $v: Int!) { archivePost(id: $id, version: $v) { id } }', { id: parent.id, v: parent.version }));
        return { postId: parent.id, targets: [w.id.FR] };
      }],
      ["a target of another brand", async (w) => ({ postId: (await globalPost(w)).id, targets: [w.id.FR, other.marketId] })],
      ['the global page as a target', async (w) => ({ postId: (await globalPost(w)).id, targets: [w.id.FR, w.id.G] })],
      ['a region page as a target', async (w) => ({ postId: (await globalPost(w)).id, targets: [w.id.EMEA] })],
      ['an archived segment page as a target', async (w) => {
        must(await as(w, 'PLATFORM', 'mutation($id: ID!) { archivePage(id: $id) { id } }', { id: w.id.esStudent }));
        return { postId: (await globalPost(w)).id, targets: [w.id.esStudent] };
      }],
      ['no target at all', async (w) => ({ postId: (await globalPost(w)).id, targets: [] })],
      ['more than 200 targets', async (w) => ({ postId: (await globalPost(w)).id, targets: Array.from({ length: 201 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`) })],
      ['a malformed target id', async (w) => ({ postId: (await globalPost(w)).id, targets: ['not-an-id'] })],
    ];

    it.each(cases)('%s', async (_title, prepare) => {
      const { postId, targets } = await prepare(w);
      const before = await childCount(w, postId);
      const jobs = await jobsOf(w, postId);
      expect(errorCode(await cascadePost(w, 'ADMIN', postId, targets))).toBe('BAD_USER_INPUT');
      expect(await jobsOf(w, postId)).toBe(jobs);
      expect(await childCount(w, postId)).toBe(before);
    });
  });

  it('answers NOT_FOUND for a parent the caller cannot see, and for cascadeJob to who may not read its post', async () => {
    expect(errorCode(await cascadePost(w, 'ADMIN', '00000000-0000-4000-8000-000000000000', [w.id.FR]))).toBe('NOT_FOUND');
    const parent = await globalPost(w);
    const job = await cascaded(w, parent.id, [w.id.FR]);
    expect((await jobOf(w, job.id, 'ADMIN')).id).toBe(job.id);
    for (const who of ['FR_MANAGER', 'ES_MANAGER', 'ANALYST'] as const) {
      expect(errorCode(await as(w, who, 'query($id: ID!) { cascadeJob(id: $id) { id } }', { id: job.id }))).toBe('NOT_FOUND');
    }
  });

  it('skips a target that already has a live child as ALREADY_CASCADED, makes the others, drops duplicates, and ends DONE', async () => {
    const parent = await globalPost(w);
    await cascaded(w, parent.id, [w.id.FR]);
    const again = await cascaded(w, parent.id, [w.id.FR, w.id.ES, w.id.ES]);
    expect(again).toMatchObject({ state: 'DONE', total: 2, done: 1, failed: 1, errors: [{ pageId: w.id.FR, code: 'ALREADY_CASCADED', message: expect.any(String) }] });
    expect(await childCount(w, parent.id)).toBe(2);
    // An archived child no longer counts: the market may be given a fresh one.
    const fr = (await childrenOf(w, parent.id)).get(w.id.FR)!;
    must(await as(w, 'ADMIN', 'mutation($id: ID!, $v: Int!) { archivePost(id: $id, version: $v) { id } }', { id: fr.id, v: fr.version }));
    expect(await cascaded(w, parent.id, [w.id.FR])).toMatchObject({ state: 'DONE', done: 1, failed: 0 });
  });

  it('runs a 40-market cascade as a job whose progress shows batch by batch, ending DONE with 40 children', async () => {
    const markets = marketsOf(w).slice(0, 40).map((page) => page.id);
    expect(markets).toHaveLength(40);
    const parent = await globalPost(w);
    // Hold the 16th target page (second batch) so the job is caught between batches: inserting a
    // child's target takes a key-share lock on its page, which waits for this one.
    const holder = new Client({ connectionString: w.app.databaseUrl });
    await holder.connect();
    let job: JobRow;
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM pages WHERE id = $1 FOR UPDATE', [markets[15]]);
      job = must(await cascadePost(w, 'ADMIN', parent.id, markets)).cascadePost;
      expect(job).toMatchObject({ state: 'QUEUED', total: 40, done: 0 });
      await until('the first batch', async () => (await jobOf(w, job.id)).done === 10);
      expect(await jobOf(w, job.id)).toMatchObject({ state: 'RUNNING', total: 40, done: 10, failed: 0, finishedAt: null });
    } finally {
      await holder.query('COMMIT');
      await holder.end();
    }
    expect(await finished(w, job.id)).toMatchObject({ state: 'DONE', total: 40, done: 40, failed: 0, errors: [] });
    expect(await childCount(w, parent.id)).toBe(40);
    // Each batch is one transaction: its children share its start time, ten at a time.
    const batches = await sql(w, 'SELECT count(*)::int AS n FROM posts WHERE parent_post_id = $1 GROUP BY created_at ORDER BY min(created_at)', [parent.id]);
    expect(batches.map((row) => row.n)).toEqual([10, 10, 10, 10]);
  });

  it('finishes a job whose worker died mid-way (lease lapsed) on another instance, without a second child for any page', async () => {
    const markets = marketsOf(w).slice(0, 25).map((page) => page.id);
    const parent = await globalPost(w);
    // An instance that runs no cascades queues the job; a "dead" worker there claims it and makes one batch.
    const quiet = await startTestApp({ CASCADE_POLL_INTERVAL_MS: '0' }, { url: w.app.databaseUrl });
    try {
      const queued = await quiet.http.post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${w.token.ADMIN}`)
        .send({ query: 'mutation($input: CascadePostInput!) { cascadePost(input: $input) { id state } }', variables: { input: { postId: parent.id, targetPageIds: markets } } });
      const jobId = queued.body.data.cascadePost.id as string;
      expect((await jobOf(w, jobId)).state).toBe('QUEUED');
      const dead = quiet.app.get(CascadeRunner);
      expect(await dead.claim('dead-worker')).toBe(jobId);
      expect(await dead.runBatch(jobId, 'dead-worker')).toBe(true);
      expect(await jobOf(w, jobId)).toMatchObject({ state: 'RUNNING', done: 10 });
      // While the lease holds, nobody else takes the job.
      await w.app.app.get(CascadeWorker).poll();
      expect(await jobOf(w, jobId)).toMatchObject({ state: 'RUNNING', done: 10 });
      await sql(w, `UPDATE cascade_jobs SET lease_until = now() - interval '1 second' WHERE id = $1`, [jobId]);
      await w.app.app.get(CascadeWorker).poll();
      expect(await jobOf(w, jobId)).toMatchObject({ state: 'DONE', total: 25, done: 25, failed: 0, errors: [] });
      // The dead worker waking up finds the job no longer its own and makes nothing.
      expect(await dead.runBatch(jobId, 'dead-worker')).toBe(false);
    } finally {
      await quiet.close();
    }
    expect(await childCount(w, parent.id)).toBe(25);
    const doubled = await sql(w, `SELECT t.page_id FROM posts c JOIN post_targets t ON t.post_id = c.id WHERE c.parent_post_id = $1 GROUP BY t.page_id HAVING count(*) > 1`, [parent.id]);
    expect(doubled).toEqual([]);
  });
});
