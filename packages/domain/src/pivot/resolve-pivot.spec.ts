import { allCountries } from '../geography/country';
import { northwindTree, PageTreeBuilder } from '../testing/page-tree-builder';
import type { PivotRequest, PivotTree } from '../tree/page.types';
import { indexPivotTree, PivotTreeError } from './pivot-index';
import { resolvePivot } from './resolve-pivot';

const { tree, pages } = northwindTree();
const index = indexPivotTree(tree);
const withGlobalSegments = indexPivotTree({ ...tree, segmentFallback: 'GLOBAL_SEGMENT_PAGE' });

describe('resolvePivot, step 1: the market', () => {
  it('sends a country with a market page to it', () => {
    expect(resolvePivot(index, { country: 'FR' })).toEqual({
      page: pages.france,
      trail: ['FR has a market page: Northwind France'],
    });
  });

  it('reads the country case-insensitively and trimmed', () => {
    expect(resolvePivot(index, { country: ' fr ' }).page).toBe(pages.france);
  });

  it('sends an aliased country without a page to the alias market (LU → FR)', () => {
    expect(resolvePivot(index, { country: 'LU' })).toEqual({
      page: pages.france,
      trail: ['LU has no page: aliased to FR'],
    });
  });

  it('prefers the alias over the region that also lists the country', () => {
    expect(resolvePivot(index, { country: 'LU' }).page.kind).toBe('MARKET');
  });

  it('sends a country with no page but in a region to the region page', () => {
    expect(resolvePivot(index, { country: 'PT' })).toEqual({
      page: pages.emea,
      trail: ['PT has no page: region Northwind EMEA'],
    });
  });

  it('sends a country in no region to the global page', () => {
    expect(resolvePivot(index, { country: 'BR' })).toEqual({
      page: pages.global,
      trail: ['BR has no market, alias or region: global page'],
    });
  });

  it('sends an unknown but well-formed country to the global page', () => {
    expect(resolvePivot(index, { country: 'ZZ' })).toEqual({
      page: pages.global,
      trail: ['ZZ has no market, alias or region: global page'],
    });
  });

  it.each([[undefined], [null], [''], ['   ']])('sends a request with no country (%j) to the global page', (country) => {
    expect(resolvePivot(index, { country })).toEqual({ page: pages.global, trail: ['no country given: global page'] });
  });

  it('sends a malformed country to the global page and says it is not a code', () => {
    expect(resolvePivot(index, { country: 'FRA' })).toEqual({
      page: pages.global,
      trail: ['"FRA" is not a country code: global page'],
    });
  });

  it('echoes at most 32 characters of a malformed country in the trail', () => {
    const { trail } = resolvePivot(index, { country: 'x'.repeat(500) });
    expect(trail).toEqual([`"${'x'.repeat(32)}" is not a country code: global page`]);
  });
});

describe('resolvePivot, archived pages', () => {
  it('treats an archived market as absent and falls back to the region, saying so', () => {
    expect(resolvePivot(index, { country: 'IT' })).toEqual({
      page: pages.emea,
      trail: ['IT market page Northwind Italia is archived: ignored', 'IT has no page: region Northwind EMEA'],
    });
  });

  it('falls back from an archived market to the country alias', () => {
    expect(resolvePivot(index, { country: 'AT' })).toEqual({
      page: pages.germany,
      trail: ['AT market page Northwind Österreich is archived: ignored', 'AT has no page: aliased to DE'],
    });
  });

  it('falls back from an archived market with no alias or region to the global page', () => {
    expect(resolvePivot(index, { country: 'MX' })).toEqual({
      page: pages.global,
      trail: ['MX market page Northwind México is archived: ignored', 'MX has no market, alias or region: global page'],
    });
  });

  it('ignores an alias whose market page is archived', () => {
    expect(resolvePivot(index, { country: 'SM' })).toEqual({
      page: pages.global,
      trail: ['SM alias to IT is archived: ignored', 'SM has no market, alias or region: global page'],
    });
  });

  it('never returns the archived market even when every fallback is tried', () => {
    const b = new PageTreeBuilder();
    const global = b.global();
    const france = b.market(global, 'FR', 'Northwind France', ['fr'], { status: 'ARCHIVED' });
    b.alias('FR', france);
    const answer = resolvePivot(b.tree(), { country: 'FR' });
    expect(answer.page).toBe(global);
    expect(answer.trail).toEqual([
      'FR market page Northwind France is archived: ignored',
      'FR alias to FR is archived: ignored',
      'FR has no market, alias or region: global page',
    ]);
  });

  it('ignores an archived region page', () => {
    const b = new PageTreeBuilder();
    const global = b.global();
    b.region(global, 'Northwind EMEA', ['PT'], { status: 'ARCHIVED' });
    expect(resolvePivot(b.tree(), { country: 'PT' }).page).toBe(global);
  });

  it('does not return an archived segment page and says so', () => {
    expect(resolvePivot(index, { country: 'FR', segment: 'student' })).toEqual({
      page: pages.france,
      trail: [
        'FR has a market page: Northwind France',
        'student page in FR is archived: ignored',
        'no student page in FR: market page',
      ],
    });
  });

  it('returns only active pages for every country and segment of the table', () => {
    for (const fallbackIndex of [index, withGlobalSegments]) {
      for (const { code } of allCountries()) {
        for (const segment of [null, 'developer', 'student', 'consumer', 'business']) {
          const answer = resolvePivot(fallbackIndex, { country: code, segment, languages: ['it'] });
          expect(answer.page.status).toBe('ACTIVE');
          expect(answer.trail.length).toBeGreaterThan(0);
        }
      }
    }
  });
});

