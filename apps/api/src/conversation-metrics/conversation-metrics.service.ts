import { utcDay } from '@pivot/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { authorize, canRead } from '../access/authorize';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/request-context';
import { AppError, assertUuid } from '../errors/app-error';
import { Brand } from '../hierarchy/brand.entity';
import { eventsOfDay, itemsOfDay, unmarkedEvents, unmarkedItems, type EventRow, type ItemRow } from './conversation-metric-events';
import { refreshBacklog } from './backlog';
import { RollupAccumulator } from './rollup-rows';

/** Serializes the job and day rebuilds: both read the cursor and write the same rows. */
const ROLLUP_LOCK = 1_797_000_100;
/**
 * Transactions commit out of seq and arrival order: each run re-reads this far behind its cursor
 * and skips what the marks say it already added. An event committed later than that is missed
 * by the job (a day rebuild still counts it).
 */
export const AUDIT_SEQ_WINDOW = 10_000n;
export const ITEM_WINDOW_MS = 3_600_000;
/** Events and items one run adds at most, so a run stays well within the statement timeout after a long pause; the job runs again while there are more. */
export const RUN_BATCH = 20_000;
/** How far back a run refreshes the backlog after a back-fill; older days are rebuilt with the mutation. */
const BACKLOG_MAX_DAYS = 400;
/** The oldest day a rebuild accepts. */
const FIRST_DAY = '2000-01-01';

export interface RollupRun {
  events: number;
  items: number;
  rows: number;
  /** A batch was full: more may be waiting. */
  more: boolean;
}

export interface RecomputeDayInput {
  brandId?: string | null;
  day: string;
}

