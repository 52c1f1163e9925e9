import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Page } from '../../hierarchy/page.entity';
import { Post } from './post.entity';

/** One page a post goes out on. */
@Entity({ name: 'post_targets' })
@Index('IDX_post_targets_page', ['pageId'])
export class PostTarget {
  @PrimaryColumn('uuid', { name: 'post_id', primaryKeyConstraintName: 'PK_post_targets' })
  postId: string;

  @PrimaryColumn('uuid', { name: 'page_id', primaryKeyConstraintName: 'PK_post_targets' })
  pageId: string;

  @ManyToOne(() => Post, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'FK_post_targets_post' })
  post?: Post;

  @ManyToOne(() => Page, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'page_id', foreignKeyConstraintName: 'FK_post_targets_page' })
  page?: Page;
}
