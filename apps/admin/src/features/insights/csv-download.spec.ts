import { csvDataRows, csvFailureMessage, csvUrl, filenameFrom } from './csv-download';

describe('CSV downloads', () => {
  it('asks for the scope and range, and the bucket size only for a series', () => {
    expect(csvUrl('market-comparison', { scopePageId: 'p1', from: '2026-11-01', to: '2026-11-30', granularity: 'WEEK' })).toBe(
      '/insights/market-comparison.csv?scopePageId=p1&from=2026-11-01&to=2026-11-30',
    );
    expect(csvUrl('series', { scopePageId: 'p1', from: '2026-11-01', to: '2026-11-30', granularity: 'WEEK' })).toBe(
      '/insights/series.csv?scopePageId=p1&from=2026-11-01&to=2026-11-30&granularity=WEEK',
    );
  });

  it("keeps the server's file name, plain or encoded, else the fallback", () => {
    expect(filenameFrom('attachment; filename="markets-2026-11.csv"', 'x.csv')).toBe('markets-2026-11.csv');
    expect(filenameFrom("attachment; filename*=UTF-8''march%20fr.csv", 'x.csv')).toBe('march fr.csv');
    expect(filenameFrom(null, 'x.csv')).toBe('x.csv');
  });

  it('counts data rows without the header or a final newline', () => {
    expect(csvDataRows('name,country\nFrance,FR\nSpain,ES\n')).toBe(2);
    expect(csvDataRows('name,country\r\n')).toBe(0);
    expect(csvDataRows('')).toBe(0);
  });

  it("says what to do for each of the server's refusals", () => {
    expect(csvFailureMessage(401, undefined)).toMatch(/sign in again/);
    expect(csvFailureMessage(404, 'NOT_FOUND')).toMatch(/pick another scope/);
    expect(csvFailureMessage(400, 'BAD_USER_INPUT')).toMatch(/pick another range/);
    expect(csvFailureMessage(500, undefined)).toMatch(/HTTP 500/);
  });
});
