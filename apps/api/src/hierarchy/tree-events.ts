import type { EntityManager } from 'typeorm';

/** PostgreSQL channel on which a brand's tree changes are announced to every API instance. */
export const TREE_CHANGED_CHANNEL = 'pivot_tree_changed';

/** Sent inside the writing transaction: listeners hear it only if, and when, it commits. */
export async function announceTreeChanged(tx: EntityManager, brandId: string): Promise<void> {
  await tx.query('SELECT pg_notify($1, $2)', [TREE_CHANGED_CHANNEL, brandId]);
}