/** Keeps conversation_metric_days current, event by event, and rebuilds a day from raw rows on request. */
@Injectable()
export class ConversationMetricsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Adds every event not added yet, once; then refreshes the backlog of yesterday and today. Safe to rerun. */
  async runOnce(now = new Date()): Promise<RollupRun> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [ROLLUP_LOCK]);
      const [cursor] = await tx.query(
        `SELECT audit_seq::text AS "auditSeq", items_received_at AS "itemsReceivedAt" FROM conversation_metric_cursor WHERE id = 1`,
      );
      const fromSeq = BigInt(cursor.auditSeq) - AUDIT_SEQ_WINDOW;
      const events = await unmarkedEvents(tx, (fromSeq > 0n ? fromSeq : 0n).toString(), RUN_BATCH);
      const items = await unmarkedItems(tx, new Date(cursor.itemsReceivedAt.getTime() - ITEM_WINDOW_MS), RUN_BATCH);
      const rows = await this.add(tx, events, items, true);
      const auditSeq = events.reduce((max, event) => (BigInt(event.seq) > max ? BigInt(event.seq) : max), BigInt(cursor.auditSeq));
      const itemsAt = items.reduce((max, item) => (item.receivedAt > max ? item.receivedAt : max), cursor.itemsReceivedAt as Date);
      await tx.query(`UPDATE conversation_metric_cursor SET audit_seq = $1, items_received_at = $2 WHERE id = 1`, [auditSeq.toString(), itemsAt]);
      // Marks are only needed while their event can still be re-read.
      await tx.query(`DELETE FROM conversation_metric_marks WHERE audit_seq <= $1 OR received_at <= $2`, [
        (auditSeq - AUDIT_SEQ_WINDOW).toString(),
        new Date(itemsAt.getTime() - ITEM_WINDOW_MS),
      ]);
      // The backlog (a gauge) of yesterday and today, and of every day since the oldest this run
      // touched: a late or back-filled event changes each end of day after it.
      const touched = [...events.map((event) => event.day), ...items.map((item) => item.day)].sort()[0];
      const range = backlogDays(touched, now);
      await refreshBacklog(tx, null, range[0]!, range[range.length - 1]!);
      return { events: events.length, items: items.length, rows, more: events.length === RUN_BATCH || items.length === RUN_BATCH };
    });
  }

  /**
   * Rebuilds one brand's day from the raw rows in one transaction (brand admins). Events of the
   * day the job has not reached yet are marked, so it will not add them a second time.
   */
  async recomputeDay(actor: Actor, input: RecomputeDayInput): Promise<{ brandId: string; day: string; rows: number }> {
    const day = validDay(input.day);
    const brandId = this.brandOf(actor, input.brandId);
    return this.dataSource.transaction(async (tx) => {
      const brand = await tx.findOneBy(Brand, { id: brandId });
      if (!brand || !canRead(actor, 'Brand', brand)) throw AppError.notFound('Brand');
      authorize(actor, 'update', 'Brand', brand);
      await tx.query('SELECT pg_advisory_xact_lock($1)', [ROLLUP_LOCK]);
      await tx.query(`DELETE FROM conversation_metric_days WHERE brand_id = $1 AND day = $2`, [brand.id, day]);
      await tx.query(`DELETE FROM conversation_metric_authors WHERE brand_id = $1 AND day = $2`, [brand.id, day]);
      const rows = await this.add(tx, await eventsOfDay(tx, brand.id, day), await itemsOfDay(tx, brand.id, day), false);
      const backlog = await refreshBacklog(tx, brand.id, day);
      // Events of this day the job has not reached are now marked: the ends of the days after it are refreshed here instead.
      const later = backlogDays(day, new Date()).filter((other) => other > day);
      if (later.length) await refreshBacklog(tx, brand.id, later[0]!, later[later.length - 1]!);
      await this.audit.record(tx, actor, {
        action: 'conversationMetrics.recomputeDay',
        subjectType: 'Brand',
        subjectId: brand.id,
        brandId: brand.id,
        scopeIds: [],
        before: null,
        after: { day, rows: rows + backlog },
      });
      return { brandId: brand.id, day, rows: rows + backlog };
    });
  }

  /**
   * Adds the samples of these events and items. `markAll`: the job marks everything it adds; a
   * rebuild marks only what the job could still re-read (within its windows).
   */
  private async add(tx: EntityManager, events: EventRow[], items: ItemRow[], markAll: boolean): Promise<number> {
    const rollup = new RollupAccumulator();
    for (const event of events) rollup.addEvent(event);
    for (const item of items) rollup.addPageCount(item.brandId, item.pageId, item.day, 'items_received');
    if (items.length) {
      const authors: { brandId: string; pageId: string; day: string; n: number }[] = await tx.query(
        `WITH fresh AS (
           INSERT INTO conversation_metric_authors (page_id, day, author_id, brand_id)
           SELECT DISTINCT r.page_id, r.day, r.author_id, r.brand_id FROM unnest($1::uuid[], $2::date[], $3::varchar[], $4::uuid[]) AS r(page_id, day, author_id, brand_id)
           ON CONFLICT DO NOTHING RETURNING brand_id, page_id, day)
         SELECT brand_id AS "brandId", page_id AS "pageId", to_char(day, 'YYYY-MM-DD') AS day, count(*)::int AS n FROM fresh GROUP BY 1, 2, 3`,
        // Typed arrays, one per column: cheaper to send and to read than one JSON document of rows.
        [items.map((item) => item.pageId), items.map((item) => item.day), items.map((item) => item.authorId), items.map((item) => item.brandId)],
      );
      for (const author of authors) rollup.addPageCount(author.brandId, author.pageId, author.day, 'authors', author.n);
    }
    await this.mark(tx, events, items, markAll);
    await rollup.writeTo(tx);
    return rollup.size;
  }

  private async mark(tx: EntityManager, events: EventRow[], items: ItemRow[], markAll: boolean): Promise<void> {
    if (!events.length && !items.length) return;
    const window = markAll
      ? ''
      : `WHERE r.audit_seq > (SELECT audit_seq FROM conversation_metric_cursor) - ${AUDIT_SEQ_WINDOW}
            OR r.received_at > (SELECT items_received_at FROM conversation_metric_cursor) - interval '${ITEM_WINDOW_MS} milliseconds'`;
    await tx.query(
      `INSERT INTO conversation_metric_marks (event_id, audit_seq, received_at)
       SELECT r.event_id, r.audit_seq, r.received_at
         FROM (SELECT e.event_id, e.audit_seq, NULL::timestamptz AS received_at FROM unnest($1::uuid[], $2::bigint[]) AS e(event_id, audit_seq)
               UNION ALL
               SELECT i.event_id, NULL::bigint, i.received_at FROM unnest($3::uuid[], $4::timestamptz[]) AS i(event_id, received_at)) r
       ${window} ON CONFLICT DO NOTHING`,
      [events.map((event) => event.id), events.map((event) => event.seq), items.map((item) => item.id), items.map((item) => item.receivedAt)],
    );
  }

  /** The brand asked for, or the caller's only brand. */
  private brandOf(actor: Actor, brandId: string | null | undefined): string {
    if (brandId) return assertUuid(brandId, 'brandId');
    const brands = [...new Set(actor.grants.map((grant) => grant.brandId).filter((id): id is string => !!id))];
    if (brands.length !== 1) throw AppError.badInput('brandId is required', [{ field: 'brandId', message: 'is required: you have roles in no brand or several' }]);
    return brands[0]!;
  }
}

/** Yesterday to today, from `touched` when it is earlier, at most BACKLOG_MAX_DAYS back (older: rebuild the days). */
function backlogDays(touched: string | undefined, now: Date): string[] {
  const today = Date.parse(utcDay(now));
  const oldest = Math.max(Math.min(touched ? Date.parse(touched) : today, today - 86_400_000), today - BACKLOG_MAX_DAYS * 86_400_000);
  const days: string[] = [];
  for (let at = oldest; at <= today; at += 86_400_000) days.push(utcDay(new Date(at)));
  return days;
}

/** A YYYY-MM-DD calendar day from 2000 to today (UTC). */
function validDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || utcDay(date) !== day) throw AppError.badInput('day must be a YYYY-MM-DD date', [{ field: 'day', message: 'is not a YYYY-MM-DD date' }]);
  if (day < FIRST_DAY || day > utcDay(new Date())) throw AppError.badInput('day must be between 2000-01-01 and today', [{ field: 'day', message: 'is not between 2000-01-01 and today (UTC)' }]);
  return day;
}
