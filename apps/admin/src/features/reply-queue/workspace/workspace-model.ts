import { CombinedGraphQLErrors } from '@apollo/client';
import { pickTemplate, renderCannedResponse, type CannedResponseContext, type CannedResponseVariant, type RenderedCannedResponse } from '@pivot/domain';

/**
 * The workspace's keyboard: single keys outside fields, Ctrl/⌘+Enter inside the reply box.
 * Listed once so the help panel and the handler cannot disagree.
 */
export const SHORTCUTS = [
  { key: 'n', label: 'Claim the next conversation' },
  { key: 'r', label: 'Focus the reply box' },
  { key: '/', label: 'Pick a canned response' },
  { key: 'i', label: 'Write an internal note' },
  { key: 'e', label: 'Escalate' },
  { key: 's', label: 'Snooze' },
  { key: 'x', label: 'Resolve' },
  { key: 'Ctrl+Enter', label: 'Send the reply (or the note) being written' },
  { key: 'Esc', label: 'Leave a field, drop the picked canned response' },
  { key: '?', label: 'Show or hide these shortcuts' },
] as const;

export type ShortcutAction = 'claim' | 'reply' | 'canned' | 'note' | 'escalate' | 'snooze' | 'resolve' | 'help';

const KEY_ACTIONS: Record<string, ShortcutAction> = {
  n: 'claim',
  r: 'reply',
  '/': 'canned',
  i: 'note',
  e: 'escalate',
  s: 'snooze',
  x: 'resolve',
  '?': 'help',
};

/** The action of a key pressed outside a field; null for keys the workspace leaves alone. */
export function shortcutOf(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>): ShortcutAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  return KEY_ACTIONS[event.key] ?? null;
}

/** The API's first name rule for placeholders (conversation-work.service): the first word of the name. */
export const firstNameOf = (name: string | null | undefined): string | null => name?.trim().split(/\s+/)[0] || null;

export interface PreviewInput {
  authorName: string | null;
  pageName: string;
  moderatorName: string;
}

/** The same context the API fills a canned response from, built from what the workspace has. */
export function cannedContextOf({ authorName, pageName, moderatorName }: PreviewInput): CannedResponseContext {
  return {
    author: { firstName: firstNameOf(authorName), name: authorName ?? '' },
    page: { name: pageName },
    moderator: { firstName: firstNameOf(moderatorName) },
  };
}

/**
 * The languages a variant is picked for, in the API's order: the one the moderator chose, the
 * conversation's, then the page's.
 */
export function replyLanguages(chosen: string | null, conversation: string | null, page: readonly string[]): string[] {
  return [chosen, conversation, ...page].filter((tag): tag is string => !!tag);
}

/** What would go out: the domain's renderCannedResponse, exactly as the API calls it. */
export function previewCanned(variants: readonly CannedResponseVariant[], input: PreviewInput, languages: readonly string[]): RenderedCannedResponse {
  return renderCannedResponse(variants, cannedContextOf(input), languages);
}

/** The variant the API would use, to show which language is picked before sending. */
export function pickedLanguage(variants: readonly CannedResponseVariant[], languages: readonly string[]): string | null {
  return pickTemplate(variants, languages)?.language ?? null;
}

export interface LeaseHolder {
  id: string;
  displayName: string;
}

/** FORBIDDEN to a non-holder carries who holds the conversation and until when. */
export function leaseRefusalOf(error: unknown): { holder: LeaseHolder; until: string | null } | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  for (const graphqlError of error.errors) {
    const holder = graphqlError.extensions?.leaseHolder as LeaseHolder | null | undefined;
    if (graphqlError.extensions?.code === 'FORBIDDEN' && holder && typeof holder.displayName === 'string') {
      const until = graphqlError.extensions?.leaseExpiresAt;
      return { holder, until: typeof until === 'string' ? until : null };
    }
  }
  return null;
}

const clock = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The line shown next to the action that failed. */
export function workErrorMessage(error: unknown): string {
  const refusal = leaseRefusalOf(error);
  if (refusal) return `Held by ${refusal.holder.displayName}${refusal.until ? ` until ${clock(refusal.until)}` : ''}.`;
  if (!CombinedGraphQLErrors.is(error)) return 'The API cannot be reached. Try again.';
  return error.errors
    .map((graphqlError) => {
      const fields = graphqlError.extensions?.fields;
      if (Array.isArray(fields) && fields.length) return fields.map((field: { message?: string }) => field.message).join('; ');
      return graphqlError.message;
    })
    .join(' ');
}

export interface Lease {
  assigneeId: string | null;
  leaseExpiresAt: string | null;
}

/** Who holds the conversation right now; null once the lease lapsed (anyone in the queue may claim it). */
export function currentHolder(lease: Lease, now: number): string | null {
  return lease.assigneeId && lease.leaseExpiresAt && Date.parse(lease.leaseExpiresAt) > now ? lease.assigneeId : null;
}

/** The conversations the moderator still holds, the open one left out ("Also held by you"). */
export function otherHeld<T extends Lease & { id: string }>(conversations: readonly T[], meId: string | undefined, now: number, openId: string | undefined): T[] {
  return meId ? conversations.filter((conversation) => currentHolder(conversation, now) === meId && conversation.id !== openId) : [];
}

/** "held by you until 10:42:05 (4 min left)", in the words of the lease panel. */
export function leaseLabel(lease: Lease, now: number, meId: string, names: ReadonlyMap<string, string>): string {
  const holder = currentHolder(lease, now);
  if (!holder) return lease.assigneeId ? 'Lease lapsed: claim it again to work on it' : 'Not claimed';
  const who = holder === meId ? 'you' : (names.get(holder) ?? 'another moderator');
  const left = Math.max(0, Math.round((Date.parse(lease.leaseExpiresAt!) - now) / 1000));
  const remaining = left >= 60 ? `${Math.floor(left / 60)} min left` : `${left} s left`;
  return `Held by ${who} until ${clock(lease.leaseExpiresAt!)} (${remaining})`;
}

/** Renewals while typing are spaced out: at most one per this many ms. */
export const RENEW_EVERY_MS = 20_000;

/** Whether activity now should renew the lease, given the last renewal. */
export function renewDue(lastRenewedAt: number, now: number): boolean {
  return now - lastRenewedAt >= RENEW_EVERY_MS;
}

/** The snooze choices, from now. */
export const SNOOZE_CHOICES = [
  { label: '1 hour', ms: 60 * 60_000 },
  { label: '4 hours', ms: 4 * 60 * 60_000 },
  { label: 'Tomorrow', ms: 24 * 60 * 60_000 },
] as const;

/**
 * The picker's options, grouped by where each canned response is defined (the page's own, its
 * market's, a region's, the brand's global page): a brand-wide answer reads as the brand's.
 */
export function cannedGroups(responses: readonly { id: string; name: string; scopePage?: { name: string } | null }[]): { group: string; items: { value: string; label: string }[] }[] {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const response of responses) {
    const origin = response.scopePage?.name ?? 'Elsewhere';
    if (!groups.has(origin)) groups.set(origin, []);
    groups.get(origin)!.push({ value: response.id, label: response.name });
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}
