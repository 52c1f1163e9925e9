import { ADMIN, login } from '../support/graphql';
import { startTestApp, type TestApp } from '../support/test-app';
import { globalOf, loadTree, marketOf, pageOf, regionOf, segmentOf, type Tree } from '../hierarchy/tree-fixture';

interface Answer {
  page: { id: string; kind: string; name: string; url: string; country: string | null; languages: string[]; segment: string | null };
  trail: string[];
}

describe('public pivot over HTTP', () => {
  let app: TestApp;
  let tree: Tree;

  beforeAll(async () => {
    app = await startTestApp();
    tree = await loadTree(app, await login(app, ADMIN));
  });
  afterAll(() => app.close());

  /** GET /pivot/northwind/resolve with a raw query string, so repeated and odd parameters go out as typed. */
  const resolve = (query = '', headers: Record<string, string> = {}) => {
    const req = app.http.get(`/pivot/northwind/resolve${query ? `?${query}` : ''}`);
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    return req;
  };
  const answer = async (query: string, headers: Record<string, string> = {}): Promise<Answer> => {
    const res = await resolve(query, headers);
    expect(res.status).toBe(200);
    return res.body as Answer;
  };

  describe('the JSON answer', () => {
    it('has exactly the page fields a browser needs and a trail', async () => {
      const res = await resolve('country=FR');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(Object.keys(res.body).sort()).toEqual(['page', 'trail']);
      expect(Object.keys(res.body.page).sort()).toEqual(['country', 'id', 'kind', 'languages', 'name', 'segment', 'url']);
      expect(res.body.page).toEqual({
        id: marketOf(tree, 'FR').id,
        kind: 'MARKET',
        name: 'Northwind France',
        url: 'https://www.facebook.com/northwind.fr',
        country: 'FR',
        languages: ['fr'],
        segment: null,
      });
      expect(res.body.trail).toEqual(['FR has a market page: Northwind France']);
    });

    it('is never stored by a shared cache and varies with the visitor headers', async () => {
      const res = await resolve('country=FR');
      expect(res.headers['cache-control']).toMatch(/no-store/);
      expect(res.headers['vary']).toMatch(/Accept-Language/i);
      expect(res.headers['vary']).toMatch(/CF-IPCountry/i);
    });
  });

  describe('the double pivot', () => {
    it('LU + developer: aliased to FR, then the FR developer page, both decisions in the trail', async () => {
      const { page, trail } = await answer('country=LU&segment=developer');
      expect(page.id).toBe(segmentOf(tree, marketOf(tree, 'FR'), 'developer').id);
      // A segment page answers with the country of the market it belongs to.
      expect(page).toMatchObject({ kind: 'SEGMENT', segment: 'developer', country: 'FR' });
      expect(trail).toEqual(['LU has no page: aliased to FR', 'developer page in FR: Northwind France Developers']);
    });

    it.each([
      ['nl', 'Northwind België', ['nl']],
      ['fr', 'Northwind Belgique', ['fr']],
      ['NL-be', 'Northwind België', ['nl']],
    ])('BE with lang=%s answers the %s variant', async (lang, name, languages) => {
      const { page, trail } = await answer(`country=BE&lang=${lang}`);
      expect(page).toMatchObject({ id: pageOf(tree, 'MARKET', name).id, country: 'BE', languages });
      expect(trail).toHaveLength(1);
      expect(trail[0]).toMatch(/^BE has language variants: /);
    });

    it('BE with no language answers the default variant and says so', async () => {
      const { page, trail } = await answer('country=BE');
      expect(page.name).toBe('Northwind België');
      expect(trail).toEqual(['BE has language variants: no language given, default Northwind België']);
    });

    it('DE + developer: DE has no developer page, so the DE market page', async () => {
      const { page, trail } = await answer('country=DE&segment=developer');
      expect(page.id).toBe(marketOf(tree, 'DE').id);
      expect(trail).toEqual(['DE has a market page: Northwind Deutschland', 'no developer page in DE: market page']);
    });

    it('JP without a segment: the JP market page', async () => {
      const { page, trail } = await answer('country=JP');
      expect(page).toMatchObject({ id: marketOf(tree, 'JP').id, kind: 'MARKET', country: 'JP' });
      expect(trail).toEqual(['JP has a market page: Northwind 日本']);
    });

    it('AO (Angola, no page, in EMEA): the EMEA region page', async () => {
      const { page, trail } = await answer('country=AO&segment=consumer');
      expect(page).toMatchObject({ id: regionOf(tree, 'EMEA').id, kind: 'REGION' });
      expect(trail).toEqual(['AO has no page: region Northwind EMEA', 'no consumer page in region Northwind EMEA: region page']);
    });

    it('AQ (Antarctica, in no business region): the global page', async () => {
      const { page, trail } = await answer('country=AQ');
      expect(page).toMatchObject({ id: globalOf(tree).id, kind: 'GLOBAL' });
      expect(trail).toEqual(['AQ has no market, alias or region: global page']);
    });

    it('EG (archived market) is never answered: EMEA region instead', async () => {
      const { page, trail } = await answer('country=EG');
      expect(page.id).toBe(regionOf(tree, 'EMEA').id);
      expect(page.id).not.toBe(marketOf(tree, 'EG').id);
      expect(trail).toEqual([expect.stringMatching(/^EG market page .* is archived: ignored$/), 'EG has no page: region Northwind EMEA']);
    });

    it('no country at all: the global page', async () => {
      const { page, trail } = await answer('');
      expect(page.id).toBe(globalOf(tree).id);
      expect(trail).toEqual(['no country given: global page']);
    });

    it('country, segment and lang are case-insensitive; empty parameters count as absent', async () => {
      const { page } = await answer('country=lu&segment=Developer&lang=');
      expect(page.id).toBe(segmentOf(tree, marketOf(tree, 'FR'), 'developer').id);
    });
  });

  describe('visitor headers', () => {
    it('CF-IPCountry gives the country when the query has none', async () => {
      const { page } = await answer('segment=developer', { 'CF-IPCountry': 'LU' });
      expect(page.id).toBe(segmentOf(tree, marketOf(tree, 'FR'), 'developer').id);
    });

    it('the query country wins over CF-IPCountry', async () => {
      expect((await answer('country=JP', { 'CF-IPCountry': 'FR' })).page.id).toBe(marketOf(tree, 'JP').id);
    });

    it.each([['XX'], ['T1'], ['garbage!']])('CF-IPCountry %s is ignored: the global page', async (header) => {
      const { page, trail } = await answer('', { 'CF-IPCountry': header });
      expect(page.id).toBe(globalOf(tree).id);
      expect(trail).toEqual(['no country given: global page']);
    });

    it('Accept-Language "nl-BE,nl;q=0.9,fr;q=0.8" with country BE: the nl variant', async () => {
      const { page, trail } = await answer('country=BE', { 'Accept-Language': 'nl-BE,nl;q=0.9,fr;q=0.8' });
      expect(page.name).toBe('Northwind België');
      expect(trail).toEqual(['BE has language variants: nl-BE matched Northwind België']);
    });

    it('Accept-Language follows the q weights, not the order', async () => {
      const { page } = await answer('country=BE', { 'Accept-Language': 'nl;q=0.2,fr-BE;q=0.9' });
      expect(page.name).toBe('Northwind Belgique');
    });

    it('lang wins over Accept-Language', async () => {
      const { page } = await answer('country=BE&lang=fr', { 'Accept-Language': 'nl-BE,nl;q=0.9' });
      expect(page.name).toBe('Northwind Belgique');
    });

    it('a garbled Accept-Language is ignored rather than refused', async () => {
      const res = await resolve('country=BE', { 'Accept-Language': ';;;,,q=abc,!!' });
      expect(res.status).toBe(200);
      expect(res.body.page.name).toBe('Northwind België');
    });
  });

  describe('the redirect', () => {
    it('answers 302 to the page URL, never cached', async () => {
      const res = await app.http.get('/pivot/northwind?country=LU&segment=developer');
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe('https://www.facebook.com/northwind.fr.developer');
      expect(res.headers['cache-control']).toMatch(/no-store/);
    });

    it('uses CF-IPCountry and Accept-Language like the JSON answer', async () => {
      const res = await app.http.get('/pivot/northwind').set('CF-IPCountry', 'BE').set('Accept-Language', 'fr-BE,fr;q=0.9');
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe('https://www.facebook.com/northwind.be.fr');
    });

    it('an unknown brand is a 404 JSON answer, not a redirect', async () => {
      const res = await app.http.get('/pivot/no-such-brand?country=FR');
      expect(res.status).toBe(404);
      expect(res.headers.location).toBeUndefined();
      expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('a malformed parameter is a 400 JSON answer, not a redirect', async () => {
      const res = await app.http.get('/pivot/northwind?country=F1');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT', parameter: 'country' });
    });
  });

  describe('refused requests', () => {
    it('an unknown brand is 404 JSON', async () => {
      const res = await app.http.get('/pivot/no-such-brand/resolve?country=FR');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
    });

    it.each([
      ['country=F1', 'country'],
      ['country=FRA', 'country'],
      ['country=F', 'country'],
      ['lang=!!', 'lang'],
      [`lang=${'a'.repeat(300)}`, 'lang'],
      ['segment=dev%20eloper', 'segment'],
      ['segment=astronaut', 'segment'],
      ['network=face%20book', 'network'],
      ['country=FR&country=DE', 'country'],
      ['lang=fr&lang=nl', 'lang'],
      ['segment=developer&segment=student', 'segment'],
    ])('?%s is 400 JSON naming %s', async (query, parameter) => {
      const res = await resolve(query);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT', parameter });
    });

    it('a network the brand has no tree on is 404', async () => {
      const res = await resolve('network=tiktok');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
    });

    it.each([
      ['/pivot/northwind/resolve?country=%00'],
      ['/pivot/northwind/resolve?country=%E0%A4%A'],
      ['/pivot/northwind/resolve?country[]=FR'],
      ['/pivot/northwind/resolve?country[a]=FR&lang[b]=fr'],
      [`/pivot/northwind/resolve?segment=${'x'.repeat(5000)}`],
      ["/pivot/northwind/resolve?country='%3B%20drop%20table%20pages%3B--"],
      ['/pivot/%E0%A4%A/resolve'],
      ['/pivot/%C3%A9/resolve'],
      [`/pivot/${'n'.repeat(2000)}/resolve`],
      ['/pivot/northwind?lang=%FF'],
      ['/pivot/northwind/resolve?network=instagram&network=facebook'],
    ])('GET %s never answers 5xx', async (path) => {
      const res = await app.http.get(path).set('Accept-Language', '*;q=x, ;;;').set('CF-IPCountry', "'; drop");
      expect(res.status).toBeLessThan(500);
      const text = JSON.stringify(res.body) + (res.text ?? '');
      expect(text).not.toMatch(/QueryFailedError|\bat \S+ \(|node_modules/);
    });
  });
});
