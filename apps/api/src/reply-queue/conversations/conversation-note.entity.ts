import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../auth/user.entity';
import { Conversation } from './conversation.entity';

/** An internal note on a conversation: seen by the team, never sent to the customer. */
@Entity({ name: 'conversation_notes' })
@Index('IDX_conversation_notes_conversation', ['conversationId', 'createdAt'])
export class ConversationNote {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_conversation_notes' })
  id: string;

  @Column('uuid', { name: 'conversation_id' })
  conversationId: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id', foreignKeyConstraintName: 'FK_conversation_notes_conversation' })
  conversation?: Conversation;

  @Column('uuid', { name: 'author_id' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'FK_conversation_notes_author' })
  author?: User;

  @Column('text')
  text: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
