import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { asSubject, primaryLanguageSubtag, validateQueueMember, validateReplyQueue, WEEKDAYS, type BusinessHours } from '@pivot/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AbilityFactory } from '../../auth/ability.factory';
import { abilityToSql, SUBJECT_FIELDS } from '../../access/ability-sql';
import { authorize, canRead } from '../../access/authorize';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../auth/request-context';
import { User } from '../../auth/user.entity';
import { translateDatabaseError } from '../../database/database-errors';
import { AppError, assertUuid, type FieldProblem } from '../../errors/app-error';
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from '../../graphql/connection';
import { Page } from '../../hierarchy/page.entity';
import { ReplyQueue, type StoredBusinessHours } from './reply-queue.entity';
import type { BusinessHoursType, CreateReplyQueueInput, QueueMemberType, ReplyQueueType, SetQueueMemberInput, UpdateReplyQueueInput } from './queue.types';

const AUDITED = ['name', 'isDefault', 'firstResponseMinutes', 'nextResponseMinutes', 'timeZone', 'businessHours', 'assignmentMode', 'breachEscalation', 'breachQueueId'] as const;

export function hoursOf(queue: Pick<ReplyQueue, 'timeZone' | 'businessHours'>): BusinessHours {
  return { timeZone: queue.timeZone, days: queue.businessHours.days, holidays: queue.businessHours.holidays };
}

