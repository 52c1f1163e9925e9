/**
 * Who may take part in a cascade (DESIGN §5): which global post may be spread to markets, and
 * which pages it may be spread to. The API refuses the rest with BAD_USER_INPUT; the admin offers
 * only what passes. Whether the user may cascade at all is the ability's `cascade` rule.
 */

/**
 * A cascade child in one of these states is dead: it does not block cascading to its page again
 * and has no cell on the rollout board. A parent in one of them cannot be cascaded.
 */
export const DEAD_CASCADE_STATES = ['REJECTED', 'ARCHIVED'] as const;

export interface CascadeSource {
  /** Set when the post is itself a cascade child. */
  parentPostId?: string | null;
  state: string;
  /** The kinds of the pages the post goes out on. */
  targets: readonly { kind: string }[];
}

/** Why `post` cannot be cascaded (a message for its `postId`), or null when it can: live, on a global page, no child itself. */
export function cascadeSourceProblem(post: CascadeSource): string | null {
  if (post.parentPostId) return 'is a cascade child';
  if ((DEAD_CASCADE_STATES as readonly string[]).includes(post.state)) return `is ${post.state}`;
  if (!post.targets.some((page) => page.kind === 'GLOBAL')) return 'does not target the global page';
  return null;
}

export interface CascadeTargetPage {
  kind: string;
  status: string;
  /** Root first, the page itself last. */
  scopeIds: readonly string[];
}

export interface CascadeTargetContext {
  /** The pages the parent post goes out on: a target must be in the tree of one of them. */
  postPageIds: readonly string[];
  /** The MARKET pages a SEGMENT target may sit under (its ancestors that are markets are enough). */
  marketIds: ReadonlySet<string> | readonly string[];
}

/**
 * Why `page` cannot receive a cascade (a message to follow its id), or null when it can: an
 * active MARKET page, or an active SEGMENT page under a market, under a page the post goes out on.
 */
export function cascadeTargetProblem(page: CascadeTargetPage, context: CascadeTargetContext): string | null {
  const isMarket = (id: string) => ('has' in context.marketIds ? context.marketIds.has(id) : context.marketIds.includes(id));
  if (page.status !== 'ACTIVE') return 'is archived';
  if (!(page.kind === 'MARKET' || (page.kind === 'SEGMENT' && page.scopeIds.some(isMarket)))) return 'is neither a market page nor a segment page under a market';
  if (!page.scopeIds.some((id) => context.postPageIds.includes(id))) return 'is not under the global page the post goes out on';
  return null;
}
