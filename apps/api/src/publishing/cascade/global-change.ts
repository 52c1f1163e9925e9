import { DEAD_CASCADE_STATES, globalChanged, textDiff, type DiffSegment } from '@pivot/domain';
import type { Post } from '../posts/post.entity';

/** The domain's dead states: such a child neither blocks cascading to its page again nor has a cell on the board. */
export const DEAD_CHILD_STATES = DEAD_CASCADE_STATES;

export interface GlobalChange {
  globalChanged: boolean;
  /** The global body then → now; null unless it changed. */
  diff: DiffSegment[] | null;
}

export const NO_GLOBAL_CHANGE: GlobalChange = { globalChanged: false, diff: null };

/**
 * Whether the global post moved on since this child localized it. The parent's version grows with
 * every transition too (submit, approve, withdraw), so a version past the localized one is not
 * enough on its own: the body must also differ from the one kept with the child. Otherwise a
 * global post merely sent for approval would flag every market with an empty diff. The body is
 * what markets translate; a change of the parent's link or media alone is not flagged.
 */
export function globalChangeOf(child: Pick<Post, 'parentVersionLocalized' | 'localizedParentBody'>, parent: Pick<Post, 'version' | 'body'> | null): GlobalChange {
  if (!parent || child.localizedParentBody === null) return NO_GLOBAL_CHANGE;
  if (!globalChanged(child.parentVersionLocalized, parent.version) || child.localizedParentBody === parent.body) return NO_GLOBAL_CHANGE;
  return { globalChanged: true, diff: textDiff(child.localizedParentBody, parent.body) };
}
