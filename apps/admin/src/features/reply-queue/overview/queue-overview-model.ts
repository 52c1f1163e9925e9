import type { QueueOverviewFieldsFragment } from '../../../gql/graphql';
import { waitedFor } from '../conversation-model';

export type OverviewRow = QueueOverviewFieldsFragment;

export interface MarketGroup {
  /** The market page's id; null for the brand-wide queues. */
  marketPageId: string | null;
  label: string;
  rows: OverviewRow[];
}

export const BRAND_WIDE = 'Brand-wide queues';

/**
 * Most urgent first: more breached, then more at risk, then the longest wait (a queue with
 * nothing waiting last), then by name so equal rows keep one order between renders.
 */
export function byUrgency(a: OverviewRow, b: OverviewRow): number {
  return (
    b.slaBreached - a.slaBreached ||
    b.slaAtRisk - a.slaAtRisk ||
    (a.oldestWaitingAt ? Date.parse(a.oldestWaitingAt) : Infinity) - (b.oldestWaitingAt ? Date.parse(b.oldestWaitingAt) : Infinity) ||
    a.queueName.localeCompare(b.queueName) ||
    a.queueId.localeCompare(b.queueId)
  );
}

/**
 * The rows grouped by market (brand-wide queues in a group of their own), each group sorted by
 * urgency, and the groups in the order of their most urgent queue.
 */
export function groupByMarket(rows: readonly OverviewRow[]): MarketGroup[] {
  const groups = new Map<string | null, MarketGroup>();
  for (const row of rows) {
    const key = row.marketPageId ?? null;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { marketPageId: key, label: key ? (row.marketName ?? key) : BRAND_WIDE, rows: [] }));
    group.rows.push(row);
  }
  const sorted = [...groups.values()].map((group) => ({ ...group, rows: [...group.rows].sort(byUrgency) }));
  return sorted.sort((a, b) => byUrgency(a.rows[0]!, b.rows[0]!) || a.label.localeCompare(b.label));
}

/** "just now", "12 min ago", "2 h 5 min ago": how long the oldest has waited, for the overview. */
export function waitingAge(since: string | null | undefined, now: number): string {
  if (!since) return '—';
  if (now - Date.parse(since) < 60_000) return 'just now';
  return `${waitedFor(since, now)} ago`;
}

/** The line above the table: how many queues, and what waits and is late across them. */
export function overviewTotals(rows: readonly OverviewRow[]): { queues: number; waiting: number; breached: number; atRisk: number } {
  return rows.reduce((sum, row) => ({ queues: sum.queues + 1, waiting: sum.waiting + row.waiting, breached: sum.breached + row.slaBreached, atRisk: sum.atRisk + row.slaAtRisk }), {
    queues: 0,
    waiting: 0,
    breached: 0,
    atRisk: 0,
  });
}

export type Urgency = 'breached' | 'at-risk' | 'ok';

export function urgencyOf(row: Pick<OverviewRow, 'slaBreached' | 'slaAtRisk'>): Urgency {
  return row.slaBreached > 0 ? 'breached' : row.slaAtRisk > 0 ? 'at-risk' : 'ok';
}

interface Edge {
  __typename?: 'QueueOverviewEdge';
  cursor: string;
  node: OverviewRow;
}

/**
 * The cached edges after a row arrived from the stream: the queue's row replaced where it is,
 * or added when the queue is new to the list (created since it was read). Same array when the
 * queue is listed: the cache already merged the row by its queueId.
 */
export function receiveOverviewRow<E extends Edge>(edges: E[], row: OverviewRow): Edge[] {
  if (edges.some((edge) => edge.node.queueId === row.queueId)) return edges;
  return [...edges, { __typename: 'QueueOverviewEdge', cursor: '', node: row }];
}
