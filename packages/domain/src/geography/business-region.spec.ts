import { allCountries } from './country';
import { BUSINESS_REGIONS, businessRegionOf, countriesOfBusinessRegion, isBusinessRegion } from './business-region';

describe('businessRegionOf', () => {
  it.each([
    ['FR', 'EMEA'],
    ['ZA', 'EMEA'],
    ['AE', 'EMEA'],
    ['SA', 'EMEA'],
    ['BR', 'AMER'],
    ['US', 'AMER'],
    ['JP', 'APAC'],
    ['IN', 'APAC'],
    ['AU', 'APAC'],
  ])('puts %s in %s', (code, region) => {
    expect(businessRegionOf(code)).toBe(region);
  });

  it('accepts a lower-case code', () => {
    expect(businessRegionOf('fr')).toBe('EMEA');
  });

  it('puts the Middle East (Western Asia) in EMEA and the rest of Asia in APAC', () => {
    expect(businessRegionOf('IL')).toBe('EMEA');
    expect(businessRegionOf('KZ')).toBe('APAC');
  });

  it('returns null for Antarctic territories and unknown codes', () => {
    expect(businessRegionOf('AQ')).toBeNull();
    expect(businessRegionOf('ZZ')).toBeNull();
  });
});

describe('countriesOfBusinessRegion', () => {
  it('lists a region’s codes sorted', () => {
    const emea = countriesOfBusinessRegion('EMEA');
    expect(emea).toEqual(expect.arrayContaining(['AE', 'DE', 'FR', 'ZA']));
    expect(emea).toEqual([...emea].sort());
  });

  it('covers every non-Antarctic country exactly once across the three regions', () => {
    const all = BUSINESS_REGIONS.flatMap((region) => countriesOfBusinessRegion(region));
    const expected = allCountries().filter((country) => country.region !== 'Antarctic').map((country) => country.code);
    expect([...all].sort()).toEqual([...expected].sort());
  });

  it('returns an empty list for an unknown region name', () => {
    expect(countriesOfBusinessRegion('LATAM')).toEqual([]);
  });

  it('returns a copy the caller may change without corrupting the table', () => {
    countriesOfBusinessRegion('APAC').push('ZZ');
    expect(countriesOfBusinessRegion('APAC')).not.toContain('ZZ');
  });
});

describe('isBusinessRegion', () => {
  it('recognises exactly EMEA, AMER and APAC', () => {
    expect(BUSINESS_REGIONS.every(isBusinessRegion)).toBe(true);
    expect(isBusinessRegion('emea')).toBe(false);
  });
});
