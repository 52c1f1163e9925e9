import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isEditable } from '@pivot/domain';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { authorize, canRead } from '../../access/authorize';
import type { Actor } from '../../auth/request-context';
import { AppError, assertUuid } from '../../errors/app-error';
import { Brand } from '../../hierarchy/brand.entity';
import { Page } from '../../hierarchy/page.entity';
import { NOTHING_PENDING } from '../review/approval-progress';
import { commonScope, postContentFrom, targetIdsFrom } from './post-input';
import { PostStore } from './post-store';
import { PostTarget } from './post-target.entity';
import { Post } from './post.entity';
import type { CreatePostInput, UpdatePostInput } from './post.types';

/**
 * Writing posts: drafting, editing and archiving. Reviews (submit, decisions, withdraw) are
 * PostReviewService's. Each write checks the caller's ability on the exact post, as it is and
 * as it would become (new targets must stay within what the caller governs).
 */
@Injectable()
export class PostService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: PostStore,
  ) {}

  async create(actor: Actor, input: CreatePostInput): Promise<Post> {
    const brandId = assertUuid(input.brandId, 'brandId');
    const targetIds = targetIdsFrom(input.targetPageIds);
    const content = postContentFrom(input);
    return this.dataSource.transaction(async (tx) => {
      const brand = await tx.findOneBy(Brand, { id: brandId });
      if (!brand || !canRead(actor, 'Brand', brand)) throw AppError.notFound('Brand');
      const targets = await this.targets(tx, actor, brandId, targetIds);
      const post = tx.create(Post, {
        id: randomUUID(),
        brandId,
        scopeIds: commonScope(targets),
        ...content,
        authorId: actor.user.id,
        state: 'DRAFT',
        version: 0,
        parentPostId: null,
        parentVersionLocalized: null,
        reviewRound: 0,
        submittedAt: null,
        submittedById: null,
        approvalPath: null,
        ...NOTHING_PENDING,
      });
      // The caller sees every target (checked above): a refusal is FORBIDDEN, not NOT_FOUND.
      authorize(actor, 'create', 'Post', post, [], true);
      const saved = await this.store.write(tx, actor, { ...post }, post, { kind: 'CREATED', action: 'post.create', targetPageIds: targetIds });
      await tx.insert(PostTarget, targetIds.map((pageId) => ({ postId: post.id, pageId })));
      return saved;
    });
  }

  async update(actor: Actor, id: string, version: number, input: UpdatePostInput): Promise<Post> {
    return this.dataSource.transaction(async (tx) => {
      const post = await this.store.lock(tx, actor, id);
      authorize(actor, 'update', 'Post', post);
      this.store.checkVersion(post, version);
      if (!isEditable(post.state)) {
        throw new AppError('BAD_USER_INPUT', `A ${post.state} post cannot be edited; withdraw it to a draft first`, { state: post.state });
      }
      const currentTargets = await this.store.targetIdsOf(tx, post.id);
      const before = { ...post, targetPageIds: currentTargets };
      const content = postContentFrom({
        body: input.body ?? post.body,
        link: input.link === undefined || input.link === null ? post.link : input.link,
        media: input.media ?? post.media,
        locale: input.locale ?? post.locale,
        publishAt: input.clearPublishAt ? null : (input.publishAt ?? post.publishAt),
      });
      Object.assign(post, content);
      let targetIds = currentTargets;
      if (input.targetPageIds) {
        targetIds = targetIdsFrom(input.targetPageIds);
        const targets = await this.targets(tx, actor, post.brandId, targetIds);
        post.scopeIds = commonScope(targets);
        // Retargeting must keep the post within what the caller may edit.
        authorize(actor, 'update', 'Post', post, [], true);
        await tx.delete(PostTarget, { postId: post.id });
        await tx.insert(PostTarget, targetIds.map((pageId) => ({ postId: post.id, pageId })));
      }
      const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
      const changed = (['body', 'link', 'media', 'locale', 'publishAt'] as const).some((field) => !same(before[field], post[field])) || !same([...targetIds].sort(), [...currentTargets].sort());
      // Saving an unchanged draft writes nothing: no new version, no timeline entry, no audit entry.
      if (!changed) return before;
      return this.store.write(tx, actor, before, post, { kind: 'EDITED', action: 'post.update', targetPageIds: [...targetIds].sort() });
    });
  }

  async archive(actor: Actor, id: string, version: number): Promise<Post> {
    return this.dataSource.transaction(async (tx) => {
      const post = await this.store.lock(tx, actor, id);
      authorize(actor, 'archive', 'Post', post);
      this.store.checkVersion(post, version);
      const before = { ...post };
      post.state = this.store.move(post, 'archive');
      Object.assign(post, NOTHING_PENDING);
      return this.store.write(tx, actor, before, post, { kind: 'ARCHIVED', action: 'post.archive' });
    });
  }

  /** The target pages: of this brand, active, and each one the caller may read. */
  private async targets(tx: EntityManager, actor: Actor, brandId: string, ids: string[]): Promise<Page[]> {
    const pages = await tx.findBy(Page, { id: In(ids) });
    const unknown = ids.filter((id) => {
      const page = pages.find((candidate) => candidate.id === id);
      return !page || page.brandId !== brandId || !canRead(actor, 'Page', page);
    });
    if (unknown.length) {
      throw AppError.badInput('targetPageIds names a page that is not one of this brand you may see', [{ field: 'targetPageIds', message: `${unknown[0]} is not a page of this brand` }]);
    }
    const archived = pages.filter((page) => page.status !== 'ACTIVE');
    if (archived.length) throw AppError.badInput('A target page is archived', [{ field: 'targetPageIds', message: `${archived[0]!.id} is archived` }]);
    return pages;
  }
}
