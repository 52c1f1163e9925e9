import { randomUUID } from 'node:crypto';
import { approvalPath, approvalTargetsOf, checkDraft, type BrandGuardrails, type TreePage } from '@pivot/domain';
import type { EntityManager } from 'typeorm';
import { User } from '../../auth/user.entity';
import { Brand } from '../../hierarchy/brand.entity';
import { pendingColumns, NOTHING_PENDING } from '../../publishing/review/approval-progress';
import { ApprovalPolicyEntity } from '../../publishing/rules/approval-policy.entity';
import { PostEventEntity } from '../../publishing/posts/post-event.entity';
import { PostTarget } from '../../publishing/posts/post-target.entity';
import { Post } from '../../publishing/posts/post.entity';
import { DEFAULT_APPROVAL_POLICY } from '../../publishing/rules/publishing-rules.service';
import { seedCascade } from './seed-cascade';

export const DEMO_GUARDRAILS: BrandGuardrails = {
  bannedTerms: ['guaranteed', 'free money'],
  requiredHashtags: ['northwind'],
  missingHashtagSeverity: 'warning',
  allowedLinkDomains: ['northwind.example'],
};

/** What the FR team is working on: a draft, one waiting for its manager, one on a segment page. */
const DEMO_POSTS = [
  { author: 'fr.publisher@northwind.example', target: 'FR', body: 'Nos nouveautés de printemps arrivent bientôt. #northwind', state: 'DRAFT' },
  { author: 'fr.publisher@northwind.example', target: 'FR', body: 'Portes ouvertes à Lyon ce samedi ! https://northwind.example/lyon #northwind', state: 'IN_REVIEW' },
  { author: 'fr.manager@northwind.example', target: 'FR-consumer', body: 'Trois idées pour bien démarrer la semaine. #northwind', state: 'DRAFT' },
] as const;

/** The brand's guardrails and default approval policy, a few FR posts, and a global post cascaded to three markets. */
export async function seedPublishing(tx: EntityManager, brand: Brand, tree: TreePage[], scopeIdsOf: (id: string) => string[]): Promise<void> {
  await tx.update(Brand, { id: brand.id }, { guardrails: DEMO_GUARDRAILS });
  await tx.insert(ApprovalPolicyEntity, { id: randomUUID(), brandId: brand.id, country: null, steps: DEFAULT_APPROVAL_POLICY.steps, version: 1 });
  const fr = tree.find((page) => page.kind === 'MARKET' && page.country === 'FR')!;
  const pageOf = (target: string) => (target === 'FR' ? fr : tree.find((page) => page.parentId === fr.id && page.segment === 'consumer')!);
  let minute = 0;
  for (const demo of DEMO_POSTS) {
    const author = await tx.findOneByOrFail(User, { email: demo.author });
    const page = pageOf(demo.target);
    const submitted = demo.state === 'IN_REVIEW';
    const underApproval = { brandId: brand.id, authorId: author.id, targets: approvalTargetsOf(tree, [page.id]) };
    const report = checkDraft({ body: demo.body }, { guardrails: DEMO_GUARDRAILS, networks: [page.network] });
    const path = submitted ? approvalPath(underApproval, DEFAULT_APPROVAL_POLICY, { guardrailIssues: report.issues }) : null;
    const createdAt = new Date(Date.UTC(2026, 0, 5, 9, minute++));
    const post = tx.create(Post, {
      id: randomUUID(),
      brandId: brand.id,
      scopeIds: scopeIdsOf(page.id),
      body: demo.body,
      link: null,
      media: [],
      locale: 'fr-FR',
      publishAt: null,
      authorId: author.id,
      state: demo.state,
      version: submitted ? 2 : 1,
      parentPostId: null,
      parentVersionLocalized: null,
      reviewRound: submitted ? 1 : 0,
      submittedAt: submitted ? createdAt : null,
      submittedById: submitted ? author.id : null,
      approvalPath: path,
      ...(path ? pendingColumns(path, [], author.id) : NOTHING_PENDING),
      createdAt,
    });
    await tx.insert(Post, post as never);
    await tx.insert(PostTarget, { postId: post.id, pageId: page.id });
    const event = { postId: post.id, actorId: author.id, occurredAt: createdAt, stepId: null, reviewRound: null, comment: null };
    await tx.insert(PostEventEntity, { ...event, id: randomUUID(), kind: 'CREATED', fromState: null, toState: 'DRAFT', version: 1 });
    if (submitted) await tx.insert(PostEventEntity, { ...event, id: randomUUID(), kind: 'SUBMITTED', fromState: 'DRAFT', toState: 'IN_REVIEW', version: 2 });
  }
  await seedCascade(tx, brand, tree, scopeIdsOf);
}
