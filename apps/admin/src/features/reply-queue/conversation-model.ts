import { asSubject, type PageKind, type PivotAbility } from '@pivot/domain';
import type { ConversationCountsQuery, ConversationFieldsFragment, ConversationState } from '../../gql/graphql';

export type ConversationNode = ConversationFieldsFragment;

/** The states in the order a queue moves through them, with the words the screen uses. */
export const STATE_LABELS: Record<ConversationState, string> = {
  OPEN: 'Open',
  ASSIGNED: 'Assigned',
  WAITING_CUSTOMER: 'Waiting for customer',
  SNOOZED: 'Snoozed',
  ESCALATED: 'Escalated',
  RESOLVED: 'Resolved',
};
export const STATES = Object.keys(STATE_LABELS) as ConversationState[];

export const STATE_COLORS: Record<ConversationState, string> = {
  OPEN: 'indigo',
  ASSIGNED: 'teal',
  WAITING_CUSTOMER: 'yellow',
  SNOOZED: 'gray',
  ESCALATED: 'red',
  RESOLVED: 'green',
};

/** The count query's aliases, per state. */
export function countsByState(data: ConversationCountsQuery): Record<ConversationState, number> {
  return {
    OPEN: data.open.totalCount,
    ASSIGNED: data.assigned.totalCount,
    WAITING_CUSTOMER: data.waitingCustomer.totalCount,
    SNOOZED: data.snoozed.totalCount,
    ESCALATED: data.escalated.totalCount,
    RESOLVED: data.resolved.totalCount,
  };
}

/** How many conversations the list's state filter covers (every state when none is picked). */
export function countOf(counts: Record<ConversationState, number>, states: readonly ConversationState[]): number {
  return (states.length ? states : STATES).reduce((sum, state) => sum + counts[state], 0);
}

type Waiting = Pick<ConversationNode, 'id' | 'authorId' | 'authorName' | 'firstItemAt'>;

/** The open conversation waiting longest for an answer: the one whose first item is oldest. */
export function oldestWaiting<T extends Waiting>(open: readonly T[]): T | null {
  let oldest: T | null = null;
  for (const conversation of open) if (!oldest || conversation.firstItemAt < oldest.firstItemAt) oldest = conversation;
  return oldest;
}

/** "3 min", "2 h 5 min", "4 d 3 h": how long since `since`, for the waiting time. */
export function waitedFor(since: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(since)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

interface Edge {
  __typename?: 'ConversationEdge';
  cursor: string;
  node: ConversationNode;
}

/**
 * The list's edges after `received` arrived from the stream: a conversation with a new item
 * has the latest activity, so it goes first (moved if it was in the list, added if it is new
 * and its state is one the list shows); one the filter no longer shows leaves the list.
 * Returns the same array when nothing changes.
 */
export function receiveConversation<E extends Edge>(edges: E[], received: ConversationNode, states: readonly ConversationState[]): Edge[] {
  const shown = states.length === 0 || states.includes(received.state);
  const index = edges.findIndex((edge) => edge.node.id === received.id);
  if (!shown) return index < 0 ? edges : edges.filter((_, at) => at !== index);
  // No cursor for the edge on top: its old one marks where it was, and "load more" goes on from
  // the last edge's cursor (the cache keeps the list's end cursor when the last one moves up).
  const edge: Edge = { __typename: 'ConversationEdge', cursor: '', node: received };
  return [edge, ...edges.filter((_, at) => at !== index)];
}

/** j/k (and the arrows) move the cursor in the list, clamped to it; -1 is "nothing picked yet". */
export function movedIndex(index: number, key: string, length: number): number | null {
  if (length === 0) return null;
  if (key === 'j' || key === 'ArrowDown') return Math.min(index + 1, length - 1);
  if (key === 'k' || key === 'ArrowUp') return Math.max(index - 1, 0);
  return null;
}

export interface ScopedPage {
  id: string;
  brandId: string;
  scopeIds: readonly string[];
  kind: PageKind;
  name: string;
  status: string;
}

/** The pages the filter offers: active ones (segments aside) under which the user may read conversations. */
export function pageFilterOptions(pages: readonly ScopedPage[], ability: PivotAbility): { value: string; label: string }[] {
  return pages
    .filter((page) => page.status === 'ACTIVE' && page.kind !== 'SEGMENT')
    .filter((page) => ability.can('read', asSubject('Conversation', { brandId: page.brandId, scopeIds: [...page.scopeIds] })))
    .map((page) => ({ value: page.id, label: `${page.name} (${page.kind.toLowerCase()})` }));
}
