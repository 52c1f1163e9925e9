/**
 * The page tree as the rules see it: plain data, no storage concerns.
 * The API maps its entities to these shapes; the admin app gets them from GraphQL.
 */
export const PAGE_KINDS = ['GLOBAL', 'REGION', 'MARKET', 'SEGMENT'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export const PAGE_STATUSES = ['ACTIVE', 'ARCHIVED'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

export const DEFAULT_AUDIENCES = ['consumer', 'business', 'developer', 'student'] as const;

/**
 * Where a visitor goes when the chosen market has no page for the segment they asked for:
 * the market page itself, or the brand's global page for that segment (a SEGMENT page under GLOBAL).
 */
export const SEGMENT_FALLBACKS = ['MARKET_PAGE', 'GLOBAL_SEGMENT_PAGE'] as const;
export type SegmentFallback = (typeof SEGMENT_FALLBACKS)[number];

export interface TreePage {
  id: string;
  kind: PageKind;
  parentId: string | null;
  network: string;
  name: string;
  url: string;
  /** ISO 3166-1 alpha-2, upper case; MARKET only. */
  country: string | null;
  /** BCP 47 tags, canonical case (e.g. "fr", "nl-BE"). */
  languages: string[];
  /** An audience of the brand; SEGMENT only. */
  segment: string | null;
  status: PageStatus;
  /** MARKET only: the variant chosen when several pages serve one country and no language matches. */
  defaultVariant: boolean;
  /** REGION only: the countries (ISO alpha-2) this region page serves. */
  regionCountries: string[];
}

/** A country without a page of its own, sent to a market page (LU → FR). */
export interface MarketAlias {
  country: string;
  marketPageId: string;
}

/** One network's tree of one brand: what the pivot resolves against. */
export interface PivotTree {
  brandSlug: string;
  segmentFallback: SegmentFallback;
  pages: TreePage[];
  aliases: MarketAlias[];
}

export interface PivotRequest {
  /** ISO alpha-2, any case; unknown but well-formed codes fall back. */
  country?: string | null;
  /** Preferred languages, most preferred first (from `lang` or Accept-Language). */
  languages?: string[];
  segment?: string | null;
}

export interface PivotAnswer {
  page: TreePage;
  /** One line per decision, in order. */
  trail: string[];
}
