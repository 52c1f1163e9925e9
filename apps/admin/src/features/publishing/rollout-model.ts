import { asSubject, cascadeSourceProblem, cascadeTargetProblem, ROLLOUT_STATES, type PivotAbility, type RolloutState as RolloutStateName } from '@pivot/domain';

/** The rollout board's pure parts: labels, counts, order, diffs, the cascade job's progress and targets. */

export const ROLLOUT_LABELS: Record<RolloutStateName, string> = {
  NOT_STARTED: 'Not started',
  LOCALIZING: 'Localizing',
  IN_REVIEW: 'In review',
  APPROVED: 'Approved',
  SCHEDULED: 'Scheduled',
  PUBLISHED: 'Published',
  FAILED: 'Failed',
};

// The same colours as the post states they stand for (post-model's STATE_COLORS), grey for "not started".
export const ROLLOUT_COLORS: Record<RolloutStateName, string> = {
  NOT_STARTED: 'gray',
  LOCALIZING: 'yellow',
  IN_REVIEW: 'blue',
  APPROVED: 'teal',
  SCHEDULED: 'cyan',
  PUBLISHED: 'green',
  FAILED: 'red',
};

export interface BoardCell {
  state: RolloutStateName;
  globalChanged: boolean;
  market: { id: string; name: string; country?: string | null; network: string };
}

/** How many markets stand in each state, every state listed (zeros too), in the rollout's order. */
export function rolloutCounts(cells: readonly Pick<BoardCell, 'state'>[]): { state: RolloutStateName; count: number }[] {
  return ROLLOUT_STATES.map((state) => ({ state, count: cells.filter((cell) => cell.state === state).length }));
}

/**
 * The board's rows: markets that need a look first (a changed global post, a failure), then the
 * markets under way, the ones not started last; by country and name within each.
 */
export function boardOrder<T extends BoardCell>(cells: readonly T[]): T[] {
  const rank = (cell: BoardCell) => (cell.state === 'FAILED' || cell.globalChanged ? 0 : cell.state === 'NOT_STARTED' ? 2 : 1);
  const key = (cell: BoardCell) => `${cell.market.country ?? ''} ${cell.market.name} ${cell.market.network}`;
  return [...cells].sort((a, b) => rank(a) - rank(b) || key(a).localeCompare(key(b)) || a.market.id.localeCompare(b.market.id));
}

export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

/**
 * The diff as the screen renders it: neighbours with the same operation merged, empty parts
 * dropped, an unknown operation shown as unchanged text (the API's contract names three).
 */
export function diffParts(segments: readonly { op: string; text: string }[] | null | undefined): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const segment of segments ?? []) {
    if (segment.text === '') continue;
    const op: DiffOp = segment.op === 'insert' || segment.op === 'delete' ? segment.op : 'equal';
    const last = parts.at(-1);
    if (last && last.op === op) last.text += segment.text;
    else parts.push({ op, text: segment.text });
  }
  return parts;
}

/** A one-line summary of a diff: what was added and removed, in characters. */
export function diffSummary(parts: readonly DiffPart[]): string {
  const count = (op: DiffOp) => parts.filter((part) => part.op === op).reduce((sum, part) => sum + part.text.length, 0);
  const [added, removed] = [count('insert'), count('delete')];
  if (added === 0 && removed === 0) return 'no change in the text';
  return [added > 0 && `${added} characters added`, removed > 0 && `${removed} removed`].filter(Boolean).join(', ');
}

export interface JobView {
  state: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  total: number;
  done: number;
  failed: number;
}

/** Whether the job may still move (the dialog polls it every ~500 ms until then). */
export function jobRunning(job: Pick<JobView, 'state'> | null | undefined): boolean {
  return job?.state === 'QUEUED' || job?.state === 'RUNNING';
}

/** The progress bar: the share of target pages handled (made or failed), and the words under it. */
export function jobProgress(job: JobView): { percent: number; label: string } {
  const handled = Math.min(job.total, job.done + job.failed);
  const percent = job.total === 0 ? (jobRunning(job) ? 0 : 100) : Math.round((handled / job.total) * 100);
  const failures = job.failed > 0 ? `, ${job.failed} failed` : '';
  const label = job.state === 'QUEUED' ? 'Waiting for a worker…' : `${job.done} of ${job.total} markets localized${failures}`;
  return { percent, label };
}

/**
 * The pages a cascade targets: per chosen market, the segment pages picked under it, or the
 * market page itself when none is picked. Markets in the order chosen, without repeats.
 */
export function cascadeTargetIds(chosenMarketIds: readonly string[], segmentsByMarket: Readonly<Record<string, readonly string[]>>): string[] {
  const targets: string[] = [];
  for (const market of chosenMarketIds) {
    const segments = segmentsByMarket[market] ?? [];
    for (const id of segments.length > 0 ? segments : [market]) if (!targets.includes(id)) targets.push(id);
  }
  return targets;
}

export interface CascadeCandidatePost {
  id: string;
  brandId: string;
  scopeIds: readonly string[];
  authorId: string;
  state: string;
  parentPostId?: string | null;
  targets: readonly { id: string; kind: string }[];
}

/**
 * Whether the user is offered "Cascade to markets…": a live global post (on the global page, no
 * child itself) that the `cascade` rule lets them spread. The API checks all of it again.
 */
export function mayCascade(ability: PivotAbility, post: CascadeCandidatePost): boolean {
  if (cascadeSourceProblem(post)) return false;
  return ability.can('cascade', asSubject('Post', { id: post.id, brandId: post.brandId, scopeIds: [...post.scopeIds], authorId: post.authorId }));
}

export interface TreePage {
  id: string;
  kind: string;
  status: string;
  scopeIds: readonly string[];
  name: string;
  network: string;
}

/**
 * What a global post may be cascaded to (the domain's cascadeTargetProblem, as the API checks
 * each target): the active markets under its global pages, each with its active segment pages.
 */
export function cascadeChoices<P extends TreePage>(pages: readonly P[], globalPageIds: readonly string[]): { market: P; segments: P[] }[] {
  const context = { postPageIds: globalPageIds, marketIds: new Set(pages.filter((page) => page.kind === 'MARKET').map((page) => page.id)) };
  const eligible = pages.filter((page) => cascadeTargetProblem(page, context) === null);
  return eligible
    .filter((page) => page.kind === 'MARKET')
    .sort((a, b) => a.name.localeCompare(b.name) || a.network.localeCompare(b.network))
    .map((market) => ({ market, segments: eligible.filter((page) => page.kind === 'SEGMENT' && page.scopeIds.includes(market.id)).sort((a, b) => a.name.localeCompare(b.name)) }));
}
