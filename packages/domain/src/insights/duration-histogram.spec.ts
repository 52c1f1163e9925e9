import {
  bucketLowerBound,
  bucketUpperBound,
  estimatePercentile,
  HISTOGRAM_BUCKETS,
  HISTOGRAM_RATIO,
  HISTOGRAM_RELATIVE_ERROR,
  histogramBucket,
  histogramOf,
  mergeHistograms,
} from './duration-histogram';

/** The exact nearest-rank percentile, to compare the estimate with. */
function exactPercentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(p * sorted.length) - 1]!;
}

describe('duration histogram', () => {
  it('has 32 buckets from under 1 s to 30 days and more, each bound the previous times the ratio', () => {
    expect(HISTOGRAM_BUCKETS).toBe(32);
    expect(bucketLowerBound(1)).toBe(1);
    expect(bucketUpperBound(30)).toBeCloseTo(30 * 86_400, 3);
    expect(bucketUpperBound(5) / bucketLowerBound(5)).toBeCloseTo(HISTOGRAM_RATIO, 9);
    expect(HISTOGRAM_RELATIVE_ERROR).toBeLessThanOrEqual((HISTOGRAM_RATIO - 1) / 2);
  });

  it.each([
    ['0 s', 0, 0],
    ['a negative duration', -5, 0],
    ['0.9 s', 0.9, 0],
    ['exactly 1 s', 1, 1],
    ['exactly 30 days', 30 * 86_400, 31],
    ['a year', 365 * 86_400, 31],
  ])('puts %s in bucket %i', (_label, seconds, bucket) => {
    expect(histogramBucket(seconds)).toBe(bucket);
  });

  it('puts every value between the bounds of its bucket', () => {
    for (let seconds = 1; seconds < 30 * 86_400; seconds = Math.ceil(seconds * 1.07)) {
      const bucket = histogramBucket(seconds);
      expect(seconds).toBeGreaterThanOrEqual(bucketLowerBound(bucket));
      expect(seconds).toBeLessThan(bucketUpperBound(bucket));
    }
  });

  it('estimates p50 and p90 within the stated relative error', () => {
    // A skewed, response-time-like sample: many quick answers, a long tail over nights and weekends.
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const values = Array.from({ length: 5_000 }, () => Math.round(30 * Math.exp(random() * 9)));
    const histogram = histogramOf(values);
    for (const p of [0.5, 0.9, 0.99]) {
      const exact = exactPercentile(values, p);
      const estimate = estimatePercentile(histogram, p)!;
      expect(Math.abs(estimate - exact) / exact).toBeLessThanOrEqual(HISTOGRAM_RELATIVE_ERROR + 1e-9);
    }
  });

  it('gives the same percentiles from merged daily histograms as from one histogram of every value', () => {
    const monday = [60, 120, 600];
    const tuesday = [30, 3_600, 7_200, 86_400];
    expect(estimatePercentile(mergeHistograms(histogramOf(monday), histogramOf(tuesday)), 0.9)).toBe(
      estimatePercentile(histogramOf([...monday, ...tuesday]), 0.9),
    );
  });

  it('answers null for an empty histogram and refuses a percentile outside (0, 1]', () => {
    expect(estimatePercentile(histogramOf([]), 0.5)).toBeNull();
    expect(() => estimatePercentile(histogramOf([1]), 0)).toThrow(RangeError);
    expect(() => estimatePercentile(histogramOf([1]), 1.5)).toThrow(RangeError);
  });
});
