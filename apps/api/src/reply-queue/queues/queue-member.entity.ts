import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../auth/user.entity';
import { ReplyQueue } from './reply-queue.entity';

/** A moderator of a queue: how many conversations they hold at once, and which languages they answer. */
@Entity({ name: 'reply_queue_members' })
@Index('IDX_reply_queue_members_user', ['userId'])
export class QueueMember {
  @PrimaryColumn('uuid', { name: 'queue_id', primaryKeyConstraintName: 'PK_reply_queue_members' })
  queueId: string;

  @ManyToOne(() => ReplyQueue, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'queue_id', foreignKeyConstraintName: 'FK_reply_queue_members_queue' })
  queue?: ReplyQueue;

  @PrimaryColumn('uuid', { name: 'user_id', primaryKeyConstraintName: 'PK_reply_queue_members' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_reply_queue_members_user' })
  user?: User;

  /** Conversations held at once in this queue. */
  @Column('int')
  capacity: number;

  /** Primary language subtags ("fr", "en"); empty: any language. */
  @Column('text', { array: true, default: () => `'{}'` })
  languages: string[];

  /** For round robin: the member assigned longest ago goes next. */
  @Column('timestamptz', { name: 'last_assigned_at', nullable: true })
  lastAssignedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
