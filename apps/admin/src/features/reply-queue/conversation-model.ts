import { asSubject, type PageKind, type PivotAbility } from '@pivot/domain';
import { currentHolder } from './workspace/workspace-model';
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

/**
 * The list's edges after a claim change brought `changed` (its fields already merged into the
 * cache by id): one the filter no longer shows leaves; one it now shows (released, lapsed) comes
 * back where its latest activity puts it, unless that is past the loaded pages.
 * Returns the same array when nothing changes.
 */
export function followClaim<E extends Edge>(edges: E[], changed: ConversationNode, states: readonly ConversationState[], hasMore: boolean): Edge[] {
  const shown = states.length === 0 || states.includes(changed.state);
  const index = edges.findIndex((edge) => edge.node.id === changed.id);
  if (!shown) return index < 0 ? edges : edges.filter((_, at) => at !== index);
  if (index >= 0) return edges;
  const at = edges.findIndex((edge) => Date.parse(edge.node.lastItemAt) < Date.parse(changed.lastItemAt));
  if (at < 0 && hasMore) return edges;
  const edge: Edge = { __typename: 'ConversationEdge', cursor: '', node: changed };
  return at < 0 ? [...edges, edge] : [...edges.slice(0, at), edge, ...edges.slice(at)];
}

/** "Held by Margot" for each conversation whose lease holds now; a lapsed lease holds nobody. */
export function holdersOf(conversations: readonly ConversationNode[], names: ReadonlyMap<string, string>, now: number): Map<string, string> {
  const holders = new Map<string, string>();
  for (const conversation of conversations) {
    const holder = currentHolder(conversation, now);
    if (holder) holders.set(conversation.id, `Held by ${names.get(holder) ?? 'another moderator'}`);
  }
  return holders;
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

/**
 * The pages a reply-queue screen offers for `action` on `subject` (the conversations filter, the
 * scope of a new queue, rule or canned response): active ones, segments aside, where the user may.
 */
export function scopeOptions(pages: readonly ScopedPage[], ability: PivotAbility, action: string, subject: 'Conversation' | 'ReplyQueue' | 'RoutingRule' | 'CannedResponse'): { value: string; label: string }[] {
  return pages
    .filter((page) => page.status === 'ACTIVE' && page.kind !== 'SEGMENT')
    .filter((page) => ability.can(action, asSubject(subject, { brandId: page.brandId, scopeIds: [...page.scopeIds] })))
    .map((page) => ({ value: page.id, label: `${page.name} (${page.kind.toLowerCase()})` }));
}

/** The pages the filter offers: those under which the user may read conversations. */
export const pageFilterOptions = (pages: readonly ScopedPage[], ability: PivotAbility) => scopeOptions(pages, ability, 'read', 'Conversation');
