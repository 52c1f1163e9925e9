import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { rolloutStateOf } from '@pivot/domain';
import { In, type DataSource, type EntityTarget, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { abilityToSql, SUBJECT_FIELDS } from '../../access/ability-sql';
import { canRead } from '../../access/authorize';
import type { Actor } from '../../auth/request-context';
import { AppError, assertUuid } from '../../errors/app-error';
import { Page } from '../../hierarchy/page.entity';
import { PostTarget } from '../posts/post-target.entity';
import { Post } from '../posts/post.entity';
import { CascadeJob } from './cascade-job.entity';
import type { RolloutCellType } from './cascade.types';
import { DEAD_CHILD_STATES, globalChangeOf } from './global-change';

export interface Rollout {
  /** The global post, for who reads it; null otherwise, as `Post.parentPost` says of it. */
  post: Post | null;
  cells: RolloutCellType[];
  latestJob: CascadeJob | null;
}

/**
 * The rollout board of a global post: a cell per market page the caller may read, one per live
 * child (a market cascaded to two segment pages has two), NOT_STARTED where there is none. Five
 * statements whatever the number of markets, each filtered by the caller's ability in SQL.
 *
 * Who may look: whoever reads the global post, and a market team that reads one of its children
 * (they localize its text, so they see its board, limited to the markets they read: their own).
 * The market team gets no more of the global post than `Post.parentPost` gives it: no `post`, no
 * job; its cells carry what its children already say (`globalChanged`, `globalDiff`).
 * The markets are bounded by the brand's tree (dozens), so the cells are one list, not a connection.
 */
@Injectable()
export class RolloutService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rollout(actor: Actor, postId: string): Promise<Rollout> {
    const parent = await this.dataSource.getRepository(Post).findOneBy({ id: assertUuid(postId, 'postId') });
    if (!parent) throw AppError.notFound('Post');
    const readsParent = canRead(actor, 'Post', parent);
    const children = await this.readable(actor, Post, 'Post', 'p')
      .andWhere('p.parent_post_id = :parentId', { parentId: parent.id })
      .andWhere('p.state NOT IN (:...dead)', { dead: [...DEAD_CHILD_STATES] })
      .orderBy('p.created_at', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
    if (!readsParent && children.length === 0) throw AppError.notFound('Post');

    const globals = (await this.dataSource.getRepository(PostTarget).findBy({ postId: parent.id })).map((target) => target.pageId);
    const markets = await this.readable(actor, Page, 'Page', 'm')
      .andWhere('m.brand_id = :brandId', { brandId: parent.brandId })
      .andWhere(`m.kind = 'MARKET' AND m.status = 'ACTIVE'`)
      .andWhere('m.scope_ids && :globals::uuid[]', { globals })
      .getMany();
    // The tree's own order (hierarchy/page.loaders.ts sorts siblings by name the same way), not the database collation's.
    markets.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));

    const targets = children.length ? await this.dataSource.getRepository(PostTarget).find({ where: { postId: In(children.map((child) => child.id)) }, order: { pageId: 'ASC' } }) : [];
    const targetPages = targets.length ? await this.dataSource.getRepository(Page).findBy({ id: In([...new Set(targets.map((target) => target.pageId))]) }) : [];
    const pageById = new Map(targetPages.map((page) => [page.id, page]));
    const cells: RolloutCellType[] = [];
    for (const market of markets) {
      const inMarket = children.flatMap((child) => {
        // A child's cell is at the market of its (first) target page in that market.
        const page = targets.filter((target) => target.postId === child.id).map((target) => pageById.get(target.pageId)).find((candidate) => candidate?.scopeIds.includes(market.id));
        return page ? [{ child, page }] : [];
      });
      if (inMarket.length === 0) cells.push({ market, targetPage: null, child: null, state: 'NOT_STARTED', globalChanged: false, diff: null });
      for (const { child, page } of inMarket) {
        const change = globalChangeOf(child, parent);
        cells.push({ market, targetPage: page, child, state: rolloutStateOf(child), globalChanged: change.globalChanged, diff: change.diff });
      }
    }
    const latestJob = readsParent ? await this.dataSource.getRepository(CascadeJob).findOne({ where: { postId: parent.id }, order: { createdAt: 'DESC', id: 'DESC' } }) : null;
    return { post: readsParent ? parent : null, cells, latestJob };
  }

  /** The rows of `entity` the caller may read, filtered by their ability in SQL. */
  private readable<T extends ObjectLiteral>(actor: Actor, entity: EntityTarget<T>, subject: 'Post' | 'Page', alias: string): SelectQueryBuilder<T> {
    const rule = abilityToSql(actor.ability, 'read', subject, SUBJECT_FIELDS[subject](alias));
    return this.dataSource.getRepository(entity).createQueryBuilder(alias).where(rule.sql, rule.params);
  }
}
