import { randomUUID } from 'node:crypto';
import { primaryLanguageSubtag, scopeIdsOf, type TreePage } from '@pivot/domain';
import type { EntityManager } from 'typeorm';
import type { ReplyQueue } from '../../reply-queue/queues/reply-queue.entity';
import { policyOf } from '../../reply-queue/routing/router.service';
import { insertJsonRows } from './bulk-insert';
import { conversationTimeline, type TimelineEvent } from './conversation-timeline';
import { demoPeriod } from './seed-insights';
import { between, pick, seededRandom, type Random } from './seed-random';

/** About how many conversations the demo's DEMO_DAYS hold, spread over the pages by their weight. */
export const DEMO_CONVERSATIONS = 3_000;

/** Busier markets talk more; FR, the demo's own team, most. */
const MARKET_WEIGHT: Record<string, number> = { FR: 5, US: 3, GB: 2.5, DE: 2.5, ES: 2, IT: 2, BR: 2, JP: 2, IN: 2 };
/** Conversations still waiting for a first answer at the end, per market page (its segment pages: a third, rounded down). */
const WAITING: Record<string, number> = { FR: 9 };

const TEXTS: Record<string, string[]> = {
  fr: ["Bonjour, ma commande n'est toujours pas arrivée.", 'Est-ce que vous livrez en Corse ?', 'Le code promo ne fonctionne pas.', 'Merci pour votre aide !', 'Peut-on échanger un article acheté en magasin ?', 'Votre service client ne répond pas au téléphone.'],
  de: ['Meine Bestellung ist noch nicht angekommen.', 'Gibt es das auch in Blau?', 'Danke für die schnelle Hilfe!', 'Der Gutscheincode funktioniert nicht.'],
  es: ['Mi pedido todavía no ha llegado.', '¿Hacéis envíos a Canarias?', '¡Gracias por la ayuda!', 'El código de descuento no funciona.'],
  en: ["My order hasn't arrived yet.", 'Do you ship to my country?', 'Thanks for the quick help!', "The promo code doesn't work.", 'Can I return something I bought in store?', 'When does the new range come out?'],
};
const REPLIES: Record<string, string> = {
  fr: 'Bonjour, merci pour votre message ! Nous regardons cela et revenons vers vous très vite.',
  de: 'Hallo, danke für Ihre Nachricht! Wir kümmern uns darum und melden uns gleich.',
  es: '¡Hola, gracias por tu mensaje! Lo revisamos y te respondemos enseguida.',
  en: 'Hi, thanks for your message! We are looking into it and will get back to you shortly.',
};
const FIRST_NAMES = ['Camille', 'Lucas', 'Emma', 'Noah', 'Léa', 'Hugo', 'Sofia', 'Liam', 'Mia', 'Jonas', 'Chloé', 'Mateo', 'Anna', 'Yuki', 'Priya', 'Omar'];
const LAST_INITIALS = 'ABCDEFGHJKLMNPRSTVW';

export interface DemoConversationsInput {
  brandId: string;
  tree: TreePage[];
  queues: ReplyQueue[];
  /** Who answers a queue's conversations (repeated ids answer more often). */
  respondersOf: (queue: ReplyQueue) => string[];
  now: Date;
}

interface Planned {
  page: TreePage;
  queue: ReplyQueue;
  count: number;
  waiting: number;
}

const handleOf = (page: TreePage) => page.url.slice(page.url.lastIndexOf('/') + 1);

/**
 * About DEMO_CONVERSATIONS conversations over the demo period on the global, market and segment
 * pages, each in its market's queue (the global page's in the global one): inbound items, the
 * audit entries the reply queues write (route, claim, reply, resolve, reopen), the conversations
 * as they stand now. The last few of some pages (FR's most) still wait for a first answer.
 * Deterministic: a page's conversations come from a generator seeded by its handle.
 */
