import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { abilityToSql, SUBJECT_FIELDS } from '../access/ability-sql';
import type { Actor } from '../auth/request-context';
import { AppError, assertUuid } from '../errors/app-error';
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from '../graphql/connection';
import { AuditEntry } from './audit-entry.entity';
import type { AuditEntryType, AuditFilterInput } from './audit.types';

/** Reads the history, newest first, filtered in SQL by what the reader may see. */
@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, filter: AuditFilterInput = {}, first?: number | null, after?: string | null): Promise<Connection<AuditEntryType>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, 1);
    const readable = abilityToSql(actor.ability, 'read', 'AuditEntry', SUBJECT_FIELDS.AuditEntry('a'));
    const query = this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .leftJoin('users', 'u', 'u.id = a.actor_id')
      .addSelect('u.display_name', 'actor_name')
      .where(readable.sql, readable.params);
    if (filter.actorId) query.andWhere('a.actor_id = :actorId', { actorId: assertUuid(filter.actorId, 'actorId') });
    if (filter.subjectId) query.andWhere('a.subject_id = :subjectId', { subjectId: assertUuid(filter.subjectId, 'subjectId') });
    if (filter.subjectType) query.andWhere('a.subject_type = :subjectType', { subjectType: filter.subjectType });
    if (filter.action) {
      if (filter.action.endsWith('.')) query.andWhere('starts_with(a.action, :action)', { action: filter.action });
      else query.andWhere('a.action = :action', { action: filter.action });
    }
    if (filter.from && filter.to && filter.from > filter.to) {
      throw AppError.badInput('from must be before to', [{ field: 'from', message: 'is after to' }]);
    }
    if (filter.from) query.andWhere('a.occurred_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('a.occurred_at <= :to', { to: filter.to });
    const totalCount = await query.clone().getCount();
    if (cursor) {
      if (!/^\d+$/.test(cursor[0])) throw AppError.badInput('after is not a valid cursor', [{ field: 'after', message: 'is not a valid cursor' }]);
      query.andWhere('a.seq < :seq', { seq: cursor[0] });
    }
    const { entities, raw } = await query.orderBy('a.seq', 'DESC').limit(size + 1).getRawAndEntities();
    const names = new Map(raw.map((row: { a_id: string; actor_name: string | null }) => [row.a_id, row.actor_name]));
    const rows = entities.map((entry) => toType(entry, names.get(entry.id) ?? null));
    return toConnection(rows, size, totalCount, (row) => encodeCursor([row.seq]));
  }
}

function toType(entry: AuditEntry, actorName: string | null): AuditEntryType & { seq: string } {
  return {
    ...entry,
    actorName,
    changes: Object.entries(entry.changes).map(([field, change]) => ({
      field,
      before: change.before === null || change.before === undefined ? null : JSON.stringify(change.before),
      after: change.after === null || change.after === undefined ? null : JSON.stringify(change.after),
    })),
  };
}