/** Queues, their SLA policy and their members. Writes by those who manage replies at the queue's scope. */
@Injectable()
export class QueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly abilities: AbilityFactory,
  ) {}

  async list(actor: Actor, scopePageId: string | null | undefined, first?: number | null, after?: string | null): Promise<Connection<ReplyQueueType>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, 2);
    const readable = abilityToSql(actor.ability, 'read', 'ReplyQueue', SUBJECT_FIELDS.ReplyQueue('q'));
    const query = this.dataSource.getRepository(ReplyQueue).createQueryBuilder('q').where(readable.sql, readable.params);
    if (scopePageId) query.andWhere('q.scope_ids @> ARRAY[:scopePageId]::uuid[]', { scopePageId: assertUuid(scopePageId, 'scopePageId') });
    const totalCount = await query.clone().getCount();
    if (cursor) query.andWhere('(q.name, q.id) > (:name, :id)', { name: cursor[0], id: assertUuid(cursor[1], 'after') });
    const rows = await query.orderBy('q.name', 'ASC').addOrderBy('q.id', 'ASC').limit(size + 1).getMany();
    const views = await this.views(this.dataSource.manager, rows);
    return toConnection(views, size, totalCount, (row) => encodeCursor([row.name, row.id]));
  }

  async get(actor: Actor, id: string): Promise<ReplyQueueType> {
    const queue = await this.readable(this.dataSource.manager, actor, id);
    return (await this.views(this.dataSource.manager, [queue]))[0];
  }

  async create(actor: Actor, input: CreateReplyQueueInput): Promise<ReplyQueueType> {
    const pageId = assertUuid(input.scopePageId, 'scopePageId');
    const fields = {
      name: input.name?.trim(),
      isDefault: input.isDefault ?? false,
      firstResponseMinutes: input.firstResponseMinutes,
      nextResponseMinutes: input.nextResponseMinutes,
      timeZone: input.businessHours.timeZone?.trim(),
      businessHours: storedHours(input.businessHours),
      assignmentMode: input.assignmentMode ?? 'PULL',
      breachEscalation: input.breachEscalation ?? 'FLAG',
      breachQueueId: input.breachQueueId ?? null,
    };
    const queue = await this.dataSource
      .transaction(async (tx) => {
        const page = await tx.findOneBy(Page, { id: pageId });
        if (!page || !canRead(actor, 'Page', page)) throw AppError.notFound('Page');
        authorize(actor, 'create', 'ReplyQueue', { brandId: page.brandId, scopeIds: page.scopeIds }, [], true);
        const id = randomUUID();
        assertValid({ ...fields, id }, await this.breachQueueIds(tx, actor, page.brandId, fields));
        const created = tx.create(ReplyQueue, { id, brandId: page.brandId, scopePageId: page.id, scopeIds: page.scopeIds, ...fields });
        await tx.insert(ReplyQueue, created as never);
        await this.audit.record(tx, actor, { ...this.subject(created), action: 'replyQueue.create', before: null, after: pick(created), fields: AUDITED });
        if (created.isDefault) await this.routeAgainUnder(tx, page.id);
        return created;
      })
      .catch((error) => translateDatabaseError(error, 'This page already has a default queue'));
    return this.get(actor, queue.id);
  }

  async update(actor: Actor, id: string, input: UpdateReplyQueueInput): Promise<ReplyQueueType> {
    await this.dataSource
      .transaction(async (tx) => {
        const queue = await this.readable(tx, actor, id, true);
        authorize(actor, 'update', 'ReplyQueue', queue);
        const before = pick(queue);
        const next = {
          ...before,
          ...(input.name != null && { name: input.name.trim() }),
          ...(input.isDefault != null && { isDefault: input.isDefault }),
          ...(input.firstResponseMinutes != null && { firstResponseMinutes: input.firstResponseMinutes }),
          ...(input.nextResponseMinutes != null && { nextResponseMinutes: input.nextResponseMinutes }),
          ...(input.businessHours != null && { timeZone: input.businessHours.timeZone?.trim(), businessHours: storedHours(input.businessHours) }),
          ...(input.assignmentMode != null && { assignmentMode: input.assignmentMode }),
          ...(input.breachEscalation != null && { breachEscalation: input.breachEscalation, breachQueueId: null }),
          ...(input.breachQueueId !== undefined && { breachQueueId: input.breachQueueId }),
        };
        assertValid({ ...next, id: queue.id }, await this.breachQueueIds(tx, actor, queue.brandId, next));
        await tx.update(ReplyQueue, { id: queue.id }, { ...next, version: queue.version + 1 } as never);
        await this.audit.record(tx, actor, { ...this.subject(queue), action: 'replyQueue.update', before, after: next, fields: AUDITED });
        if (next.isDefault && !queue.isDefault) await this.routeAgainUnder(tx, queue.scopePageId);
      })
      .catch((error) => translateDatabaseError(error, 'This page already has a default queue'));
    return this.get(actor, id);
  }

  /** Adds a member or changes their capacity and languages. The user must be able to work the queue's conversations. */
  async setMember(actor: Actor, input: SetQueueMemberInput): Promise<ReplyQueueType> {
    const userId = assertUuid(input.userId, 'userId');
    const languages = [...new Set((input.languages ?? []).map((tag) => tag.trim()))];
    await this.dataSource.transaction(async (tx) => {
      const queue = await this.readable(tx, actor, input.queueId, true);
      authorize(actor, 'update', 'ReplyQueue', queue);
      const problems: FieldProblem[] = validateQueueMember({ capacity: input.capacity, languages });
      // Same answer for an unknown user and one without the role: ids of other teams do not leak.
      const user = await tx.findOneBy(User, { id: userId });
      const theirs = user && !user.disabled ? await this.abilities.forUser(userId) : null;
      if (!theirs?.ability.can('work', asSubject('Conversation', { brandId: queue.brandId, scopeIds: queue.scopeIds }))) {
        problems.push({ field: 'userId', message: 'is not someone who may work the conversations of this queue' });
      }
      if (problems.length) throw AppError.invalidFields(problems);
      const skills = languages.map((tag) => primaryLanguageSubtag(tag).toLowerCase());
      const [existing] = await tx.query(`SELECT capacity, languages FROM reply_queue_members WHERE queue_id = $1 AND user_id = $2 FOR UPDATE`, [queue.id, userId]);
      await tx.query(
        `INSERT INTO reply_queue_members (queue_id, user_id, capacity, languages) VALUES ($1, $2, $3, $4)
         ON CONFLICT (queue_id, user_id) DO UPDATE SET capacity = EXCLUDED.capacity, languages = EXCLUDED.languages`,
        [queue.id, userId, input.capacity, skills],
      );
      await this.audit.record(tx, actor, {
        ...this.subject(queue),
        action: 'replyQueue.setMember',
        before: existing ? { userId, capacity: existing.capacity, languages: existing.languages } : null,
        after: { userId, capacity: input.capacity, languages: skills },
      });
    });
    return this.get(actor, input.queueId);
  }

  async removeMember(actor: Actor, queueId: string, userId: string): Promise<ReplyQueueType> {
    const member = assertUuid(userId, 'userId');
    await this.dataSource.transaction(async (tx) => {
      const queue = await this.readable(tx, actor, queueId, true);
      authorize(actor, 'update', 'ReplyQueue', queue);
      const [[removed]] = await tx.query(`DELETE FROM reply_queue_members WHERE queue_id = $1 AND user_id = $2 RETURNING capacity, languages`, [queue.id, member]);
      if (!removed) throw AppError.notFound('Queue member');
      await this.audit.record(tx, actor, {
        ...this.subject(queue),
        action: 'replyQueue.removeMember',
        before: { userId: member, capacity: removed.capacity, languages: removed.languages },
        after: null,
      });
    });
    return this.get(actor, queueId);
  }

  /**
   * A new default queue catches what routing left without a queue under its page (no rule
   * matched and no default existed then): their latest items go back to the router's to-do
   * list, which the sweep (or the next dispatch) works through once this commits.
   */
  private async routeAgainUnder(db: EntityManager, pageId: string): Promise<void> {
    await db.query(
      `UPDATE inbound_items i SET status = 'RECEIVED'
         FROM (SELECT DISTINCT ON (l.conversation_id) l.id FROM conversations c JOIN inbound_items l ON l.conversation_id = c.id
                WHERE c.queue_id IS NULL AND c.scope_ids @> ARRAY[$1]::uuid[]
                ORDER BY l.conversation_id, l.occurred_at DESC, l.received_at DESC) latest
        WHERE i.id = latest.id AND i.status = 'ROUTED'`,
      [pageId],
    );
  }

  /** The queues breaches may go to, for the domain's check: the named one if the caller reads it and it is of the brand. */
  private async breachQueueIds(db: EntityManager, actor: Actor, brandId: string, fields: Pick<ReplyQueue, 'breachEscalation' | 'breachQueueId'>): Promise<string[]> {
    if (fields.breachEscalation !== 'QUEUE' || !fields.breachQueueId) return [];
    const target = await this.readable(db, actor, fields.breachQueueId).catch(() => null);
    return target && target.brandId === brandId ? [target.id] : [];
  }

  /** The queue if the caller may read it (locked for the transaction when asked), else NOT_FOUND. */
  async readable(db: EntityManager, actor: Actor, id: string, lock = false): Promise<ReplyQueue> {
    const queueId = assertUuid(id, 'queueId');
    const queue = await db.getRepository(ReplyQueue).findOne({ where: { id: queueId }, ...(lock && { lock: { mode: 'pessimistic_write' as const } }) });
    if (!queue || !canRead(actor, 'ReplyQueue', queue)) throw AppError.notFound('Reply queue');
    return queue;
  }

  /** Members and waiting counts of `queues` in two queries, whatever their number. */
  private async views(db: EntityManager, queues: ReplyQueue[]): Promise<ReplyQueueType[]> {
    if (queues.length === 0) return [];
    const ids = queues.map((queue) => queue.id);
    const members: (QueueMemberType & { queueId: string })[] = await db.query(
      `SELECT m.queue_id AS "queueId", m.user_id AS "userId", u.display_name AS "displayName", m.capacity, m.languages
         FROM reply_queue_members m JOIN users u ON u.id = m.user_id WHERE m.queue_id = ANY($1::uuid[]) ORDER BY u.display_name, m.user_id`,
      [ids],
    );
    const counts: { queueId: string; n: number }[] = await db.query(
      `SELECT queue_id AS "queueId", count(*)::int AS n FROM conversations
        WHERE queue_id = ANY($1::uuid[]) AND (state IN ('OPEN', 'ESCALATED') OR (state = 'ASSIGNED' AND lease_expires_at <= now()))
        GROUP BY queue_id`,
      [ids],
    );
    const waiting = new Map(counts.map((row) => [row.queueId, row.n]));
    return queues.map((queue) => ({
      ...queue,
      businessHours: hoursType(queue),
      members: members.filter((member) => member.queueId === queue.id),
      waitingCount: waiting.get(queue.id) ?? 0,
    }));
  }

  private subject(queue: ReplyQueue) {
    return { subjectType: 'ReplyQueue', subjectId: queue.id, brandId: queue.brandId, scopeIds: queue.scopeIds };
  }
}

type QueueFields = Pick<ReplyQueue, (typeof AUDITED)[number]>;

function pick(queue: QueueFields): QueueFields {
  return Object.fromEntries(AUDITED.map((key) => [key, queue[key]])) as QueueFields;
}

function storedHours(input: BusinessHoursType): StoredBusinessHours {
  const days: StoredBusinessHours['days'] = {};
  for (const { day, intervals } of input.days ?? []) days[day] = [...(days[day] ?? []), ...intervals.map(({ start, end }) => ({ start, end }))];
  return { days, holidays: [...(input.holidays ?? [])] };
}

function hoursType(queue: ReplyQueue): BusinessHoursType {
  const { days, holidays } = queue.businessHours;
  return {
    timeZone: queue.timeZone,
    days: WEEKDAYS.filter((day) => days[day]?.length).map((day) => ({ day, intervals: days[day]! })),
    holidays: holidays ?? [],
  };
}

function assertValid(fields: QueueFields & { id: string }, breachQueueIds: string[]): void {
  const problems = validateReplyQueue({ ...fields, name: fields.name ?? '', businessHours: hoursOf(fields) }, { breachQueueIds });
  if (problems.length) throw AppError.invalidFields(problems);
}
