/**
 * A fixed, log-spaced histogram of durations, stored as an int[] in the daily rollups so that
 * percentiles over any range are a sum of arrays, not a scan of raw rows.
 *
 * 32 buckets: [0] holds durations under 1 s; [1..30] split 1 s … 30 days into 30 buckets whose
 * bounds grow by the same ratio r = (30 days / 1 s)^(1/30) ≈ 1.636; [31] holds 30 days and more.
 * A percentile is estimated as the geometric midpoint √(lo·hi) of the bucket holding its rank, so
 * for a true (nearest-rank) percentile v in [lo, hi) the relative error |est − v| / v is at most
 * √r − 1 ≈ 27.9 %, below half the bucket ratio ((r − 1) / 2 ≈ 31.8 %). Under 1 s the error is under
 * 1 s in absolute terms; from 30 days on the estimate is the lower bound, 30 days.
 */
export const HISTOGRAM_BUCKETS = 32;
export const HISTOGRAM_MIN_SECONDS = 1;
export const HISTOGRAM_MAX_SECONDS = 30 * 86_400;
const LOG_BUCKETS = HISTOGRAM_BUCKETS - 2;
/** Ratio between consecutive bucket bounds. */
export const HISTOGRAM_RATIO = (HISTOGRAM_MAX_SECONDS / HISTOGRAM_MIN_SECONDS) ** (1 / LOG_BUCKETS);
/** The bound on the relative error of `estimatePercentile` for a value in the log-spaced range. */
export const HISTOGRAM_RELATIVE_ERROR = Math.sqrt(HISTOGRAM_RATIO) - 1;

/** Lower bound (inclusive) of bucket `index`, in seconds. */
export function bucketLowerBound(index: number): number {
  if (index <= 0) return 0;
  if (index >= HISTOGRAM_BUCKETS - 1) return HISTOGRAM_MAX_SECONDS;
  return HISTOGRAM_MIN_SECONDS * HISTOGRAM_RATIO ** (index - 1);
}

/** Upper bound (exclusive) of bucket `index`, in seconds; Infinity for the last. */
export function bucketUpperBound(index: number): number {
  return index >= HISTOGRAM_BUCKETS - 1 ? Infinity : bucketLowerBound(index + 1);
}

/** The bucket a duration of `seconds` falls in; negative durations count as 0. */
export function histogramBucket(seconds: number): number {
  if (!(seconds >= HISTOGRAM_MIN_SECONDS)) return 0;
  if (seconds >= HISTOGRAM_MAX_SECONDS) return HISTOGRAM_BUCKETS - 1;
  let index = 1 + Math.floor(Math.log(seconds / HISTOGRAM_MIN_SECONDS) / Math.log(HISTOGRAM_RATIO));
  // Floating point may land one bucket off right at a bound: settle it against the bounds themselves.
  if (seconds < bucketLowerBound(index)) index--;
  else if (seconds >= bucketUpperBound(index)) index++;
  return Math.min(Math.max(index, 1), HISTOGRAM_BUCKETS - 2);
}

export function emptyHistogram(): number[] {
  return new Array<number>(HISTOGRAM_BUCKETS).fill(0);
}

/** A histogram of these durations. */
export function histogramOf(seconds: Iterable<number>): number[] {
  const histogram = emptyHistogram();
  for (const value of seconds) histogram[histogramBucket(value)]!++;
  return histogram;
}

/** Element-wise sum: what a range of daily rollups adds up to. */
export function mergeHistograms(...histograms: readonly (readonly number[])[]): number[] {
  const total = emptyHistogram();
  for (const histogram of histograms) histogram.forEach((count, index) => (total[index]! += count));
  return total;
}

/**
 * The estimated `p`-th percentile (0 < p ≤ 1, nearest rank) in seconds, or null for an empty
 * histogram. Error bound: see the file comment (HISTOGRAM_RELATIVE_ERROR).
 */
export function estimatePercentile(histogram: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 1)) throw new RangeError(`percentile must be in (0, 1], got ${p}`);
  const total = histogram.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (let index = 0; index < histogram.length; index++) {
    seen += histogram[index]!;
    if (seen >= rank) {
      if (index === 0) return HISTOGRAM_MIN_SECONDS / 2;
      if (index >= HISTOGRAM_BUCKETS - 1) return HISTOGRAM_MAX_SECONDS;
      return Math.sqrt(bucketLowerBound(index) * bucketUpperBound(index));
    }
  }
  return null;
}
