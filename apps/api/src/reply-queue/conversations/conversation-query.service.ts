import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CONVERSATION_STATES } from '@pivot/domain';
import type { DataSource } from 'typeorm';
import { abilityToSql, SUBJECT_FIELDS } from '../../access/ability-sql';
import type { Actor } from '../../auth/request-context';
import { AppError, assertUuid } from '../../errors/app-error';
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from '../../graphql/connection';
import { Conversation } from './conversation.entity';
import type { ConversationFilterInput } from './conversation.types';

/** Milliseconds, as the cursor carries them (a JavaScript Date has none finer), so no row is skipped. */
const LAST_ITEM_AT = `date_trunc('milliseconds', c.last_item_at)`;

/** Reads conversations, latest activity first, filtered in SQL by what the reader may see. */
@Injectable()
export class ConversationQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, filter: ConversationFilterInput = {}, first?: number | null, after?: string | null): Promise<Connection<Conversation>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, 2);
    const query = this.readable(actor);
    if (filter.pageId) query.andWhere('c.scope_ids @> ARRAY[:pageId]::uuid[]', { pageId: assertUuid(filter.pageId, 'pageId') });
    if (filter.network) query.andWhere('c.network = :network', { network: filter.network.trim().toLowerCase() });
    if (filter.states?.length) {
      const unknown = filter.states.filter((state) => !(CONVERSATION_STATES as readonly string[]).includes(state));
      if (unknown.length) throw AppError.badInput(`Unknown state ${unknown[0]}`, [{ field: 'states', message: `has unknown state ${unknown[0]}` }]);
      query.andWhere('c.state IN (:...states)', { states: filter.states });
    }
    if (filter.unrouted != null) query.andWhere(filter.unrouted ? 'c.queue_id IS NULL' : 'c.queue_id IS NOT NULL');
    const totalCount = await query.clone().getCount();
    if (cursor) {
      const at = new Date(cursor[0]);
      if (Number.isNaN(at.getTime())) throw AppError.badInput('after is not a valid cursor', [{ field: 'after', message: 'is not a valid cursor' }]);
      query.andWhere(`(${LAST_ITEM_AT}, c.id) < (:at, :id)`, { at, id: assertUuid(cursor[1], 'after') });
    }
    const rows = await query.orderBy(LAST_ITEM_AT, 'DESC').addOrderBy('c.id', 'DESC').limit(size + 1).getMany();
    return toConnection(rows, size, totalCount, (row) => encodeCursor([row.lastItemAt.toISOString(), row.id]));
  }

  /** One conversation; NOT_FOUND when it does not exist or the caller may not read it (existence does not leak). */
  async get(actor: Actor, id: string): Promise<Conversation> {
    const conversation = await this.readable(actor).andWhere('c.id = :id', { id: assertUuid(id, 'id') }).getOne();
    if (!conversation) throw AppError.notFound('Conversation');
    return conversation;
  }

  /** The given conversations the caller may read, in the given order. */
  async byIds(actor: Actor, ids: string[]): Promise<Conversation[]> {
    if (ids.length === 0) return [];
    const rows = await this.readable(actor).andWhere('c.id IN (:...ids)', { ids }).getMany();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  private readable(actor: Actor) {
    const readable = abilityToSql(actor.ability, 'read', 'Conversation', SUBJECT_FIELDS.Conversation('c'));
    return this.dataSource.getRepository(Conversation).createQueryBuilder('c').where(readable.sql, readable.params);
  }
}
