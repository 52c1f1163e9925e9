import type { Page, WebSocketRoute } from '@playwright/test';
import { DEMO_USERS, expect, openAs, saveScreenshot, test } from './fixtures';
import { authorOf, importComment, importComments, waitUntilLive } from './reply-queue-world';

const openCount = async (page: Page) => Number(await page.getByTestId('count-OPEN').textContent());

test("FR's moderator sees FR's conversations and not ES's, and opens one from the keyboard", async ({ page }) => {
  const spanish = authorOf('Lucía García');
  const french = authorOf('Camille Martin');
  await importComment('fb-northwind.es', spanish);
  await importComment('fb-northwind.fr', french);

  await openAs(page, DEMO_USERS.frModerator, '/pages');
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Reply queues' }).click();
  const list = page.getByTestId('conversation-list');
  await expect(list.getByTestId('conversation-row').filter({ hasText: french.name })).toHaveCount(1);
  await expect(list).not.toContainText(spanish.name);
  await expect(list).not.toContainText('Northwind España');

  // The newest first: j puts the cursor on it, Enter opens it.
  await page.keyboard.press('j');
  const first = list.getByTestId('conversation-row').first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(first).toContainText(french.name);
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('conversation-detail');
  await expect(detail).toContainText(french.name);
  await expect(detail.getByTestId('detail-page')).toContainText('Northwind France');
  await expect(detail).toContainText(french.id);
  // Routed to FR's default queue within milliseconds of the import, named rather than by id.
  await expect(detail.getByTestId('detail-queue')).toHaveText('Northwind France replies');
  // k stays on the first row; filtering by a state no spec leaves a conversation in empties the list
  // (the workspace spec resolves one, so not Resolved).
  await page.keyboard.press('k');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: /^Snoozed: \d+ conversations/ }).click();
  await expect(list).toHaveCount(0);
  await expect(page.getByText('No conversation matches.')).toBeVisible();
});

test("a conversation imported while the screen is open appears without reload, and the brand admin's other page counts it too", async ({ page, browser }) => {
  const first = authorOf('Jeanne Dubois');
  await importComment('fb-northwind.fr', first);
  await openAs(page, DEMO_USERS.frModerator, '/reply-queues');
  await expect(page.getByTestId('conversation-row').filter({ hasText: first.name })).toHaveCount(1);

  // Another browser context: its own session storage, signed in as the brand admin.
  const adminContext = await browser.newContext({ baseURL: process.env.PIVOT_ADMIN_URL, viewport: { width: 1440, height: 900 } });
  try {
    const adminPage = await adminContext.newPage();
    await openAs(adminPage, DEMO_USERS.admin, '/reply-queues');
    await expect(adminPage.getByTestId('conversation-row').filter({ hasText: first.name })).toHaveCount(1);
    await waitUntilLive(page);
    await waitUntilLive(adminPage);
    const [moderatorBefore, adminBefore] = [await openCount(page), await openCount(adminPage)];
    // A reload would lose this mark.
    await page.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true));

    const second = authorOf('Louis Bernard');
    await importComment('fb-northwind.fr', second);
    const row = page.getByTestId('conversation-row').filter({ hasText: second.name });
    await expect(row).toHaveCount(1);
    await expect(page.getByTestId('conversation-row').first()).toContainText(second.name);
    await expect(page.getByTestId('count-OPEN')).toHaveText(String(moderatorBefore + 1));
    await expect(adminPage.getByTestId('count-OPEN')).toHaveText(String(adminBefore + 1));
    await expect(adminPage.getByTestId('conversation-row').first()).toContainText(second.name);

    // A new item in the first conversation (same thread and author) moves it up with its new count.
    await importComment('fb-northwind.fr', first);
    const moved = page.getByTestId('conversation-row').first();
    await expect(moved).toContainText(first.name);
    await expect(moved.getByTestId('item-count')).toHaveText('2');
    await expect(page.getByTestId('count-OPEN')).toHaveText(String(moderatorBefore + 1));
    expect(await page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded)).toBe(true);

    await moved.click();
    await expect(page.getByTestId('conversation-detail')).toContainText(first.name);
    await expect(page.getByTestId('oldest-waiting')).not.toContainText('—');
    await saveScreenshot(page, 'reply-queues');
  } finally {
    await adminContext.close();
  }
});

