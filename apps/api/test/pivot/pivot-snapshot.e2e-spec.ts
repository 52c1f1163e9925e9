import { setTimeout as sleep } from 'node:timers/promises';
import { ADMIN, errorCode, gql, login, PLATFORM } from '../support/graphql';
import { createTestDatabase, startTestApp, type TestApp } from '../support/test-app';
import { loadTree, marketOf, pageOf, regionOf, segmentOf, type Tree } from '../hierarchy/tree-fixture';

interface Answer {
  page: { id: string; kind: string; name: string };
  trail: string[];
}

const PREVIEW = `query($country: String, $lang: String, $segment: String) {
  pivotPreview(brandSlug: "northwind", country: $country, lang: $lang, segment: $segment) { page { id kind name } trail }
}`;

/** Asks until the answer satisfies `done` or the time is up, then hands back the last answer for the assertion. */
async function eventually<T>(ask: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await ask();
    if (done(value) || Date.now() >= deadline) return value;
    await sleep(50);
  }
}

/**
 * Two API instances on ONE database, as in production: A is where the admin works, B only
 * serves the pivot. Changes reach B's snapshot through PostgreSQL LISTEN/NOTIFY alone.
 */
describe('the pivot snapshot', () => {
  let database: { url: string; drop: () => Promise<void> };
  let a: TestApp;
  let b: TestApp;
  let token: string;
  /** Creating and editing another brand is the platform's business; northwind is the brand admin's. */
  let platform: string;
  let tree: Tree;

  beforeAll(async () => {
    database = await createTestDatabase();
    a = await startTestApp({}, database);
    b = await startTestApp({}, database);
    token = await login(a, ADMIN);
    platform = await login(a, PLATFORM);
    tree = await loadTree(a, token);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  const resolveOn = async (app: TestApp, query: string, headers: Record<string, string> = {}): Promise<Answer> => {
    const req = app.http.get(`/pivot/northwind/resolve?${query}`);
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    const res = await req;
    expect(res.status).toBe(200);
    return res.body as Answer;
  };

  describe('answers from memory', () => {
    it('50 resolutions after warm-up send no statement to PostgreSQL', async () => {
      await resolveOn(a, 'country=FR');
      const before = a.queries();
      const countries = ['FR', 'LU', 'BE', 'DE', 'JP', 'AO', 'EG', 'AQ', 'CA', 'US'];
      for (let i = 0; i < 50; i += 1) {
        const country = countries[i % countries.length];
        await resolveOn(a, `country=${country}&segment=${i % 2 ? 'developer' : 'consumer'}`, { 'Accept-Language': 'fr-BE,fr;q=0.9' });
      }
      expect(a.queries()).toBe(before);
    });

    it('redirects and refused requests send no statement either', async () => {
      const before = a.queries();
      for (let i = 0; i < 10; i += 1) {
        expect((await a.http.get('/pivot/northwind?country=LU&segment=developer')).status).toBe(302);
        expect((await a.http.get('/pivot/northwind/resolve?country=F1')).status).toBe(400);
        expect((await a.http.get('/pivot/nobody/resolve?country=FR')).status).toBe(404);
      }
      expect(a.queries()).toBe(before);
    });
  });

  describe('pivotPreview (GraphQL) and the public answer agree', () => {
    it.each([
      ['LU + developer', { country: 'LU', segment: 'developer' }, 'country=LU&segment=developer'],
      ['DE + developer', { country: 'DE', segment: 'developer' }, 'country=DE&segment=developer'],
      ['AO', { country: 'AO' }, 'country=AO'],
      ['BE in French', { country: 'BE', lang: 'fr' }, 'country=BE&lang=fr'],
      ['no country', {}, ''],
    ])('%s: same page id and trail', async (_case, variables, query) => {
      const preview = await gql(a, PREVIEW, variables, token);
      expect(preview.errors).toBeUndefined();
      const rest = await resolveOn(a, query);
      expect(preview.data!.pivotPreview.page.id).toBe(rest.page.id);
      expect(preview.data!.pivotPreview.trail).toEqual(rest.trail);
    });

    it('lang takes a whole Accept-Language header', async () => {
      const header = 'nl-BE,nl;q=0.9,fr;q=0.8';
      const preview = await gql(a, PREVIEW, { country: 'BE', lang: header }, token);
      expect(preview.errors).toBeUndefined();
      const rest = await resolveOn(a, 'country=BE', { 'Accept-Language': header });
      expect(preview.data!.pivotPreview.page).toMatchObject({ id: pageOf(tree, 'MARKET', 'Northwind België').id, name: 'Northwind België' });
      expect(preview.data!.pivotPreview.page.id).toBe(rest.page.id);
      expect(preview.data!.pivotPreview.trail).toEqual(rest.trail);
    });

    it('a malformed country is BAD_USER_INPUT naming the parameter', async () => {
      const preview = await gql(a, PREVIEW, { country: 'FRA' }, token);
      expect(errorCode(preview)).toBe('BAD_USER_INPUT');
      expect(preview.errors![0].extensions!.parameter).toBe('country');
    });

    it('an unknown brand is NOT_FOUND', async () => {
      const preview = await gql(a, '{ pivotPreview(brandSlug: "nobody") { trail } }', {}, token);
      expect(errorCode(preview)).toBe('NOT_FOUND');
    });

    it('needs a signed-in caller, unlike the public endpoints', async () => {
      expect(errorCode(await gql(a, PREVIEW, { country: 'FR' }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('tree changes reach the snapshot', () => {
    it('archiving the FR developer page sends LU + developer to the FR market page', async () => {
      const france = marketOf(tree, 'FR');
      const developers = segmentOf(tree, france, 'developer');
      expect((await resolveOn(a, 'country=LU&segment=developer')).page.id).toBe(developers.id);

      const archived = await gql(a, 'mutation($id: ID!) { archivePage(id: $id) { status } }', { id: developers.id }, token);
      expect(archived.data?.archivePage.status).toBe('ARCHIVED');

      const answer = await eventually(() => resolveOn(a, 'country=LU&segment=developer'), (x) => x.page.id !== developers.id);
      expect(answer.page.id).toBe(france.id);
      expect(answer.trail).toEqual([
        'LU has no page: aliased to FR',
        'developer page in FR is archived: ignored',
        'no developer page in FR: market page',
      ]);
    });

    it('still answers from memory once the change has arrived', async () => {
      await resolveOn(a, 'country=LU&segment=developer');
      const before = a.queries();
      for (let i = 0; i < 20; i += 1) await resolveOn(a, 'country=LU&segment=developer');
      expect(a.queries()).toBe(before);
    });

    it('a brand created through GraphQL is served once it has a global page', async () => {
      const brand = await gql(a, 'mutation { createBrand(input: { slug: "tailspin", name: "Tailspin" }) { id } }', {}, platform);
      expect(brand.errors).toBeUndefined();
      const global = await gql(
        a,
        'mutation($input: CreatePageInput!) { createPage(input: $input) { id } }',
        {
          input: { brandId: brand.data!.createBrand.id, kind: 'GLOBAL', name: 'Tailspin', url: 'https://www.facebook.com/tailspin', languages: ['en'] },
        },
        platform,
      );
      expect(global.errors).toBeUndefined();
      const res = await eventually(() => a.http.get('/pivot/tailspin?country=FR'), (r) => r.status === 302);
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe('https://www.facebook.com/tailspin');
    });
  });

  describe('across instances (LISTEN/NOTIFY)', () => {
    it('an alias set through instance A is answered by instance B within 5 s', async () => {
      const germany = marketOf(tree, 'DE');
      expect((await resolveOn(b, 'country=LI')).page.id).toBe(regionOf(tree, 'EMEA').id);

      const alias = await gql(
        a,
        'mutation($input: SetMarketAliasInput!) { setMarketAlias(input: $input) { country } }',
        { input: { brandId: tree.brandId, country: 'LI', marketPageId: germany.id } },
        token,
      );
      expect(alias.errors).toBeUndefined();

      const answer = await eventually(() => resolveOn(b, 'country=LI'), (x) => x.page.id === germany.id);
      expect(answer.page.id).toBe(germany.id);
      expect(answer.trail).toEqual(['LI has no page: aliased to DE']);
    });

    it('an archive made through A is seen by B, and B never answered the archived page afterwards', async () => {
      const japan = marketOf(tree, 'JP');
      expect((await resolveOn(b, 'country=JP')).page.id).toBe(japan.id);
      expect((await gql(a, 'mutation($id: ID!) { archivePage(id: $id) { id } }', { id: japan.id }, token)).errors).toBeUndefined();

      const answer = await eventually(() => resolveOn(b, 'country=JP'), (x) => x.page.id !== japan.id);
      expect(answer.page.id).toBe(regionOf(tree, 'APAC').id);
      for (let i = 0; i < 10; i += 1) expect((await resolveOn(b, 'country=JP&segment=developer')).page.id).toBe(regionOf(tree, 'APAC').id);
    });

    it('B serves the change from memory too', async () => {
      const before = b.queries();
      for (let i = 0; i < 20; i += 1) await resolveOn(b, 'country=LI');
      expect(b.queries()).toBe(before);
    });
  });

  describe('simultaneous changes to two brands', () => {
    const UPDATE = 'mutation($id: ID!, $url: String!) { updatePage(id: $id, input: { url: $url }) { url } }';
    const urlOn = async (app: TestApp, slug: string, query: string) => (await app.http.get(`/pivot/${slug}/resolve?${query}`)).body?.page?.url;

    // Each instance reloads the two brands at the same time: neither reload may drop the other's result.
    it('both changes reach both instances, round after round', async () => {
      const tailspin = (await loadTree(a, platform, 'tailspin')).pages.find((p) => p.kind === 'GLOBAL')!;
      const france = marketOf(tree, 'FR');
      for (let round = 1; round <= 5; round += 1) {
        const frUrl = `https://www.facebook.com/northwind.fr?round=${round}`;
        const tsUrl = `https://www.facebook.com/tailspin?round=${round}`;
        const [fr, ts] = await Promise.all([
          gql(a, UPDATE, { id: france.id, url: frUrl }, token),
          gql(a, UPDATE, { id: tailspin.id, url: tsUrl }, platform),
        ]);
        expect([fr.errors, ts.errors]).toEqual([undefined, undefined]);
        for (const app of [a, b]) {
          const seen = await eventually(
            async () => [await urlOn(app, 'northwind', 'country=FR'), await urlOn(app, 'tailspin', 'country=FR')],
            ([x, y]) => x === frUrl && y === tsUrl,
          );
          expect({ round, instance: app === a ? 'A' : 'B', seen }).toEqual({ round, instance: app === a ? 'A' : 'B', seen: [frUrl, tsUrl] });
        }
      }
    });
  });
});
