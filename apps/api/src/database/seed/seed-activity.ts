import type { MarketAlias, TreePage } from '@pivot/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { ConversationMetricsService } from '../../conversation-metrics/conversation-metrics.service';
import type { ReplyQueue } from '../../reply-queue/queues/reply-queue.entity';
import { seedConversations } from './seed-conversations';
import { seedPageMetrics, seedPivotDemand } from './seed-insights';

export interface DemoActivityInput {
  brandId: string;
  tree: TreePage[];
  queues: ReplyQueue[];
  aliases: MarketAlias[];
  /** Demo user ids by email. */
  userIds: Map<string, string>;
  now: Date;
}

/** Who answers: FR's moderator most, FR's manager sometimes; ES's manager in Spain; the brand admin everywhere else. */
const RESPONDERS: Record<string, string[]> = {
  FR: ['fr.moderator@northwind.example', 'fr.moderator@northwind.example', 'fr.moderator@northwind.example', 'fr.manager@northwind.example'],
  ES: ['es.manager@northwind.example'],
};
const EVERYWHERE_ELSE = ['admin@northwind.example'];

/** What insights show on first start: the demo period's page metrics, pivot demand and conversations. */
export async function seedActivity(tx: EntityManager, input: DemoActivityInput): Promise<void> {
  const { brandId, tree, now } = input;
  await seedPageMetrics(tx, brandId, tree, now);
  await seedPivotDemand(tx, brandId, tree, input.aliases, now);
  const countryOf = new Map(tree.map((page) => [page.id, page.country]));
  await seedConversations(tx, {
    brandId,
    tree,
    queues: input.queues,
    respondersOf: (queue) => (RESPONDERS[countryOf.get(queue.scopePageId) ?? ''] ?? EVERYWHERE_ELSE).map((email) => input.userIds.get(email)!),
    now,
  });
}

/**
 * Fills the conversation rollups from the seeded rows with the rollup job's own service, run by
 * run until nothing is left, so the rollups are exactly what the job would have made.
 */
export async function fillConversationRollups(dataSource: DataSource, now: Date): Promise<void> {
  const rollups = new ConversationMetricsService(dataSource, new AuditService());
  // The job's own bound on runs; the demo needs one or two.
  for (let run = 0; run < 50; run++) if (!(await rollups.runOnce(now)).more) return;
}
