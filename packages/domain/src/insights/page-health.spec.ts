import { scorePageHealth, type HealthBrand, type HealthPage, type PageHealthSignals } from './page-health';

const now = new Date('2026-09-10T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

const brand: HealthBrand = { name: 'Northwind', pictureUrl: 'https://cdn.northwind.example/logo.png', allowedLinkDomains: ['northwind.example'] };
const healthyPage: HealthPage = {
  kind: 'MARKET',
  name: 'Northwind France',
  country: 'FR',
  externalId: 'fb-northwind.fr',
  handle: 'northwind.fr',
  pictureUrl: 'https://cdn.northwind.example/logo.png',
  description: 'Northwind en France : produits, aide et actualités.',
  keywords: ['northwind', 'france'],
  website: 'https://fr.northwind.example/',
};
const healthySignals: PageHealthSignals = {
  now,
  connectorTokenHealthy: true,
  lastSuccessfulCallAt: daysAgo(0.5),
  pivotSendsCountryHere: true,
  followerGrowth: 120,
  recommendations: 12,
  lastPostAt: daysAgo(2),
  firstResponseP90Seconds: 1_800,
  firstResponseSlaSeconds: 3_600,
  backlog: 4,
};
const codes = (reasons: { code: string; status: string }[]) => reasons.map((reason) => `${reason.status}:${reason.code}`);

describe('scorePageHealth', () => {
  it('scores a complete, branded, active page 100 with no reasons', () => {
    const health = scorePageHealth(healthyPage, brand, healthySignals);
    expect(health.score).toBe(100);
    for (const key of Object.values(health.keys)) expect(key).toEqual({ score: 100, reasons: [] });
    expect(health.operating).toEqual({ score: 100, reasons: [] });
  });

  it('real: a page without an external id, with an expired token and no call for a week', () => {
    const health = scorePageHealth({ ...healthyPage, externalId: null }, brand, { ...healthySignals, connectorTokenHealthy: false, lastSuccessfulCallAt: daysAgo(7) });
    expect(health.keys.real).toEqual({ score: 0, reasons: [
      { code: 'MISSING_EXTERNAL_ID', status: 'fail' },
      { code: 'CONNECTOR_TOKEN_UNHEALTHY', status: 'fail' },
      { code: 'NO_RECENT_SUCCESSFUL_CALL', status: 'fail' },
    ] });
  });

  it('real: a connector that never succeeded fails; one never asked is unknown and costs nothing', () => {
    expect(codes(scorePageHealth(healthyPage, brand, { ...healthySignals, lastSuccessfulCallAt: null }).keys.real.reasons)).toEqual(['fail:NO_SUCCESSFUL_CALL']);
    const unknown = scorePageHealth(healthyPage, brand, { ...healthySignals, connectorTokenHealthy: undefined, lastSuccessfulCallAt: undefined });
    expect(unknown.keys.real).toEqual({ score: 100, reasons: [
      { code: 'CONNECTOR_TOKEN_UNKNOWN', status: 'unknown' },
      { code: 'LAST_CALL_UNKNOWN', status: 'unknown' },
    ] });
  });

  it('complete: names each missing field and scores the share present', () => {
    const health = scorePageHealth({ ...healthyPage, description: '  ', pictureUrl: null }, { ...brand, pictureUrl: undefined }, healthySignals);
    expect(health.keys.complete).toEqual({ score: 50, reasons: [
      { code: 'MISSING_PICTURE', status: 'fail' },
      { code: 'MISSING_DESCRIPTION', status: 'fail' },
    ] });
  });

  it('branded: a name without the brand, a picture of its own and a website off the allowed domains', () => {
    const health = scorePageHealth({ ...healthyPage, name: 'Le Vent du Nord', pictureUrl: 'https://cdn.example/other.png', website: 'https://northwind-fr.shop/' }, brand, healthySignals);
    expect(codes(health.keys.branded.reasons)).toEqual(['fail:NAME_WITHOUT_BRAND', 'fail:PICTURE_NOT_BRAND_PICTURE', 'fail:WEBSITE_NOT_ON_ALLOWED_DOMAIN']);
    expect(health.keys.branded.score).toBe(0);
  });

  it('branded: accepts a subdomain of an allowed domain; without brand picture or domains they are unknown', () => {
    const health = scorePageHealth(healthyPage, { name: 'Northwind' }, healthySignals);
    expect(health.keys.branded).toEqual({ score: 100, reasons: [
      { code: 'BRAND_PICTURE_UNKNOWN', status: 'unknown' },
      { code: 'ALLOWED_DOMAINS_UNKNOWN', status: 'unknown' },
    ] });
    expect(codes(scorePageHealth({ ...healthyPage, website: null }, brand, healthySignals).keys.branded.reasons)).toEqual(['unknown:WEBSITE_DOMAIN_UNKNOWN']);
  });

  it('findable: no handle, no keywords, and the pivot sends its country to another page', () => {
    const health = scorePageHealth({ ...healthyPage, handle: null, keywords: [] }, brand, { ...healthySignals, pivotSendsCountryHere: false });
    expect(health.keys.findable).toEqual({ score: 0, reasons: [
      { code: 'MISSING_HANDLE', status: 'fail' },
      { code: 'MISSING_KEYWORDS', status: 'fail' },
      { code: 'PIVOT_SENDS_COUNTRY_ELSEWHERE', status: 'fail' },
    ] });
  });

  it('findable: a region page has no country to receive, so the pivot check does not apply', () => {
    const region = scorePageHealth({ ...healthyPage, kind: 'REGION', country: null }, brand, { ...healthySignals, pivotSendsCountryHere: undefined });
    expect(region.keys.findable).toEqual({ score: 100, reasons: [] });
  });

  it('endorsed: followers shrinking and fewer than 3 recommendations', () => {
    const health = scorePageHealth(healthyPage, brand, { ...healthySignals, followerGrowth: -3, recommendations: 2 });
    expect(health.keys.endorsed).toEqual({ score: 0, reasons: [
      { code: 'FOLLOWERS_NOT_GROWING', status: 'fail' },
      { code: 'FEW_RECOMMENDATIONS', status: 'fail' },
    ] });
  });

  it('endorsed: a network without recommendations leaves only follower growth to judge', () => {
    const health = scorePageHealth(healthyPage, brand, { ...healthySignals, recommendations: undefined });
    expect(health.keys.endorsed).toEqual({ score: 100, reasons: [{ code: 'RECOMMENDATIONS_UNKNOWN', status: 'unknown' }] });
  });

  it('operating: silent for a month, first response p90 over the SLA and a large backlog', () => {
    const health = scorePageHealth(healthyPage, brand, { ...healthySignals, lastPostAt: daysAgo(30), firstResponseP90Seconds: 7_200, backlog: 80 });
    expect(codes(health.operating.reasons)).toEqual(['fail:NO_RECENT_POST', 'fail:FIRST_RESPONSE_P90_OVER_SLA', 'fail:BACKLOG_HIGH']);
    expect(health.operating.score).toBe(0);
    // Five keys at 100 and operating at 0: the mean of six.
    expect(health.score).toBe(83);
    expect(codes(scorePageHealth(healthyPage, brand, { ...healthySignals, lastPostAt: null }).operating.reasons)).toEqual(['fail:NEVER_POSTED']);
  });

  it('says every unknown signal is unknown and scores only what is known', () => {
    const health = scorePageHealth(healthyPage, brand, { now });
    expect(health.keys.endorsed).toEqual({ score: null, reasons: [
      { code: 'FOLLOWER_GROWTH_UNKNOWN', status: 'unknown' },
      { code: 'RECOMMENDATIONS_UNKNOWN', status: 'unknown' },
    ] });
    expect(health.operating.score).toBeNull();
    expect(codes(health.operating.reasons)).toEqual(['unknown:LAST_POST_UNKNOWN', 'unknown:FIRST_RESPONSE_UNKNOWN', 'unknown:BACKLOG_UNKNOWN']);
    expect(health.score).toBe(100);
  });
});
