import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { asSubject } from '@pivot/domain';
import type { DataSource } from 'typeorm';
import { canRead } from '../../access/authorize';
import type { Actor } from '../../auth/request-context';
import { AppError, assertUuid } from '../../errors/app-error';
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from '../../graphql/connection';
import { Conversation } from './conversation.entity';
import { ConversationNote } from './conversation-note.entity';
import { InboundItemEntity } from '../inbound/inbound-item.entity';

/** What the workspace shows of one conversation: the customer's items and the team's notes, oldest first. */
@Injectable()
export class ConversationHistoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async items(actor: Actor, conversationId: string, first?: number | null, after?: string | null): Promise<Connection<InboundItemEntity>> {
    const conversation = await this.readable(actor, conversationId);
    return this.page(InboundItemEntity, 'occurredAt', 'occurred_at', conversation.id, first, after);
  }

  /** Internal notes: for those who work the conversation or govern it, not for readers such as analysts. */
  async notes(actor: Actor, conversationId: string, first?: number | null, after?: string | null): Promise<Connection<ConversationNote>> {
    const conversation = await this.readable(actor, conversationId);
    if (!actor.ability.can('work', asSubject('Conversation', conversation))) {
      throw new AppError('FORBIDDEN', 'You may not read the notes of this conversation');
    }
    return this.page(ConversationNote, 'createdAt', 'created_at', conversation.id, first, after);
  }

  private async readable(actor: Actor, id: string): Promise<Conversation> {
    const conversation = await this.dataSource.manager.findOneBy(Conversation, { id: assertUuid(id, 'conversationId') });
    if (!conversation || !canRead(actor, 'Conversation', conversation)) throw AppError.notFound('Conversation');
    return conversation;
  }

  private async page<T extends { id: string }>(
    entity: new () => T,
    field: keyof T & string,
    column: string,
    conversationId: string,
    first?: number | null,
    after?: string | null,
  ): Promise<Connection<T>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, 2);
    const query = this.dataSource.getRepository(entity).createQueryBuilder('x').where('x.conversation_id = :conversationId', { conversationId });
    const totalCount = await query.clone().getCount();
    if (cursor) {
      const at = new Date(cursor[0]);
      if (Number.isNaN(at.getTime())) throw AppError.badInput('after is not a valid cursor', [{ field: 'after', message: 'is not a valid cursor' }]);
      query.andWhere(`(x.${column}, x.id) > (:at, :id)`, { at, id: assertUuid(cursor[1], 'after') });
    }
    const rows = await query.orderBy(`x.${column}`, 'ASC').addOrderBy('x.id', 'ASC').limit(size + 1).getMany();
    return toConnection(rows, size, totalCount, (row) => encodeCursor([(row[field] as Date).toISOString(), row.id]));
  }
}
