import { AppError } from '../../errors/app-error';
import { ID_MAX, type IncomingItem } from './inbound-item';

export interface ParsedDelivery {
  items: IncomingItem[];
  /** Events that are not new comments, replies or messages (edits, reactions, echoes of our own messages…) or that lack an id. */
  ignored: number;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : typeof value === 'number' ? String(value) : null);

/**
 * A Graph API page webhook delivery (`{ object: "page", entry: [...] }`) as incoming items:
 * `changes` of field `feed` with item `comment` and verb `add` (a comment on a post, or a reply
 * to a comment), and `messaging` events with a message. A malformed envelope is refused; a
 * malformed or uninteresting event is skipped and counted, so one odd event does not make the
 * network redeliver the whole batch for ever.
 */
export function parseFacebookDelivery(body: unknown): ParsedDelivery {
  if (!isObject(body) || body.object !== 'page' || !Array.isArray(body.entry)) {
    throw AppError.badInput('Expected a page webhook delivery: { object: "page", entry: [...] }');
  }
  const items: IncomingItem[] = [];
  let ignored = 0;
  for (const entry of body.entry) {
    const pageExternalId = isObject(entry) ? text(entry.id) : null;
    if (!isObject(entry) || !pageExternalId) {
      ignored++;
      continue;
    }
    for (const change of Array.isArray(entry.changes) ? entry.changes : []) {
      const item = storable(isObject(change) && change.field === 'feed' && isObject(change.value) ? commentOf(pageExternalId, change.value) : null);
      if (item) items.push(item);
      else ignored++;
    }
    for (const event of Array.isArray(entry.messaging) ? entry.messaging : []) {
      const item = storable(isObject(event) ? messageOf(pageExternalId, event) : null);
      if (item) items.push(item);
      else ignored++;
    }
  }
  return { items, ignored };
}

function commentOf(pageExternalId: string, value: Json): IncomingItem | null {
  if (value.item !== 'comment' || value.verb !== 'add') return null;
  const from = isObject(value.from) ? value.from : {};
  const externalId = text(value.comment_id);
  const postId = text(value.post_id);
  const authorId = text(from.id);
  if (!externalId || !postId || !authorId) return null;
  // A top-level comment's parent is the post itself; a reply's is the comment it answers.
  const parentId = text(value.parent_id);
  const isReply = !!parentId && parentId !== postId;
  return {
    externalId,
    pageExternalId,
    kind: isReply ? 'REPLY' : 'COMMENT',
    threadId: postId,
    parentExternalId: isReply ? parentId : null,
    authorId,
    authorName: text(from.name),
    text: typeof value.message === 'string' ? value.message : '',
    language: null,
    occurredAt: timeOf(value.created_time),
  };
}

function messageOf(pageExternalId: string, event: Json): IncomingItem | null {
  const message = isObject(event.message) ? event.message : null;
  const sender = isObject(event.sender) ? text(event.sender.id) : null;
  const externalId = message ? text(message.mid) : null;
  // Echoes are the page's own messages, sent through us or another tool: not inbound.
  if (!message || message.is_echo === true || !sender || !externalId || sender === pageExternalId) return null;
  return {
    externalId,
    pageExternalId,
    kind: 'MESSAGE',
    // One Messenger thread per person and page; prefixed so it never collides with a post id.
    threadId: `messages:${sender}`,
    parentExternalId: null,
    authorId: sender,
    authorName: null,
    text: typeof message.text === 'string' ? message.text : '',
    language: null,
    occurredAt: timeOf(event.timestamp),
  };
}

/** PostgreSQL text cannot hold U+0000: one such comment failed the whole batch, redelivery after redelivery. */
const NUL = /\u0000/g;

/**
 * An id longer than its column, or holding a NUL, cannot be stored, and cut it would merge
 * distinct items: the event is skipped like a malformed one rather than failing the whole batch.
 * A NUL in the text or the name is removed, and a long display name only cut (to characters,
 * as PostgreSQL counts them): the comment is kept.
 */
function storable(item: IncomingItem | null): IncomingItem | null {
  if (!item) return null;
  const ids = [item.externalId, item.pageExternalId, item.threadId, item.authorId, item.parentExternalId ?? ''];
  if (ids.some((id) => id.length > ID_MAX || id.includes('\u0000'))) return null;
  const authorName = item.authorName?.replace(NUL, '') || null;
  return {
    ...item,
    text: item.text.replace(NUL, ''),
    authorName: authorName && authorName.length > ID_MAX ? [...authorName].slice(0, ID_MAX).join('') : authorName,
  };
}

/** Feed changes carry seconds since the epoch, messaging events milliseconds; either may be missing. */
function timeOf(value: unknown): Date {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value < 1e11 ? value * 1000 : value);
  if (typeof value === 'string') {
    const parsed = new Date(value);
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }
  return new Date();
}
