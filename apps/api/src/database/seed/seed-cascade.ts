import { randomUUID } from 'node:crypto';
import type { TreePage } from '@pivot/domain';
import type { EntityManager } from 'typeorm';
import { User } from '../../auth/user.entity';
import type { Brand } from '../../hierarchy/brand.entity';
import { NOTHING_PENDING } from '../../publishing/review/approval-progress';
import { CascadeJob } from '../../publishing/cascade/cascade-job.entity';
import { PostEventEntity } from '../../publishing/posts/post-event.entity';
import { PostTarget } from '../../publishing/posts/post-target.entity';
import { Post } from '../../publishing/posts/post.entity';

const FIRST_BODY = 'Our spring collection lands on Monday. #northwind';
const BODY = 'Our spring collection lands on Friday, in stores and online. #northwind';

/**
 * A global post of the brand team's cascaded to three markets, for the rollout board: FR and DE
 * localize its current text; ES localized the first one, before the brand team changed the day,
 * so ES shows "global changed". As the cascade worker and an edit would have left it.
 */
export async function seedCascade(tx: EntityManager, brand: Brand, tree: TreePage[], scopeIdsOf: (id: string) => string[]): Promise<void> {
  const admin = await tx.findOneByOrFail(User, { email: 'admin@northwind.example' });
  const global = tree.find((page) => page.kind === 'GLOBAL')!;
  const markets = ['FR', 'DE', 'ES'].map((country) => tree.find((page) => page.kind === 'MARKET' && page.country === country)!);
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 4, 9, minute));
  const base = { brandId: brand.id, link: null, media: [], publishAt: null, authorId: admin.id, reviewRound: 0, submittedAt: null, approvalPath: null, ...NOTHING_PENDING };
  const parent = tx.create(Post, { ...base, id: randomUUID(), scopeIds: scopeIdsOf(global.id), body: BODY, locale: 'en', state: 'DRAFT', version: 2, parentPostId: null, parentVersionLocalized: null, localizedParentBody: null, createdAt: at(0) });
  await tx.insert(Post, parent as never);
  await tx.insert(PostTarget, { postId: parent.id, pageId: global.id });
  const event = { actorId: admin.id, stepId: null, reviewRound: null, comment: null };
  await tx.insert(PostEventEntity, [
    { ...event, id: randomUUID(), postId: parent.id, kind: 'CREATED', fromState: null, toState: 'DRAFT', version: 1, occurredAt: at(0) },
    { ...event, id: randomUUID(), postId: parent.id, kind: 'CASCADED', fromState: null, toState: null, version: 1, occurredAt: at(1), comment: 'Cascaded to 3 pages' },
    { ...event, id: randomUUID(), postId: parent.id, kind: 'EDITED', fromState: 'DRAFT', toState: 'DRAFT', version: 2, occurredAt: at(5) },
  ]);
  for (const market of markets) {
    // ES localized version 1; FR and DE have caught up with version 2 since.
    const localized = market.country === 'ES' ? { version: 1, body: FIRST_BODY } : { version: 2, body: BODY };
    const child = tx.create(Post, {
      ...base,
      id: randomUUID(),
      scopeIds: scopeIdsOf(market.id),
      body: localized.body,
      locale: market.languages[0] ?? 'en',
      state: 'DRAFT',
      version: localized.version,
      parentPostId: parent.id,
      parentVersionLocalized: localized.version,
      localizedParentBody: localized.body,
      createdAt: at(2),
    });
    await tx.insert(Post, child as never);
    await tx.insert(PostTarget, { postId: child.id, pageId: market.id });
    await tx.insert(PostEventEntity, { ...event, id: randomUUID(), postId: child.id, kind: 'CREATED_BY_CASCADE', fromState: null, toState: 'DRAFT', version: 1, occurredAt: at(2) });
    if (localized.version === 2) {
      await tx.insert(PostEventEntity, { ...event, id: randomUUID(), postId: child.id, kind: 'GLOBAL_ACKNOWLEDGED', fromState: 'DRAFT', toState: 'DRAFT', version: 2, occurredAt: at(6), comment: 'Global version 2 acknowledged' });
    }
  }
  await tx.insert(CascadeJob, {
    id: randomUUID(),
    postId: parent.id,
    createdById: admin.id,
    state: 'DONE',
    targetPageIds: markets.map((market) => market.id),
    total: 3,
    done: 3,
    failed: 0,
    errors: [],
    claimedBy: null,
    leaseUntil: null,
    createdAt: at(1),
    finishedAt: at(2),
  } as never);
}