export async function seedConversations(tx: EntityManager, input: DemoConversationsInput): Promise<{ conversations: number; items: number; events: number }> {
  const plan = planPages(input);
  const { from } = demoPeriod(input.now);
  const periodStart = Date.parse(`${from}T00:00:00Z`);
  const cutoff = new Date(input.now.getTime() - 60_000);
  const conversations: Record<string, unknown>[] = [];
  const items: Record<string, unknown>[] = [];
  const events: Array<TimelineEvent & { subjectId: string; scopeIds: string[] }> = [];

  for (const { page, queue, count, waiting } of plan) {
    const random = seededRandom(`conversations:${handleOf(page)}`);
    const language = primaryLanguageSubtag(page.languages[0] ?? 'en');
    const texts = TEXTS[language] ?? TEXTS.en!;
    const policy = policyOf(queue);
    const responders = input.respondersOf(queue);
    const authors = Math.max(1, Math.round(count * 0.65));
    const scopeIds = scopeIdsOf(input.tree, page.id);
    for (let n = 0; n < count; n++) {
      const isWaiting = n >= count - waiting;
      const start = isWaiting
        ? new Date(cutoff.getTime() - between(random, 10, 30 * 60) * 60_000)
        : startTime(random, periodStart, cutoff.getTime() - 2 * 3_600_000, queue.timeZone);
      const timeline = conversationTimeline(start, {
        random,
        queueId: queue.id,
        policy,
        responders,
        replyText: REPLIES[language] ?? REPLIES.en!,
        cutoff,
        waiting: isWaiting,
      });
      // Some authors write in several conversations (a few authors, most often).
      const author = Math.floor(random() ** 1.6 * authors);
      const authorId = `demo-${handleOf(page)}-${author}`;
      const authorName = `${FIRST_NAMES[author % FIRST_NAMES.length]} ${LAST_INITIALS[(author * 7) % LAST_INITIALS.length]}.`;
      const message = random() < 0.3;
      const id = randomUUID();
      const threadId = `${message ? 'thread' : 'post'}-${handleOf(page)}-${n}`;
      const first = timeline.items[0]!;
      const last = timeline.items[timeline.items.length - 1]!;
      conversations.push({
        id,
        network: page.network,
        brand_id: input.brandId,
        page_id: page.id,
        scope_ids: scopeIds,
        thread_id: threadId,
        author_id: authorId,
        author_name: authorName,
        state: timeline.state,
        queue_id: queue.id,
        routed_at: timeline.events[0]!.at,
        language,
        response_due_at: timeline.responseDueAt,
        first_responded_at: timeline.firstRespondedAt,
        last_responded_at: timeline.lastRespondedAt,
        item_count: timeline.items.length,
        first_item_at: first,
        last_item_at: last,
        created_at: new Date(first.getTime() + 1_000),
        updated_at: timeline.lastChangeAt,
      });
      timeline.items.forEach((at, index) => {
        const externalId = `${threadId}-${index}`;
        items.push({
          id: randomUUID(),
          network: page.network,
          external_id: externalId,
          brand_id: input.brandId,
          page_id: page.id,
          scope_ids: scopeIds,
          conversation_id: id,
          kind: message ? 'MESSAGE' : index === 0 ? 'COMMENT' : 'REPLY',
          thread_id: threadId,
          parent_external_id: message || index === 0 ? null : `${threadId}-0`,
          author_id: authorId,
          author_name: authorName,
          text: pick(random, texts),
          language,
          occurred_at: at,
          source: 'IMPORT',
          status: 'ROUTED',
        });
      });
      for (const event of timeline.events) events.push({ ...event, subjectId: id, scopeIds });
    }
  }

  await insertJsonRows(tx, 'conversations', CONVERSATION_COLUMNS, conversations);
  await insertJsonRows(tx, 'inbound_items', ITEM_COLUMNS, items);
  // In time order, so the audit log's sequence follows the story (the rollups read events by seq).
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  await insertJsonRows(
    tx,
    'audit_entries',
    AUDIT_COLUMNS,
    events.map((event) => ({
      id: randomUUID(),
      occurred_at: event.at,
      actor_id: event.actorId,
      action: event.action,
      subject_type: 'Conversation',
      subject_id: event.subjectId,
      brand_id: input.brandId,
      scope_ids: event.scopeIds,
      changes: event.changes,
    })),
  );
  return { conversations: conversations.length, items: items.length, events: events.length };
}