test('a dropped socket reconnects by itself, the indicator says so, and what came meanwhile shows up', async ({ page }) => {
  // Every socket of the page goes through here: forwarded to the API, or held (never acknowledged) while "cut".
  const sockets: WebSocketRoute[] = [];
  let cut = false;
  await page.routeWebSocket(/\/graphql$/, (socket) => {
    sockets.push(socket);
    if (!cut) socket.connectToServer();
  });
  await openAs(page, DEMO_USERS.frModerator, '/reply-queues');
  const live = page.getByTestId('live-status');
  await waitUntilLive(page);
  const before = await openCount(page);

  cut = true;
  await sockets.at(-1)!.close({ code: 1001, reason: 'network dropped' });
  await expect(live).not.toHaveAttribute('data-status', 'live');
  const missed = authorOf('Inès Moreau');
  await importComment('fb-northwind.fr', missed);
  // The client retries on its own; this attempt is held, so it stays cut off.
  await expect.poll(() => sockets.length).toBeGreaterThan(1);
  await expect(live).not.toHaveAttribute('data-status', 'live');
  await expect(page.getByTestId('conversation-row').filter({ hasText: missed.name })).toHaveCount(0);

  cut = false;
  await sockets.at(-1)!.close({ code: 1001, reason: 'network dropped' });
  await expect(live).toHaveAttribute('data-status', 'live', { timeout: 15_000 });
  await expect(page.getByTestId('conversation-row').first()).toContainText(missed.name);
  await expect(page.getByTestId('count-OPEN')).toHaveText(String(before + 1));
});

test('"Load more" reads the next conversations once each, even after the last one shown moved up with a new item', async ({ page }) => {
  const authors = Array.from({ length: 35 }, (_, index) => authorOf(`Client ${String(index + 1).padStart(2, '0')}`));
  await importComments('fb-northwind.fr', authors);
  await openAs(page, DEMO_USERS.frModerator, '/reply-queues');
  const rows = page.getByTestId('conversation-row');
  await expect(rows).toHaveCount(30);
  await expect(rows.first()).toContainText('Client 35');
  await waitUntilLive(page);

  // The 30th row (the list's end cursor) gets a new item: it moves to the top.
  const last = authors.find((author) => author.name === 'Client 06')!;
  await expect(rows.nth(29)).toContainText(last.name);
  await importComment('fb-northwind.fr', last);
  await expect(rows.first()).toContainText(last.name);
  await expect(rows).toHaveCount(30);

  await page.getByRole('button', { name: 'Load more' }).click();
  // The next 30: the demo's months of FR conversations are older than these 35, so more remain.
  await expect(page.getByTestId('conversation-count')).toHaveText(/^60 of \d+ conversations, latest activity first$/);
  await expect(rows).toHaveCount(60);
  // Each conversation once (by id: the demo's customers share names).
  const ids = await rows.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-conversation-id')));
  expect(new Set(ids).size).toBe(60);
  const names = await rows.evaluateAll((nodes) => nodes.map((node) => node.querySelector('p')?.textContent ?? ''));
  expect(names.slice(0, 2)).toEqual(['Client 06', 'Client 35']);
  expect(names).toEqual(expect.arrayContaining(['Client 05', 'Client 01']));
});

test("the brand admin narrows the list to a market, and the live stream follows that filter", async ({ page }) => {
  const [spanish, french] = [authorOf('Pablo Ruiz'), authorOf('Hugo Petit')];
  await importComment('fb-northwind.es', spanish);
  await importComment('fb-northwind.fr', french);
  await openAs(page, DEMO_USERS.admin, '/reply-queues');
  const rows = page.getByTestId('conversation-row');
  await expect(rows.first()).toContainText(french.name);

  await page.getByRole('combobox', { name: 'Page or market' }).fill('España');
  await page.getByRole('option', { name: 'Northwind España (market)', exact: true }).click();
  await expect(rows.first()).toContainText(spanish.name);
  await expect(page.getByTestId('conversation-list')).not.toContainText('Northwind France');
  await waitUntilLive(page);

  const [laterFrench, laterSpanish] = [authorOf('Léa Roux'), authorOf('Carmen Vega')];
  await importComment('fb-northwind.fr', laterFrench);
  await importComment('fb-northwind.es', laterSpanish);
  await expect(rows.first()).toContainText(laterSpanish.name);
  await expect(page.getByTestId('conversation-list')).not.toContainText(laterFrench.name);
});

test('signing out closes the live socket at once, not when it would idle out', async ({ page }) => {
  const opened = page.waitForEvent('websocket', (socket) => socket.url().endsWith('/graphql'));
  await openAs(page, DEMO_USERS.frModerator, '/reply-queues');
  const socket = await opened;
  await waitUntilLive(page);
  const closed = socket.waitForEvent('close', { timeout: 1_500 });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await closed;
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
});

test('a publisher does not see the Reply queues area, and its address says why', async ({ page }) => {
  await openAs(page, DEMO_USERS.frPublisher, '/pages');
  const nav = page.getByRole('navigation', { name: 'Areas' });
  await expect(nav.getByRole('link', { name: /^Pages/ })).toBeVisible();
  await expect(nav.getByRole('link', { name: /^Reply queues/ })).toHaveCount(0);
  await page.goto('/reply-queues');
  await expect(page.getByText('Your roles do not let you read conversations.')).toBeVisible();
  await expect(page.getByTestId('conversation-list')).toHaveCount(0);
});