describe('resolvePivot, step 2: language variants', () => {
  it('picks the variant whose language is asked (BE, nl → België)', () => {
    expect(resolvePivot(index, { country: 'BE', languages: ['nl'] })).toEqual({
      page: pages.belgiumNl,
      trail: ['BE has language variants: nl matched Northwind België'],
    });
  });

  it('picks the fr variant for fr (BE, fr → Belgique)', () => {
    expect(resolvePivot(index, { country: 'BE', languages: ['fr'] }).page).toBe(pages.belgiumFr);
  });

  it('picks the default variant when no language matches (BE, de → Belgique)', () => {
    expect(resolvePivot(index, { country: 'BE', languages: ['de'] })).toEqual({
      page: pages.belgiumFr,
      trail: ['BE has language variants: no variant for de, default Northwind Belgique'],
    });
  });

  it('picks the default variant when no language is given', () => {
    expect(resolvePivot(index, { country: 'BE' })).toEqual({
      page: pages.belgiumFr,
      trail: ['BE has language variants: no language given, default Northwind Belgique'],
    });
  });

  it('matches on the primary subtag when no tag matches exactly (nl-BE → nl)', () => {
    expect(resolvePivot(index, { country: 'BE', languages: ['nl-BE'] }).page).toBe(pages.belgiumNl);
  });

  it('matches a bare language against a regional tag (fr → fr-CH)', () => {
    expect(resolvePivot(index, { country: 'CH', languages: ['fr'] }).page).toBe(pages.swissFr);
  });

  it('follows the visitor’s order: the first preferred language that matches wins', () => {
    expect(resolvePivot(index, { country: 'BE', languages: ['de', 'nl', 'fr'] }).trail).toEqual([
      'BE has language variants: nl matched Northwind België',
    ]);
  });

  it('prefers an exact tag over a primary-subtag match for the same preference', () => {
    const b = new PageTreeBuilder();
    const global = b.global();
    b.market(global, 'CA', 'Northwind Canada', ['en']);
    const canadaEnCa = b.market(global, 'CA', 'Northwind Canada EN-CA', ['en-CA']);
    expect(resolvePivot(b.tree(), { country: 'CA', languages: ['en-CA'] }).page).toBe(canadaEnCa);
  });

  it('compares languages case-insensitively', () => {
    expect(resolvePivot(index, { country: 'BE', languages: ['NL'] }).page).toBe(pages.belgiumNl);
  });

  it('ignores the Accept-Language wildcard and blank entries', () => {
    expect(resolvePivot(index, { country: 'BE', languages: ['*', ' ', 'nl'] }).page).toBe(pages.belgiumNl);
  });

  it('takes the first variant in input order when nothing matches and there is no default', () => {
    expect(resolvePivot(index, { country: 'CH', languages: ['it'] })).toEqual({
      page: pages.swissDe,
      trail: ['CH has language variants: no variant for it and no default, first Northwind Schweiz'],
    });
  });

  it('does not offer an archived variant', () => {
    const b = new PageTreeBuilder();
    const global = b.global();
    const fr = b.market(global, 'BE', 'Northwind Belgique', ['fr']);
    b.market(global, 'BE', 'Northwind België', ['nl'], { status: 'ARCHIVED' });
    expect(resolvePivot(b.tree(), { country: 'BE', languages: ['nl'] })).toEqual({
      page: fr,
      trail: ['BE has a market page: Northwind Belgique'],
    });
  });
});

