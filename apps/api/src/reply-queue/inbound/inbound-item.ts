import type { FieldProblem } from '../../errors/app-error';

export const INBOUND_ITEM_KINDS = ['COMMENT', 'REPLY', 'MESSAGE'] as const;
export type InboundItemKind = (typeof INBOUND_ITEM_KINDS)[number];
export type InboundItemSource = 'WEBHOOK' | 'IMPORT';
/** RECEIVED: stored, not seen by the router yet; ROUTED: its conversation was routed (or reopened) for it. */
export type InboundItemStatus = 'RECEIVED' | 'ROUTED';

/** An item as every source (webhook, import) hands it to the ingest, before its page is known. */
export interface IncomingItem {
  externalId: string;
  /** The network's id of the page the item was written on: matched against Page.externalId. */
  pageExternalId: string;
  kind: InboundItemKind;
  /** The post a comment or reply sits under, or the message thread: with the author, it groups items into a conversation. */
  threadId: string;
  parentExternalId: string | null;
  authorId: string;
  authorName: string | null;
  text: string;
  language: string | null;
  occurredAt: Date;
}

/** The length of the id and name columns. */
export const ID_MAX = 200;
export const TEXT_MAX = 20_000;

/** What is wrong with one item, fields named `items.<index>.<field>` as a form would show them. */
export function incomingItemProblems(item: IncomingItem, index: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const at = (field: string, message: string) => problems.push({ field: `items.${index}.${field}`, message });
  for (const field of ['externalId', 'pageExternalId', 'threadId', 'authorId'] as const) {
    const value = item[field];
    if (!value?.trim()) at(field, 'is required');
    else if (value.length > ID_MAX) at(field, `is longer than ${ID_MAX} characters`);
  }
  if (!(INBOUND_ITEM_KINDS as readonly string[]).includes(item.kind)) at('kind', `must be one of ${INBOUND_ITEM_KINDS.join(', ')}`);
  if (item.parentExternalId && item.parentExternalId.length > ID_MAX) at('parentExternalId', `is longer than ${ID_MAX} characters`);
  if (item.authorName && item.authorName.length > ID_MAX) at('authorName', `is longer than ${ID_MAX} characters`);
  if (item.text.length > TEXT_MAX) at('text', `is longer than ${TEXT_MAX} characters`);
  if (item.language && item.language.length > 35) at('language', 'is longer than 35 characters');
  if (!(item.occurredAt instanceof Date) || Number.isNaN(item.occurredAt.getTime())) at('occurredAt', 'is not a date');
  return problems;
}
