import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { slaStatus, type SlaKind } from '@pivot/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { abilityToSql, SUBJECT_FIELDS } from '../../access/ability-sql';
import type { Actor } from '../../auth/request-context';
import { assertUuid } from '../../errors/app-error';
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from '../../graphql/connection';
import type { StoredBusinessHours } from '../queues/reply-queue.entity';
import type { QueueOverviewType } from './queue-overview.types';

interface OverviewRow {
  queueId: string;
  queueName: string;
  brandId: string;
  scopePageId: string;
  marketPageId: string | null;
  marketName: string | null;
  total: number;
  firstResponseMinutes: number;
  nextResponseMinutes: number;
  timeZone: string;
  businessHours: StoredBusinessHours;
  open: number;
  assigned: number;
  waitingCustomer: number;
  snoozed: number;
  escalated: number;
  resolved: number;
  waiting: number;
  oldestWaitingAt: Date | null;
  flagged: number;
  /** Due times not yet marked breached, grouped: [first response?, due at, how many]. */
  dues: [boolean, string, number][];
}

export interface OverviewFilter {
  brandId?: string | null;
  marketPageId?: string | null;
  queueIds?: string[];
}

/**
 * The admin's queue overview: per queue the caller may read, its conversations (those the caller
 * may read) by state, the oldest waiting, and SLA at risk and breached. One statement whatever
 * the number of queues: the counts are aggregated in SQL, and the due times come back grouped
 * so that `slaStatus` (business minutes in the queue's zone, which SQL cannot count) runs once
 * per distinct due time, not per conversation. What was overdue when routed (a back-fill) is
 * left out, as the breach sweep leaves it.
 */
