/**
 * The cascade rollout board (DESIGN §5): one column per market for a global post, read from the
 * market's localized child post, plus "global changed" when the parent moved on after the market
 * localized it, with a word diff of what changed.
 */
import type { PostState } from './post-state';

export const ROLLOUT_STATES = ['NOT_STARTED', 'LOCALIZING', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'PUBLISHED', 'FAILED'] as const;
export type RolloutState = (typeof ROLLOUT_STATES)[number];

/**
 * Every post state's column. REJECTED and ARCHIVED children count as NOT_STARTED: the market has
 * no live localization and has to start one again; the board still shows the child's own state.
 */
export const ROLLOUT_STATE_OF_POST: Readonly<Record<PostState, RolloutState>> = {
  DRAFT: 'LOCALIZING',
  CHANGES_REQUESTED: 'LOCALIZING',
  IN_REVIEW: 'IN_REVIEW',
  APPROVED: 'APPROVED',
  SCHEDULED: 'SCHEDULED',
  PUBLISHED: 'PUBLISHED',
  FAILED: 'FAILED',
  REJECTED: 'NOT_STARTED',
  ARCHIVED: 'NOT_STARTED',
};

/** The market's column, from its localized child post (null when the market has none yet). */
export function rolloutStateOf(child: { state: PostState } | null): RolloutState {
  return child === null ? 'NOT_STARTED' : ROLLOUT_STATE_OF_POST[child.state];
}

/**
 * True when the global post changed after the market localized it: the market may want to
 * carry the change over. False when the market has not localized it yet (nothing to compare).
 */
export function globalChanged(parentVersionLocalized: number | null, parentCurrentVersion: number): boolean {
  return parentVersionLocalized !== null && parentCurrentVersion > parentVersionLocalized;
}

export interface DiffSegment {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

// Beyond this many token pairs the LCS table would cost too much memory for a live screen; a
// whole replacement is still a correct (if blunt) diff.
const MAX_LCS_CELLS = 4_000_000;

/** Words and the whitespace between them, so joining the tokens gives back the text exactly. */
function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/gu) ?? [];
}

/**
 * A word-level diff of `before` → `after` by longest common subsequence. Joining the `equal` and
 * `delete` segments gives `before`; the `equal` and `insert` ones give `after`. Where both
 * change, the deletion comes first. Adjacent segments of one kind are merged.
 */
export function textDiff(before: string, after: string): DiffSegment[] {
  const a = tokens(before);
  const b = tokens(after);
  if ((a.length + 1) * (b.length + 1) > MAX_LCS_CELLS) {
    return merge([...a.map((text) => ({ op: 'delete' as const, text })), ...b.map((text) => ({ op: 'insert' as const, text }))]);
  }
  // lcs[i][j]: length of the LCS of a[i..] and b[j..], filled from the end so the walk goes forward.
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const segments: DiffSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      segments.push({ op: 'equal', text: a[i++]! });
      j++;
    } else if (j >= b.length || (i < a.length && lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
      segments.push({ op: 'delete', text: a[i++]! });
    } else {
      segments.push({ op: 'insert', text: b[j++]! });
    }
  }
  return merge(segments);
}

/** Merges runs of one op, and puts a changed region's deletions before its insertions. */
function merge(segments: readonly DiffSegment[]): DiffSegment[] {
  const merged: DiffSegment[] = [];
  let pendingDelete = '';
  let pendingInsert = '';
  const flush = () => {
    if (pendingDelete) merged.push({ op: 'delete', text: pendingDelete });
    if (pendingInsert) merged.push({ op: 'insert', text: pendingInsert });
    pendingDelete = '';
    pendingInsert = '';
  };
  for (const segment of segments) {
    if (segment.op === 'delete') pendingDelete += segment.text;
    else if (segment.op === 'insert') pendingInsert += segment.text;
    else {
      flush();
      const last = merged[merged.length - 1];
      if (last?.op === 'equal') last.text += segment.text;
      else merged.push({ ...segment });
    }
  }
  flush();
  return merged;
}

export interface MarketRollout {
  state: RolloutState;
  globalChanged: boolean;
  /** What changed in the global body since the market localized it; null when it has not changed. */
  diff: DiffSegment[] | null;
}

/**
 * One market's cell on the board. `localizedParentBody` is the parent's body at the version the
 * market localized (the API keeps it with the child) — the diff is global-then vs global-now.
 */
export function marketRollout(
  child: { state: PostState; parentVersionLocalized: number | null } | null,
  parent: { version: number; body: string },
  localizedParentBody: string | null,
): MarketRollout {
  const changed = child !== null && globalChanged(child.parentVersionLocalized, parent.version);
  return {
    state: rolloutStateOf(child),
    globalChanged: changed,
    diff: changed && localizedParentBody !== null ? textDiff(localizedParentBody, parent.body) : null,
  };
}
