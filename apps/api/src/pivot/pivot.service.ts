import { Injectable } from '@nestjs/common';
import { canonicalLanguageTag, pivotCoverageOf, resolvePivot, type PageKind, type PivotAnswer } from '@pivot/domain';
import Negotiator from 'negotiator';
import { AppError } from '../errors/app-error';
import { demandKeyOf } from './pivot-demand.service';
import { PivotSnapshotService } from './pivot-snapshot.service';

export interface PivotQuery {
  country?: string | null;
  lang?: string | null;
  segment?: string | null;
  network?: string | null;
}

export interface PivotHeaders {
  'cf-ipcountry'?: string;
  'accept-language'?: string;
}

/** The public answer: only what a visitor's browser needs, nothing internal. */
export interface PublicPivotAnswer {
  page: {
    id: string;
    kind: PageKind;
    name: string;
    url: string;
    /** The market's country; for a segment page, the country of the market it belongs to. */
    country: string | null;
    languages: string[];
    segment: string | null;
  };
  trail: string[];
}

const COUNTRY = /^[A-Za-z]{2}$/;
const SEGMENT = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/i;
const NETWORK = /^[a-z0-9-]{1,40}$/i;
/** Cloudflare's "unknown" and "Tor" pseudo-countries say nothing about the visitor. */
const NO_COUNTRY_HEADER = new Set(['XX', 'T1']);

/**
 * The double pivot for visitors: validates the request, reads the in-memory snapshot and
 * runs the shared rules. Never touches the database.
 */
@Injectable()
export class PivotService {
  constructor(private readonly snapshot: PivotSnapshotService) {}

  resolve(brandSlug: string, query: PivotQuery, headers: PivotHeaders = {}): PublicPivotAnswer {
    return this.resolveCounted(brandSlug, query, headers).answer;
  }

  /** The answer and the demand key a public resolution counts under (PivotDemand): brand, visitor country, how its market was found. */
  resolveCounted(brandSlug: string, query: PivotQuery, headers: PivotHeaders = {}): { answer: PublicPivotAnswer; demandKey: string } {
    const brand = this.snapshot.brand(String(brandSlug).toLowerCase());
    if (!brand) throw AppError.notFound('Brand');
    const network = param(query.network, 'network');
    if (network !== undefined && !NETWORK.test(network)) throw badParameter('network', 'must be a network name');
    const tree = brand.trees.get((network ?? brand.brand.defaultNetwork).toLowerCase());
    if (!tree) throw new AppError('NOT_FOUND', `Brand has no active global page on ${network ?? brand.brand.defaultNetwork}`);

    const segment = this.segment(param(query.segment, 'segment'), brand.brand.audiences);
    const visitorCountry = this.country(param(query.country, 'country'), headers['cf-ipcountry']);
    const answer: PivotAnswer = resolvePivot(tree, {
      country: visitorCountry,
      languages: this.languages(param(query.lang, 'lang'), headers['accept-language']),
      segment,
    });
    const { id, kind, name, url, country, languages } = answer.page;
    return {
      answer: {
        page: { id, kind, name, url, country: country ?? brand.marketCountryOf.get(id) ?? null, languages, segment: answer.page.segment },
        trail: answer.trail,
      },
      demandKey: demandKeyOf(brand.brand.id, visitorCountry, pivotCoverageOf(tree, visitorCountry)),
    };
  }

  private country(fromQuery: string | undefined, fromHeader: string | undefined): string | null {
    if (fromQuery !== undefined) {
      if (!COUNTRY.test(fromQuery)) throw badParameter('country', 'must be an ISO 3166-1 alpha-2 code such as FR');
      return fromQuery.toUpperCase();
    }
    const header = fromHeader?.trim().toUpperCase();
    return header && COUNTRY.test(header) && !NO_COUNTRY_HEADER.has(header) ? header : null;
  }

  private languages(fromQuery: string | undefined, acceptLanguage: string | undefined): string[] {
    if (fromQuery !== undefined) {
      const tag = canonicalLanguageTag(fromQuery);
      if (!tag) throw badParameter('lang', 'must be a BCP 47 language tag such as fr or nl-BE');
      return [tag];
    }
    if (!acceptLanguage) return [];
    // A malformed header is the browser's problem, not the visitor's: keep what parses.
    return new Negotiator({ headers: { 'accept-language': acceptLanguage } })
      .languages()
      .map((tag) => canonicalLanguageTag(tag))
      .filter((tag): tag is string => tag !== null);
  }

  private segment(value: string | undefined, audiences: string[]): string | null {
    if (value === undefined) return null;
    if (!SEGMENT.test(value)) throw badParameter('segment', 'must be a segment name such as developer');
    const segment = value.toLowerCase();
    if (!audiences.includes(segment)) throw badParameter('segment', `must be one of ${audiences.join(', ')}`);
    return segment;
  }
}

/** One value per parameter: `?country=FR&country=DE` is ambiguous, hence bad input. Empty means absent. */
function param(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw badParameter(name, 'must be given once');
  return value.trim();
}

function badParameter(parameter: string, message: string): AppError {
  return new AppError('BAD_USER_INPUT', `${parameter} ${message}`, { parameter });
}
