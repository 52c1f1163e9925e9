import { allCountries, countryByNumericCode, countryName, countryOf, isCountryCode, normalizeCountry } from './country';

describe('isCountryCode', () => {
  it.each(['FR', 'fr', 'Fr', 'US', 'JP', 'XK'])('accepts %s, two letters present in the table', (code) => {
    expect(isCountryCode(code)).toBe(true);
  });

  it.each(['ZZ', 'F', 'FRA', ' FR', 'FR ', '', '12', 'F1', 'É1'])('rejects %j: not exactly two letters or not in the table', (code) => {
    expect(isCountryCode(code)).toBe(false);
  });
});

describe('normalizeCountry', () => {
  it('trims and upper-cases a two-letter input', () => {
    expect(normalizeCountry('  fr ')).toBe('FR');
  });

  it('keeps a well-formed code that is not in the table, so the pivot can fall back on it', () => {
    expect(normalizeCountry('zz')).toBe('ZZ');
  });

  it.each([null, undefined, '', '   ', 'FRA', 'F', 'T1', 'é1'])('returns null for %j, which is not two letters A–Z', (input) => {
    expect(normalizeCountry(input)).toBeNull();
  });
});

describe('countryName', () => {
  it('gives the common English name, not the official one', () => {
    expect(countryName('FR')).toBe('France');
    expect(countryName('de')).toBe('Germany');
  });

  it('returns null for a code not in the table', () => {
    expect(countryName('ZZ')).toBeNull();
  });
});

describe('countryOf', () => {
  it('returns the table row with region and subregion', () => {
    expect(countryOf('ae')).toEqual({ code: 'AE', name: 'United Arab Emirates', region: 'Asia', subregion: 'Western Asia', numericCode: '784' });
  });
});

describe('allCountries', () => {
  it('is sorted by code with no duplicate', () => {
    const codes = allCountries().map((country) => country.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('countryByNumericCode', () => {
  it('finds a country by its ISO numeric code, with or without leading zeros', () => {
    expect(countryByNumericCode('250')?.code).toBe('FR');
    expect(countryByNumericCode('004')?.code).toBe('AF');
    expect(countryByNumericCode(4)?.code).toBe('AF');
  });

  it('returns null for an unknown or malformed code', () => {
    expect(countryByNumericCode('999')).toBeNull();
    expect(countryByNumericCode('FR')).toBeNull();
    expect(countryByNumericCode('')).toBeNull();
  });
});
