/**
 * Test fixtures for this package's specs only (the API builds its own): a terse way to grow a
 * page tree, plus the Northwind tree most pivot and validation specs share.
 */
import type { MarketAlias, PivotTree, SegmentFallback, TreePage } from '../tree/page.types';

type Extra = Partial<Omit<TreePage, 'kind'>>;

function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export class PageTreeBuilder {
  readonly pages: TreePage[] = [];
  readonly aliases: MarketAlias[] = [];

  constructor(
    readonly network = 'facebook',
    readonly brandSlug = 'northwind',
  ) {}

  /** Ids are slugs of the names ("Northwind France" → "northwind-france") so failures read well. */
  private add(kind: TreePage['kind'], name: string, extra: Extra): TreePage {
    let id = extra.id ?? slug(name);
    if (!extra.id && this.pages.some((page) => page.id === id)) id = `${id}-${this.pages.length}`;
    const page: TreePage = {
      parentId: null,
      network: this.network,
      url: `https://www.${this.network}.com/${id}`,
      country: null,
      languages: [],
      segment: null,
      status: 'ACTIVE',
      defaultVariant: false,
      regionCountries: [],
      ...extra,
      id,
      kind,
      name,
    };
    this.pages.push(page);
    return page;
  }

  global(name = 'Northwind', extra: Extra = {}): TreePage {
    return this.add('GLOBAL', name, { languages: ['en'], ...extra });
  }

  region(parent: TreePage, name: string, regionCountries: string[], extra: Extra = {}): TreePage {
    return this.add('REGION', name, { parentId: parent.id, regionCountries, ...extra });
  }

  market(parent: TreePage, country: string, name: string, languages: string[], extra: Extra = {}): TreePage {
    return this.add('MARKET', name, { parentId: parent.id, country, languages, ...extra });
  }

  segment(parent: TreePage, segment: string, name: string, extra: Extra = {}): TreePage {
    return this.add('SEGMENT', name, { parentId: parent.id, segment, languages: [...parent.languages], ...extra });
  }

  alias(country: string, page: TreePage): this {
    this.aliases.push({ country, marketPageId: page.id });
    return this;
  }

  tree(segmentFallback: SegmentFallback = 'MARKET_PAGE'): PivotTree {
    return { brandSlug: this.brandSlug, segmentFallback, pages: [...this.pages], aliases: [...this.aliases] };
  }
}

/**
 * Northwind on facebook:
 *
 * Northwind (GLOBAL) ── developer: Northwind Developers
 * ├─ Northwind EMEA (REGION: PT ES IT FR DE BE LU AT)
 * │  ├─ FR Northwind France (fr) ── developer, student (ARCHIVED)
 * │  ├─ DE Northwind Deutschland (de) ── consumer
 * │  ├─ BE Northwind Belgique (fr, default) ── business   · BE Northwind België (nl)
 * │  ├─ IT Northwind Italia (ARCHIVED)
 * │  └─ AT Northwind Österreich (ARCHIVED)
 * ├─ Northwind APAC (REGION: JP AU SG) ── JP Northwind Japan (ja) ── developer
 * ├─ CH Northwind Schweiz (de) · Northwind Suisse (fr)  (variants, no default)
 * ├─ US Northwind US (en-US)
 * └─ MX Northwind México (ARCHIVED)
 * aliases: LU → FR, AT → DE, SM → IT (archived target)
 */
export function northwindTree(segmentFallback: SegmentFallback = 'MARKET_PAGE') {
  const b = new PageTreeBuilder();
  const global = b.global('Northwind');
  const globalDeveloper = b.segment(global, 'developer', 'Northwind Developers');
  const emea = b.region(global, 'Northwind EMEA', ['PT', 'ES', 'IT', 'FR', 'DE', 'BE', 'LU', 'AT']);
  const france = b.market(emea, 'FR', 'Northwind France', ['fr']);
  const franceDeveloper = b.segment(france, 'developer', 'Northwind France Developers');
  const franceStudent = b.segment(france, 'student', 'Northwind France Students', { status: 'ARCHIVED' });
  const germany = b.market(emea, 'DE', 'Northwind Deutschland', ['de']);
  const germanyConsumer = b.segment(germany, 'consumer', 'Northwind Deutschland Consumer');
  const belgiumFr = b.market(emea, 'BE', 'Northwind Belgique', ['fr'], { defaultVariant: true });
  const belgiumFrBusiness = b.segment(belgiumFr, 'business', 'Northwind Belgique Business');
  const belgiumNl = b.market(emea, 'BE', 'Northwind België', ['nl']);
  const italy = b.market(emea, 'IT', 'Northwind Italia', ['it'], { status: 'ARCHIVED' });
  const austria = b.market(emea, 'AT', 'Northwind Österreich', ['de-AT'], { status: 'ARCHIVED' });
  const apac = b.region(global, 'Northwind APAC', ['JP', 'AU', 'SG']);
  const japan = b.market(apac, 'JP', 'Northwind Japan', ['ja']);
  const japanDeveloper = b.segment(japan, 'developer', 'Northwind Japan Developers');
  const swissDe = b.market(global, 'CH', 'Northwind Schweiz', ['de-CH']);
  const swissFr = b.market(global, 'CH', 'Northwind Suisse', ['fr-CH']);
  const us = b.market(global, 'US', 'Northwind US', ['en-US']);
  const mexico = b.market(global, 'MX', 'Northwind México', ['es-MX'], { status: 'ARCHIVED' });
  b.alias('LU', france).alias('AT', germany).alias('SM', italy);

  return {
    builder: b,
    tree: b.tree(segmentFallback),
    pages: {
      global,
      globalDeveloper,
      emea,
      france,
      franceDeveloper,
      franceStudent,
      germany,
      germanyConsumer,
      belgiumFr,
      belgiumFrBusiness,
      belgiumNl,
      italy,
      austria,
      apac,
      japan,
      japanDeveloper,
      swissDe,
      swissFr,
      us,
      mexico,
    },
  };
}
