/**
 * Walking up the page tree. Generic over anything with an id and a parentId so the API can
 * pass its entities as they are.
 */
export interface TreeNode {
  id: string;
  parentId: string | null;
}

/**
 * The ancestors of page `id`, root first, the page itself excluded. Empty for a root page or an
 * id not among `pages`. Stops at a missing parent or a cycle instead of looping, so bad data
 * gives a short chain, never a hang.
 */
export function ancestorsOf<P extends TreeNode>(pages: readonly P[], id: string): P[] {
  const byId = new Map<string, P>();
  for (const page of pages) byId.set(page.id, page);
  const chain: P[] = [];
  const seen = new Set<string>([id]);
  let parentId = byId.get(id)?.parentId ?? null;
  while (parentId !== null && !seen.has(parentId)) {
    const parent = byId.get(parentId);
    if (!parent) break;
    chain.push(parent);
    seen.add(parentId);
    parentId = parent.parentId;
  }
  return chain.reverse();
}

/**
 * The scope of page `id` (DESIGN §2): its ancestors' ids, root first, then its own id.
 * A role granted at any of these pages reaches the page. Empty when `id` is not among `pages`:
 * for a page not stored yet, use `[...scopeIdsOf(pages, parentId), newId]`.
 */
export function scopeIdsOf<P extends TreeNode>(pages: readonly P[], id: string): string[] {
  if (!pages.some((page) => page.id === id)) return [];
  return [...ancestorsOf(pages, id).map((page) => page.id), id];
}

/**
 * True when `candidateAncestorId` is `id` itself or one of its ancestors: moving page
 * `candidateAncestorId` under `id` would then create a cycle.
 */
export function isSelfOrAncestor<P extends TreeNode>(pages: readonly P[], candidateAncestorId: string, id: string): boolean {
  return candidateAncestorId === id || ancestorsOf(pages, id).some((page) => page.id === candidateAncestorId);
}
