import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Page } from '../../hierarchy/page.entity';
import { PageMoved } from '../../hierarchy/page-moved.event';
import { commonScope } from './post-input';
import { Post } from './post.entity';

/**
 * After a re-parenting, the posts on the moved pages get their scope again from their targets'
 * new scopes, in the tree write's transaction: a page moved out of a market takes its posts out
 * of that market's reach too (DESIGN §2). `pages` are the brand's pages with their new scopes.
 */
export async function rescopePostsOn(tx: EntityManager, movedPageIds: readonly string[], pages: readonly Page[]): Promise<number> {
  if (movedPageIds.length === 0) return 0;
  const rows: { postId: string; pageId: string }[] = await tx.query(
    `SELECT post_id AS "postId", page_id AS "pageId" FROM post_targets
     WHERE post_id IN (SELECT post_id FROM post_targets WHERE page_id = ANY($1::uuid[]))`,
    [[...movedPageIds]],
  );
  const byId = new Map(pages.map((page) => [page.id, page]));
  const targetsOf = new Map<string, Page[]>();
  for (const row of rows) targetsOf.set(row.postId, [...(targetsOf.get(row.postId) ?? []), byId.get(row.pageId)!]);
  for (const [postId, targets] of targetsOf) await tx.update(Post, { id: postId }, { scopeIds: commonScope(targets) });
  return targetsOf.size;
}

/** Subscribes rescopePostsOn to the tree's page-moved event: the tree does not know publishing. */
@Injectable()
export class PostRescopeOnPageMove implements OnModuleInit {
  constructor(private readonly pageMoved: PageMoved) {}

  onModuleInit(): void {
    this.pageMoved.subscribe(({ tx, movedPageIds, pages }) => rescopePostsOn(tx, movedPageIds, pages));
  }
}
