import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isPostState } from '@pivot/domain';
import { In, type DataSource } from 'typeorm';
import { abilityToSql, SUBJECT_FIELDS } from '../../access/ability-sql';
import type { Actor } from '../../auth/request-context';
import { User } from '../../auth/user.entity';
import { AppError, assertUuid } from '../../errors/app-error';
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from '../../graphql/connection';
import { PostEventEntity } from './post-event.entity';
import { PostPublication } from '../schedule/post-publication.entity';
import { PostTarget } from './post-target.entity';
import { FROZEN } from '../schedule/publisher.service';
import { Post } from './post.entity';
import type { PostFilterInput } from './post.types';

/** Reads posts, every statement filtered in SQL by what the caller may read (or approve). */
@Injectable()
export class PostQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, filter: PostFilterInput = {}, first?: number | null, after?: string | null): Promise<Connection<Post>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, 2);
    const query = this.readable(actor, 'read');
    if (filter.brandId) query.andWhere('p.brand_id = :brandId', { brandId: assertUuid(filter.brandId, 'brandId') });
    if (filter.authorId) query.andWhere('p.author_id = :authorId', { authorId: assertUuid(filter.authorId, 'authorId') });
    if (filter.pageId) {
      query.andWhere('EXISTS (SELECT 1 FROM post_targets pt WHERE pt.post_id = p.id AND pt.page_id = :pageId)', { pageId: assertUuid(filter.pageId, 'pageId') });
    }
    if (filter.underPageId) {
      query.andWhere('EXISTS (SELECT 1 FROM post_targets pt JOIN pages pg ON pg.id = pt.page_id WHERE pt.post_id = p.id AND pg.scope_ids @> ARRAY[:underPageId]::uuid[])', {
        underPageId: assertUuid(filter.underPageId, 'underPageId'),
      });
    }
    const [from, before] = [validTime(filter.publishFrom, 'publishFrom'), validTime(filter.publishBefore, 'publishBefore')];
    if (from && before && from >= before) throw AppError.badInput('publishFrom must be before publishBefore', [{ field: 'publishBefore', message: 'must be after publishFrom' }]);
    if (from) query.andWhere('p.publish_at >= :from', { from });
    if (before) query.andWhere('p.publish_at < :before', { before });
    if (filter.states?.length) {
      const unknown = filter.states.find((state) => !isPostState(state));
      if (unknown) throw AppError.badInput(`Unknown state ${unknown}`, [{ field: 'states', message: `has unknown state ${unknown}` }]);
      query.andWhere('p.state IN (:...states)', { states: filter.states });
    }
    const totalCount = await query.clone().getCount();
    // Milliseconds, as the cursor carries them (a JavaScript Date has no microseconds).
    const createdAt = `date_trunc('milliseconds', p.created_at)`;
    if (cursor) query.andWhere(`(${createdAt}, p.id) < (:at, :id)`, { at: cursorTime(cursor[0]!), id: assertUuid(cursor[1]!, 'after') });
    const rows = await query.orderBy(createdAt, 'DESC').addOrderBy('p.id', 'DESC').limit(size + 1).getMany();
    return toConnection(rows, size, totalCount, (row) => encodeCursor([row.createdAt.toISOString(), row.id]));
  }

  /** What waits for the caller, oldest submission first (see `decidable`). */
  async inbox(actor: Actor, first?: number | null, after?: string | null): Promise<Connection<Post>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, 2);
    const query = this.decidable(actor);
    const totalCount = await query.clone().getCount();
    if (cursor) query.andWhere('(p.submitted_at, p.id) > (:at, :id)', { at: cursorTime(cursor[0]!), id: assertUuid(cursor[1]!, 'after') });
    const rows = await query.orderBy('p.submitted_at', 'ASC').addOrderBy('p.id', 'ASC').limit(size + 1).getMany();
    return toConnection(rows, size, totalCount, (row) => encodeCursor([row.submittedAt!.toISOString(), row.id]));
  }

  /** Which of these posts the caller may decide now: the inbox's own condition, so the two never disagree. */
  async decidableIds(actor: Actor, postIds: readonly string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await this.decidable(actor).andWhere('p.id IN (:...ids)', { ids: [...postIds] }).select('p.id', 'id').getRawMany();
    return new Set(rows.map((row) => row.id));
  }

  /** Display names by user id, as audit entries show their actors' (a removed user is absent). */
  async userNames(userIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.dataSource.getRepository(User).find({ select: { id: true, displayName: true }, where: { id: In([...userIds]) } });
    return new Map(rows.map((row) => [row.id, row.displayName]));
  }

  /**
   * Posts in review, neither written nor submitted by the caller (CASL's `approve` refuses both),
   * whose pending step they may decide. Mirrors
   * `mayApproveStep` in SQL on the pending-step columns: named users still expected, or a role
   * held at a page in the post's scope (the post's market) or at the brand root.
   */
  private decidable(actor: Actor) {
    const query = this.readable(actor, 'approve').andWhere(`p.state = 'IN_REVIEW'`).andWhere('p.author_id <> :me', { me: actor.user.id });
    const mayDecide = ['(:me = ANY(p.pending_user_ids))'];
    const params: Record<string, unknown> = { me: actor.user.id };
    actor.grants.forEach((grant, index) => {
      if (!grant.brandId || !grant.scopePageId) return;
      params[`role${index}`] = grant.role;
      params[`brand${index}`] = grant.brandId;
      params[`page${index}`] = grant.scopePageId;
      const atRoot = grant.scopeIds.length === 1 ? `OR p.pending_scope = 'brand'` : '';
      mayDecide.push(
        `(p.pending_role = :role${index} AND p.brand_id = :brand${index} AND ((p.pending_scope = 'post-market' AND p.scope_ids @> ARRAY[:page${index}]::uuid[]) ${atRoot}))`,
      );
    });
    return query.andWhere(`(${mayDecide.join(' OR ')})`, params);
  }

  async byId(actor: Actor, id: string): Promise<Post> {
    const post = await this.readable(actor, 'read').andWhere('p.id = :id', { id: assertUuid(id, 'id') }).getOne();
    if (!post) throw AppError.notFound('Post');
    return post;
  }

  /** The target page ids of each post (the pages themselves come through the page loaders, filtered there). */
  async targetIds(postIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.dataSource.getRepository(PostTarget).find({ where: { postId: In([...postIds]) }, order: { pageId: 'ASC' } });
    const byPost = new Map<string, string[]>(postIds.map((id) => [id, []]));
    for (const row of rows) byPost.get(row.postId)?.push(row.pageId);
    return byPost;
  }

  /** The sends of these posts, by post, in page order. */
  async publications(postIds: readonly string[]): Promise<Map<string, PostPublication[]>> {
    const rows = await this.dataSource.getRepository(PostPublication).find({ where: { postId: In([...postIds]) }, order: { pageId: 'ASC' } });
    const byPost = new Map<string, PostPublication[]>(postIds.map((id) => [id, []]));
    for (const row of rows) byPost.get(row.postId)?.push(row);
    return byPost;
  }

  /** Which of these posts have a send due now that a publishing freeze holds back. */
  async heldPostIds(postIds: readonly string[]): Promise<Set<string>> {
    const rows: { post_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT pp.post_id FROM post_publications pp
       JOIN posts p ON p.id = pp.post_id
       JOIN pages pg ON pg.id = pp.page_id
       WHERE pp.post_id = ANY($1) AND pp.state = 'PENDING' AND pp.next_attempt_at <= now() AND p.state = 'SCHEDULED' AND ${FROZEN('p', 'pg')}`,
      [[...postIds]],
    );
    return new Set(rows.map((row) => row.post_id));
  }

  /** Timelines of posts the caller already read, oldest event first. */
  async timelines(postIds: readonly string[]): Promise<Map<string, PostEventEntity[]>> {
    const rows = await this.dataSource.getRepository(PostEventEntity).find({ where: { postId: In([...postIds]) }, order: { seq: 'ASC' } });
    const byPost = new Map<string, PostEventEntity[]>(postIds.map((id) => [id, []]));
    for (const row of rows) byPost.get(row.postId)?.push(row);
    return byPost;
  }

  private readable(actor: Actor, action: 'read' | 'approve') {
    const condition = abilityToSql(actor.ability, action, 'Post', SUBJECT_FIELDS.Post('p'));
    return this.dataSource.getRepository(Post).createQueryBuilder('p').where(condition.sql, condition.params);
  }
}

function validTime(value: Date | null | undefined, field: string): Date | null {
  if (value === null || value === undefined) return null;
  if (Number.isNaN(value.getTime())) throw AppError.badInput(`${field} is not a time`, [{ field, message: 'is not a time' }]);
  return value;
}

function cursorTime(value: string): Date {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw AppError.badInput('after is not a valid cursor', [{ field: 'after', message: 'is not a valid cursor' }]);
  return at;
}