describe('resolvePivot, step 3: the segment', () => {
  it('sends LU developer to the FR developer page, with the alias and the segment decisions', () => {
    expect(resolvePivot(index, { country: 'LU', segment: 'developer' })).toEqual({
      page: pages.franceDeveloper,
      trail: ['LU has no page: aliased to FR', 'developer page in FR: Northwind France Developers'],
    });
  });

  it('stays on the DE market page when DE has no developer page', () => {
    expect(resolvePivot(index, { country: 'DE', segment: 'developer' })).toEqual({
      page: pages.germany,
      trail: ['DE has a market page: Northwind Deutschland', 'no developer page in DE: market page'],
    });
  });

  it('returns the JP market page when no segment is asked, even though JP has a developer page', () => {
    expect(resolvePivot(index, { country: 'JP' })).toEqual({
      page: pages.japan,
      trail: ['JP has a market page: Northwind Japan'],
    });
  });

  it('reads the segment case-insensitively and trimmed', () => {
    expect(resolvePivot(index, { country: 'JP', segment: ' Developer ' }).page).toBe(pages.japanDeveloper);
  });

  it('treats a blank segment as no segment', () => {
    expect(resolvePivot(index, { country: 'JP', segment: '  ' }).trail).toHaveLength(1);
  });

  it('takes the segment page of the chosen language variant', () => {
    expect(resolvePivot(index, { country: 'BE', languages: ['fr'], segment: 'business' }).page).toBe(pages.belgiumFrBusiness);
    expect(resolvePivot(index, { country: 'BE', languages: ['nl'], segment: 'business' }).page).toBe(pages.belgiumNl);
  });

  it('with GLOBAL_SEGMENT_PAGE, sends a market without the segment to the global segment page', () => {
    expect(resolvePivot(withGlobalSegments, { country: 'DE', segment: 'developer' })).toEqual({
      page: pages.globalDeveloper,
      trail: ['DE has a market page: Northwind Deutschland', 'no developer page in DE: global developer page Northwind Developers'],
    });
  });

  it('with GLOBAL_SEGMENT_PAGE, still prefers the market’s own segment page', () => {
    expect(resolvePivot(withGlobalSegments, { country: 'FR', segment: 'developer' }).page).toBe(pages.franceDeveloper);
  });

  it('with GLOBAL_SEGMENT_PAGE, sends a region answer to the global segment page', () => {
    expect(resolvePivot(withGlobalSegments, { country: 'PT', segment: 'developer' })).toEqual({
      page: pages.globalDeveloper,
      trail: ['PT has no page: region Northwind EMEA', 'no developer page in region Northwind EMEA: global developer page Northwind Developers'],
    });
  });

  it('with GLOBAL_SEGMENT_PAGE, stays on the market when the global page has no page for the segment either', () => {
    expect(resolvePivot(withGlobalSegments, { country: 'DE', segment: 'student' })).toEqual({
      page: pages.germany,
      trail: ['DE has a market page: Northwind Deutschland', 'no student page in DE: market page'],
    });
  });

  it('with MARKET_PAGE, stays on a region page when the region has no segment page', () => {
    expect(resolvePivot(index, { country: 'PT', segment: 'developer' })).toEqual({
      page: pages.emea,
      trail: ['PT has no page: region Northwind EMEA', 'no developer page in region Northwind EMEA: region page'],
    });
  });

  it('sends a global answer to the global page’s own segment page, whatever the fallback setting', () => {
    expect(resolvePivot(index, { segment: 'developer' })).toEqual({
      page: pages.globalDeveloper,
      trail: ['no country given: global page', 'developer page on the global page: Northwind Developers'],
    });
  });

  it('stays on the global page when it has no page for the segment', () => {
    expect(resolvePivot(index, { country: 'BR', segment: 'student' })).toEqual({
      page: pages.global,
      trail: ['BR has no market, alias or region: global page', 'no student page on the global page: global page'],
    });
  });

  it('does not fall back to an archived global segment page', () => {
    const b = new PageTreeBuilder();
    const global = b.global();
    const germany = b.market(global, 'DE', 'Northwind Deutschland', ['de']);
    b.segment(global, 'developer', 'Northwind Developers', { status: 'ARCHIVED' });
    expect(resolvePivot(b.tree('GLOBAL_SEGMENT_PAGE'), { country: 'DE', segment: 'developer' })).toEqual({
      page: germany,
      trail: [
        'DE has a market page: Northwind Deutschland',
        'developer page on the global page is archived: ignored',
        'no developer page in DE: market page',
      ],
    });
  });
});

describe('resolvePivot, tree or index', () => {
  it('gives the same answer from a raw tree as from its index', () => {
    const request = { country: 'LU', segment: 'developer', languages: ['fr'] };
    expect(resolvePivot(tree, request)).toEqual(resolvePivot(index, request));
  });

  it('answers from an index without scanning the tree’s pages', () => {
    const blind: PivotTree = {
      ...tree,
      get pages(): PivotTree['pages'] {
        throw new Error('resolvePivot scanned every page');
      },
    };
    const blindIndex = { ...index, tree: blind };
    expect(resolvePivot(blindIndex, { country: 'BE', languages: ['nl'], segment: 'business' }).page).toBe(pages.belgiumNl);
    expect(resolvePivot(blindIndex, { country: 'PT', segment: 'developer' }).page).toBe(pages.emea);
  });

  it('throws PivotTreeError, and only that, when the tree has no active GLOBAL page', () => {
    const b = new PageTreeBuilder();
    b.global('Northwind', { status: 'ARCHIVED' });
    expect(() => resolvePivot(b.tree(), { country: 'FR' })).toThrow(PivotTreeError);
    expect(() => resolvePivot(b.tree(), { country: 'FR' })).toThrow('the page tree of brand northwind has no active GLOBAL page');
  });

  it('never throws on odd requests', () => {
    const odd = [undefined as unknown as PivotRequest, {}, { languages: [] }, { languages: ['not a tag!', ''] }, { country: '12', segment: '' }, { segment: null }];
    for (const request of odd) expect(() => resolvePivot(index, request)).not.toThrow();
  });
});