@Injectable()
export class QueueOverviewService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, brandId: string, marketPageId?: string | null, first?: number | null, after?: string | null): Promise<Connection<QueueOverviewType>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, 2);
    const rows = await this.rows(this.dataSource.manager, actor, { brandId: assertUuid(brandId, 'brandId'), marketPageId: marketPageId ? assertUuid(marketPageId, 'marketPageId') : null }, size + 1, cursor && [cursor[0], assertUuid(cursor[1], 'after')]);
    return toConnection(rows.map((row) => overview(row, new Date())), size, rows[0]?.total ?? 0, (row) => encodeCursor([row.queueName, row.queueId]));
  }

  /** The rows of the given queues the caller may read (for live updates). */
  async byQueueIds(actor: Actor, queueIds: string[]): Promise<QueueOverviewType[]> {
    if (queueIds.length === 0) return [];
    const rows = await this.rows(this.dataSource.manager, actor, { queueIds }, queueIds.length, null);
    return rows.map((row) => overview(row, new Date()));
  }

  private async rows(db: EntityManager, actor: Actor, filter: OverviewFilter, limit: number, cursor: [string, string] | null): Promise<OverviewRow[]> {
    const queues = abilityToSql(actor.ability, 'read', 'ReplyQueue', SUBJECT_FIELDS.ReplyQueue('q'));
    const conversations = abilityToSql(actor.ability, 'read', 'Conversation', SUBJECT_FIELDS.Conversation('c'));
    const where = [queues.sql];
    if (filter.brandId) where.push('q.brand_id = :brandId');
    if (filter.marketPageId) where.push('q.scope_ids @> ARRAY[:marketPageId]::uuid[]');
    if (filter.queueIds) where.push('q.id = ANY(:queueIds::uuid[])');
    const waiting = `(c.state IN ('OPEN', 'ESCALATED') OR (c.state = 'ASSIGNED' AND c.lease_expires_at <= now()))`;
    const owed = `c.response_due_at IS NOT NULL AND c.state <> 'RESOLVED'`;
    const [sql, params] = this.dataSource.driver.escapeQueryWithParameters(
      `WITH readable AS (
         SELECT q.*, count(*) OVER ()::int AS total FROM reply_queues q WHERE ${where.join(' AND ')}
       ), page AS (
         SELECT * FROM readable q ${cursor ? 'WHERE (q.name, q.id) > (:afterName, :afterId)' : ''} ORDER BY q.name, q.id LIMIT :limit
       )
       SELECT q.id AS "queueId", q.name AS "queueName", q.brand_id AS "brandId", q.scope_page_id AS "scopePageId", q.total,
              q.first_response_minutes AS "firstResponseMinutes", q.next_response_minutes AS "nextResponseMinutes",
              q.time_zone AS "timeZone", q.business_hours AS "businessHours",
              m.id AS "marketPageId", m.name AS "marketName", s.*, coalesce(d.dues, '[]') AS dues
         FROM page q
         LEFT JOIN LATERAL (SELECT mp.id, mp.name FROM pages mp WHERE mp.id = ANY(q.scope_ids) AND mp.kind = 'MARKET'
                             ORDER BY cardinality(mp.scope_ids) DESC LIMIT 1) m ON true
         CROSS JOIN LATERAL (
           SELECT count(*) FILTER (WHERE c.state = 'OPEN')::int AS open,
                  count(*) FILTER (WHERE c.state = 'ASSIGNED')::int AS assigned,
                  count(*) FILTER (WHERE c.state = 'WAITING_CUSTOMER')::int AS "waitingCustomer",
                  count(*) FILTER (WHERE c.state = 'SNOOZED')::int AS snoozed,
                  count(*) FILTER (WHERE c.state = 'ESCALATED')::int AS escalated,
                  count(*) FILTER (WHERE c.state = 'RESOLVED')::int AS resolved,
                  count(*) FILTER (WHERE ${waiting})::int AS waiting,
                  min(c.first_item_at) FILTER (WHERE ${waiting}) AS "oldestWaitingAt",
                  count(*) FILTER (WHERE ${owed} AND c.sla_breached_at IS NOT NULL)::int AS flagged
             FROM conversations c WHERE c.queue_id = q.id AND ${conversations.sql}) s
         LEFT JOIN LATERAL (
           SELECT jsonb_agg(jsonb_build_array(g.first, g.due, g.n)) AS dues
             FROM (SELECT c.first_responded_at IS NULL AS first, c.response_due_at AS due, count(*)::int AS n
                     FROM conversations c WHERE c.queue_id = q.id AND ${owed} AND c.sla_breached_at IS NULL AND ${conversations.sql}
                      AND c.response_due_at > c.routed_at
                    GROUP BY 1, 2) g) d ON true
        ORDER BY q.name, q.id`,
      {
        ...queues.params,
        ...conversations.params,
        brandId: filter.brandId,
        marketPageId: filter.marketPageId,
        queueIds: filter.queueIds,
        afterName: cursor?.[0],
        afterId: cursor?.[1],
        limit,
      },
    );
    return db.query(sql, params);
  }
}

function overview(row: OverviewRow, now: Date): QueueOverviewType {
  const policy = {
    firstResponseMinutes: row.firstResponseMinutes,
    nextResponseMinutes: row.nextResponseMinutes,
    hours: { timeZone: row.timeZone, days: row.businessHours.days, holidays: row.businessHours.holidays },
  };
  let slaAtRisk = 0;
  let slaBreached = row.flagged;
  for (const [first, due, n] of row.dues) {
    const status = slaStatus(now, { kind: (first ? 'first' : 'next') as SlaKind, dueAt: new Date(due) }, policy);
    if (status === 'breached') slaBreached += n;
    else if (status === 'at-risk') slaAtRisk += n;
  }
  return {
    queueId: row.queueId,
    queueName: row.queueName,
    brandId: row.brandId,
    scopePageId: row.scopePageId,
    marketPageId: row.marketPageId,
    marketName: row.marketName,
    counts: { open: row.open, assigned: row.assigned, waitingCustomer: row.waitingCustomer, snoozed: row.snoozed, escalated: row.escalated, resolved: row.resolved },
    waiting: row.waiting,
    oldestWaitingAt: row.oldestWaitingAt,
    slaAtRisk,
    slaBreached,
  };
}
