import type { Page } from '@playwright/test';
import { callApi, DEMO_USERS, expect, sessionOf } from './fixtures';
import { waitUntilSubscribed } from './live-subscriptions';

/** Set-up shared by the reply-queue specs: inbound items imported through the API, FR's queue, the live socket. */

const IMPORT = 'mutation ($input: ImportInboundItemsInput!) { importInboundItems(input: $input) { stored } }';
let serial = 0;

export interface Author {
  id: string;
  name: string;
}

/** Names are unique within a run (each run has a fresh database); ids are unique anyway. */
export const authorOf = (name: string): Author => ({ id: `author-${Date.now()}-${(serial += 1)}`, name });

/** Imports comments through the API as the brand admin (as a back-fill would), on demo pages (`fb-<handle>`). */
export async function importComments(pageExternalId: string, authors: Author[], { at = Date.now(), text = 'Bonjour, ma commande ?', language }: { at?: number; text?: string; language?: string } = {}): Promise<void> {
  const { accessToken } = await sessionOf(DEMO_USERS.admin);
  const items = authors.map((author, index) => ({
    externalId: `comment-${Date.now()}-${(serial += 1)}`,
    kind: 'COMMENT',
    pageExternalId,
    // One thread per author: a further comment of theirs lands in the same conversation.
    threadId: `post-${author.id}`,
    authorId: author.id,
    authorName: author.name,
    text,
    ...(language && { language }),
    occurredAt: new Date(at + index).toISOString(),
  }));
  const result = await callApi<{ importInboundItems: { stored: number } }>(IMPORT, { input: { network: 'facebook', items } }, accessToken);
  expect(result.importInboundItems.stored).toBe(items.length);
}

export const importComment = (pageExternalId: string, author: Author) => importComments(pageExternalId, [author]);

/**
 * The screen is live once its socket is acknowledged and the API has set up every subscription
 * the open pages asked for (acknowledging the socket comes before that).
 */
export async function waitUntilLive(page: Page): Promise<void> {
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
  await waitUntilSubscribed(page);
}

/** FR's market page and FR's default queue, as the API sees them. */
export async function frSetup(): Promise<{ frPageId: string; frQueueId: string }> {
  const { accessToken } = await sessionOf(DEMO_USERS.admin);
  const { brand } = await callApi<{ brand: { pages: { id: string; country: string | null }[] } }>('{ brand(slug: "northwind") { pages(kind: MARKET) { id country } } }', {}, accessToken);
  const frPageId = brand.pages.find((page) => page.country === 'FR')!.id;
  const { replyQueues } = await callApi<{ replyQueues: { edges: { node: { id: string; isDefault: boolean; scopePageId: string } }[] } }>(
    'query ($scope: ID) { replyQueues(scopePageId: $scope, first: 50) { edges { node { id isDefault scopePageId } } } }',
    { scope: frPageId },
    accessToken,
  );
  return { frPageId, frQueueId: replyQueues.edges.find((edge) => edge.node.isDefault && edge.node.scopePageId === frPageId)!.node.id };
}

/**
 * Earlier tests may have left conversations waiting in FR's queue: the moderator (through the
 * API) claims and resolves them, so the one a test imports is the next to claim.
 */
export async function drainQueue(queueId: string): Promise<void> {
  const { accessToken } = await sessionOf(DEMO_USERS.frModerator);
  for (let round = 0; round < 500; round += 1) {
    const { claimNext } = await callApi<{ claimNext: { id: string } | null }>('mutation ($q: ID!) { claimNext(queueId: $q) { id } }', { q: queueId }, accessToken);
    if (!claimNext) return;
    await callApi('mutation ($id: ID!) { resolveConversation(conversationId: $id) { id } }', { id: claimNext.id }, accessToken);
  }
}
