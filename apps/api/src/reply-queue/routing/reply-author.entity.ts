import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Brand } from '../../hierarchy/brand.entity';

/** What a brand knows about an author across its pages (VIP, journalist…): routing rules match these flags. */
@Entity({ name: 'reply_authors' })
export class ReplyAuthor {
  @PrimaryColumn('uuid', { name: 'brand_id', primaryKeyConstraintName: 'PK_reply_authors' })
  brandId: string;

  @ManyToOne(() => Brand, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'FK_reply_authors_brand' })
  brand?: Brand;

  @PrimaryColumn('varchar', { length: 40, primaryKeyConstraintName: 'PK_reply_authors' })
  network: string;

  @PrimaryColumn('varchar', { name: 'author_id', length: 200, primaryKeyConstraintName: 'PK_reply_authors' })
  authorId: string;

  @Column('text', { array: true, default: () => `'{}'` })
  flags: string[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
