import { conversationMetricSamples, emptyHistogram, histogramBucket, type ConversationMetric, type MetricSample } from '@pivot/domain';
import type { EntityManager } from 'typeorm';
import type { EventRow } from './conversation-metric-events';

/** One conversation_metric_days row, or what a run adds to it. Sums in milliseconds, so they add up exactly. */
export interface RollupRow {
  brand_id: string;
  page_id: string;
  day: string;
  queue_id: string | null;
  moderator_id: string | null;
  metric: ConversationMetric;
  count: number;
  sum_ms: number;
  business_count: number;
  business_sum_ms: number;
  histogram: number[] | null;
  business_histogram: number[] | null;
}

/** Adds samples into rows at every grain: the page, the page's queue, the queue's moderator. */
export class RollupAccumulator {
  private readonly rows = new Map<string, RollupRow>();

  addEvent(row: EventRow): void {
    const queueId = row.event.queue?.id ?? null;
    for (const sample of conversationMetricSamples(row.event)) this.add(row.brandId, row.pageId, row.day, queueId, sample);
  }

  /** A count at the page grain only (items received, distinct authors). */
  addPageCount(brandId: string, pageId: string, day: string, metric: ConversationMetric, count = 1): void {
    this.row(brandId, pageId, day, null, null, metric).count += count;
  }

  private add(brandId: string, pageId: string, day: string, queueId: string | null, sample: MetricSample): void {
    const grains: Array<[string | null, string | null]> = [[null, null]];
    if (queueId) grains.push([queueId, null]);
    if (queueId && sample.moderatorId) grains.push([queueId, sample.moderatorId]);
    for (const [queue, moderator] of grains) {
      const row = this.row(brandId, pageId, day, queue, moderator, sample.metric);
      row.count++;
      if (sample.seconds === null) continue;
      row.sum_ms += Math.round(sample.seconds * 1000);
      (row.histogram ??= emptyHistogram())[histogramBucket(sample.seconds)]!++;
      if (sample.businessSeconds === null) continue;
      row.business_count++;
      row.business_sum_ms += Math.round(sample.businessSeconds * 1000);
      (row.business_histogram ??= emptyHistogram())[histogramBucket(sample.businessSeconds)]!++;
    }
  }

  private row(brandId: string, pageId: string, day: string, queueId: string | null, moderatorId: string | null, metric: ConversationMetric): RollupRow {
    const key = `${brandId}|${pageId}|${day}|${queueId}|${moderatorId}|${metric}`;
    let row = this.rows.get(key);
    if (!row) {
      row = { brand_id: brandId, page_id: pageId, day, queue_id: queueId, moderator_id: moderatorId, metric, count: 0, sum_ms: 0, business_count: 0, business_sum_ms: 0, histogram: null, business_histogram: null };
      this.rows.set(key, row);
    }
    return row;
  }

  get size(): number {
    return this.rows.size;
  }

  /** Adds every row to the rollups, one statement per 5,000 rows. */
  async writeTo(tx: EntityManager): Promise<void> {
    const rows = [...this.rows.values()];
    for (let start = 0; start < rows.length; start += 5_000) await upsertRows(tx, rows.slice(start, start + 5_000));
  }
}

const addArrays = (existing: string, added: string) =>
  `CASE WHEN ${existing} IS NULL THEN ${added} WHEN ${added} IS NULL THEN ${existing}
        ELSE ARRAY(SELECT a + b FROM unnest(${existing}, ${added}) WITH ORDINALITY AS u(a, b, n) ORDER BY n) END`;

async function upsertRows(tx: EntityManager, rows: RollupRow[]): Promise<void> {
  await tx.query(
    `INSERT INTO conversation_metric_days AS t
            (brand_id, page_id, day, queue_id, moderator_id, metric, count, sum_ms, business_count, business_sum_ms, histogram, business_histogram)
     SELECT r.brand_id, r.page_id, r.day, r.queue_id, r.moderator_id, r.metric, r.count, r.sum_ms, r.business_count, r.business_sum_ms,
            r.histogram::integer[], r.business_histogram::integer[]
       FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::uuid[], $5::uuid[], $6::varchar[], $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[], $11::text[], $12::text[])
         AS r(brand_id, page_id, day, queue_id, moderator_id, metric, count, sum_ms, business_count, business_sum_ms, histogram, business_histogram)
     ON CONFLICT (brand_id, page_id, day, queue_id, moderator_id, metric) DO UPDATE SET
       count = t.count + excluded.count,
       sum_ms = t.sum_ms + excluded.sum_ms,
       business_count = t.business_count + excluded.business_count,
       business_sum_ms = t.business_sum_ms + excluded.business_sum_ms,
       histogram = ${addArrays('t.histogram', 'excluded.histogram')},
       business_histogram = ${addArrays('t.business_histogram', 'excluded.business_histogram')}`,
    // One typed array per column (a histogram as its array literal: an array of arrays would be flattened).
    [
      rows.map((r) => r.brand_id),
      rows.map((r) => r.page_id),
      rows.map((r) => r.day),
      rows.map((r) => r.queue_id),
      rows.map((r) => r.moderator_id),
      rows.map((r) => r.metric),
      rows.map((r) => r.count),
      rows.map((r) => r.sum_ms),
      rows.map((r) => r.business_count),
      rows.map((r) => r.business_sum_ms),
      rows.map((r) => (r.histogram ? `{${r.histogram.join(',')}}` : null)),
      rows.map((r) => (r.business_histogram ? `{${r.business_histogram.join(',')}}` : null)),
    ],
  );
}