/** The pages that converse, their queue and how many conversations each gets. */
function planPages({ tree, queues }: DemoConversationsInput): Planned[] {
  const byId = new Map(tree.map((page) => [page.id, page]));
  const queueOf = (page: TreePage): ReplyQueue | undefined => {
    for (let at: TreePage | undefined = page; at; at = at.parentId ? byId.get(at.parentId) : undefined) {
      const queue = queues.find((q) => q.scopePageId === at!.id);
      if (queue) return queue;
    }
    return undefined;
  };
  const marketOf = (page: TreePage) => (page.kind === 'SEGMENT' ? byId.get(page.parentId!)! : page);
  const talking = tree.filter((page) => page.status === 'ACTIVE' && (page.kind === 'GLOBAL' || page.kind === 'MARKET' || page.kind === 'SEGMENT'));
  const weightOf = (page: TreePage) => {
    if (page.kind === 'GLOBAL') return 3;
    const market = MARKET_WEIGHT[marketOf(page).country!] ?? 1;
    return page.kind === 'SEGMENT' ? market * 0.35 : market;
  };
  const total = talking.reduce((sum, page) => sum + weightOf(page), 0);
  return talking.map((page) => {
    const count = Math.max(2, Math.round((DEMO_CONVERSATIONS * weightOf(page)) / total));
    const marketWaiting = page.kind === 'GLOBAL' ? 1 : (WAITING[marketOf(page).country!] ?? 1);
    const waiting = page.kind === 'SEGMENT' ? Math.floor(marketWaiting / 3) : marketWaiting;
    return { page, queue: queueOf(page)!, count, waiting: Math.min(waiting, count - 1) };
  });
}

/** A moment in [from, to): mostly in the day and evening of the queue's zone, some at night. */
function startTime(random: Random, from: number, to: number, timeZone: string): Date {
  const day = from + Math.floor(random() * Math.floor((to - from) / 86_400_000)) * 86_400_000;
  const localMinute = random() < 0.8 ? between(random, 8 * 60, 22 * 60) : between(random, 0, 24 * 60 - 1);
  const at = day + localMinute * 60_000 - utcOffsetMs(timeZone, new Date(day));
  return new Date(Math.min(Math.max(at, from), to - 60_000));
}

const offsets = new Map<string, number>();
/** The zone's offset from UTC around `at` (its daylight-saving time is near enough for made-up times). */
function utcOffsetMs(timeZone: string, at: Date): number {
  const key = `${timeZone}|${at.toISOString().slice(0, 7)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
        .formatToParts(at)
        .map((part) => [part.type, Number(part.value)]),
    );
    offset = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!) - at.getTime();
    offsets.set(key, offset);
  }
  return offset;
}

const CONVERSATION_COLUMNS = {
  id: 'uuid', network: 'varchar', brand_id: 'uuid', page_id: 'uuid', scope_ids: 'uuid[]', thread_id: 'varchar', author_id: 'varchar', author_name: 'varchar',
  state: 'varchar', queue_id: 'uuid', routed_at: 'timestamptz', language: 'varchar', response_due_at: 'timestamptz',
  first_responded_at: 'timestamptz', last_responded_at: 'timestamptz', item_count: 'int', first_item_at: 'timestamptz',
  last_item_at: 'timestamptz', created_at: 'timestamptz', updated_at: 'timestamptz',
};
const ITEM_COLUMNS = {
  id: 'uuid', network: 'varchar', external_id: 'varchar', brand_id: 'uuid', page_id: 'uuid', scope_ids: 'uuid[]', conversation_id: 'uuid', kind: 'varchar',
  thread_id: 'varchar', parent_external_id: 'varchar', author_id: 'varchar', author_name: 'varchar', text: 'text', language: 'varchar', occurred_at: 'timestamptz',
  source: 'varchar', status: 'varchar',
};
const AUDIT_COLUMNS = {
  id: 'uuid', occurred_at: 'timestamptz', actor_id: 'uuid', action: 'varchar', subject_type: 'varchar', subject_id: 'uuid', brand_id: 'uuid', scope_ids: 'uuid[]', changes: 'jsonb',
};
