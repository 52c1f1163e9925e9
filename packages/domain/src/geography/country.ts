import { COUNTRIES } from './countries.generated';
import type { Country } from './country.types';

/** Built once: every lookup below is a map hit, the pivot calls these per request. */
const COUNTRY_BY_CODE: ReadonlyMap<string, Country> = new Map(COUNTRIES.map((country) => [country.code, country]));

const COUNTRY_BY_NUMERIC_CODE: ReadonlyMap<string, Country> = new Map(
  COUNTRIES.filter((country) => country.numericCode !== null).map((country) => [country.numericCode!, country]),
);

const TWO_LETTERS = /^[A-Za-z]{2}$/;

/**
 * True when `code` is exactly two letters (either case, no surrounding spaces) naming a
 * country of the table. Strict on purpose: use normalizeCountry() first on raw input.
 */
export function isCountryCode(code: string): boolean {
  return typeof code === 'string' && TWO_LETTERS.test(code) && COUNTRY_BY_CODE.has(code.toUpperCase());
}

/**
 * Raw input (query string, header, form) to an upper-case alpha-2 code, or null when it is
 * not two letters A–Z. Does not check the table: an unknown but well-formed code (ZZ) is
 * still a code, so the pivot can fall back and say so.
 */
export function normalizeCountry(input: string | null | undefined): string | null {
  if (typeof input !== 'string') return null;
  const code = input.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? code : null;
}

/** The common English name ("France"), or null for a code not in the table. */
export function countryName(code: string): string | null {
  return countryOf(code)?.name ?? null;
}

/** The full table row for a code (any case), or null. */
export function countryOf(code: string): Country | null {
  if (typeof code !== 'string') return null;
  return COUNTRY_BY_CODE.get(code.trim().toUpperCase()) ?? null;
}

/** Every country, sorted by code. */
export function allCountries(): readonly Country[] {
  return COUNTRIES;
}

/**
 * The row for an ISO 3166-1 numeric code ("250", or 250 / "4" without leading zeros), or null.
 * World geometries (world-atlas) identify countries this way.
 */
export function countryByNumericCode(code: string | number): Country | null {
  const text = typeof code === 'number' ? String(code) : typeof code === 'string' ? code.trim() : '';
  if (!/^\d{1,3}$/.test(text)) return null;
  return COUNTRY_BY_NUMERIC_CODE.get(text.padStart(3, '0')) ?? null;
}
