import { randomUUID } from 'node:crypto';
import type { TreePage } from '@pivot/domain';
import type { EntityManager } from 'typeorm';
import { CannedResponse } from '../../reply-queue/canned/canned-response.entity';
import { QueueMember } from '../../reply-queue/queues/queue-member.entity';
import { ReplyQueue, type StoredBusinessHours } from '../../reply-queue/queues/reply-queue.entity';

/** The demo markets' zones (the capital's, for countries with several). */
const TIME_ZONES: Record<string, string> = {
  FR: 'Europe/Paris', DE: 'Europe/Berlin', ES: 'Europe/Madrid', IT: 'Europe/Rome', GB: 'Europe/London', NL: 'Europe/Amsterdam',
  SE: 'Europe/Stockholm', NO: 'Europe/Oslo', DK: 'Europe/Copenhagen', FI: 'Europe/Helsinki', PL: 'Europe/Warsaw', PT: 'Europe/Lisbon',
  IE: 'Europe/Dublin', GR: 'Europe/Athens', CZ: 'Europe/Prague', HU: 'Europe/Budapest', RO: 'Europe/Bucharest', TR: 'Europe/Istanbul',
  AE: 'Asia/Dubai', SA: 'Asia/Riyadh', IL: 'Asia/Jerusalem', ZA: 'Africa/Johannesburg', NG: 'Africa/Lagos', KE: 'Africa/Nairobi',
  MA: 'Africa/Casablanca', EG: 'Africa/Cairo', US: 'America/New_York', BR: 'America/Sao_Paulo', MX: 'America/Mexico_City',
  AR: 'America/Argentina/Buenos_Aires', CL: 'America/Santiago', CO: 'America/Bogota', PE: 'America/Lima', JP: 'Asia/Tokyo',
  IN: 'Asia/Kolkata', KR: 'Asia/Seoul', AU: 'Australia/Sydney', NZ: 'Pacific/Auckland', SG: 'Asia/Singapore', ID: 'Asia/Jakarta',
  TH: 'Asia/Bangkok', VN: 'Asia/Ho_Chi_Minh', PH: 'Asia/Manila', MY: 'Asia/Kuala_Lumpur', BE: 'Europe/Brussels', CH: 'Europe/Zurich',
  CA: 'America/Toronto',
};

const WEEKDAYS_9_TO_18: StoredBusinessHours = {
  days: Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((day) => [day, [{ start: '09:00', end: '18:00' }]])),
  holidays: [],
};

/** What FR's moderators pick instead of typing; none named like those the browser tests create (Suivi de commande, Délai de livraison). */
const FR_CANNED: { name: string; fr: string; en: string }[] = [
  {
    name: 'Merci de votre message',
    fr: 'Bonjour {{author.firstName}}, merci pour votre message ! Nous regardons cela et revenons vers vous très vite. {{moderator.firstName}}, {{page.name}}',
    en: 'Hi {{author.firstName}}, thanks for your message! We are looking into it and will get back to you shortly. {{moderator.firstName}}, {{page.name}}',
  },
  {
    name: 'Numéro de commande',
    fr: 'Bonjour {{author.firstName}}, pouvez-vous nous envoyer votre numéro de commande en message privé ? Nous suivons votre colis.',
    en: 'Hi {{author.firstName}}, could you send us your order number in a private message? We will track your parcel.',
  },
  {
    name: 'Horaires du service client',
    fr: 'Notre service client vous répond du lundi au vendredi, de 9 h à 18 h. Bonne journée, {{author.firstName}} !',
    en: 'Our customer service answers Monday to Friday, 9 am to 6 pm. Have a good day, {{author.firstName}}!',
  },
];

/**
 * A default queue on every active market page and one on the global page (what the markets'
 * rules do not catch), office hours in each market's zone; FR's moderator works FR's queue,
 * with FR's canned responses. Answers the queues.
 */
export async function seedReplyQueues(tx: EntityManager, brandId: string, tree: TreePage[], scopeOf: (pageId: string) => string[], frModeratorId: string | null): Promise<ReplyQueue[]> {
  const global = tree.find((page) => page.kind === 'GLOBAL')!;
  const markets = tree.filter((page) => page.kind === 'MARKET' && page.status === 'ACTIVE');
  const queue = (page: TreePage, name: string, timeZone: string): ReplyQueue =>
    tx.create(ReplyQueue, {
      id: randomUUID(),
      brandId,
      scopePageId: page.id,
      scopeIds: scopeOf(page.id),
      name,
      isDefault: true,
      firstResponseMinutes: 120,
      nextResponseMinutes: 240,
      timeZone,
      businessHours: WEEKDAYS_9_TO_18,
      assignmentMode: 'PULL',
    });
  const queues = [queue(global, 'Northwind global replies', 'UTC'), ...markets.map((page) => queue(page, `${page.name} replies`, TIME_ZONES[page.country!] ?? 'UTC'))];
  await tx.insert(ReplyQueue, queues as never);
  const fr = markets.find((page) => page.country === 'FR');
  if (frModeratorId && fr) {
    const frQueue = queues.find((q) => q.scopePageId === fr.id)!;
    await tx.insert(QueueMember, { queueId: frQueue.id, userId: frModeratorId, capacity: 10, languages: ['fr', 'en'], lastAssignedAt: null });
  }
  if (fr) {
    const canned = FR_CANNED.map(({ name, fr: french, en }) =>
      tx.create(CannedResponse, { id: randomUUID(), brandId, scopePageId: fr.id, scopeIds: scopeOf(fr.id), name, variants: [{ language: 'fr', body: french }, { language: 'en', body: en }] }),
    );
    await tx.insert(CannedResponse, canned as never);
  }
  return queues;
}
