import { callApi, DEMO_USERS, expect, openAs, sessionOf, test } from './fixtures';
import { waitUntilSubscribed } from './live-subscriptions';
import { authorOf, drainQueue, frSetup, importComment, waitUntilLive } from './reply-queue-world';

test("a claim made in a moderator's page takes the conversation off the manager's open list live, and the counts follow", async ({ page, browser }) => {
  const { frQueueId } = await frSetup();
  await drainQueue(frQueueId);
  const author = authorOf('Basile Fontaine');
  await importComment('fb-northwind.fr', author);

  // FR's manager watches the open conversations (the claimable ones).
  await openAs(page, DEMO_USERS.frManager, '/reply-queues');
  await page.getByRole('button', { name: /^Open: \d+ conversations/ }).click();
  const row = page.getByTestId('conversation-row').filter({ hasText: author.name });
  await expect(row).toHaveCount(1);
  await waitUntilLive(page);
  const [open, assigned] = [Number(await page.getByTestId('count-OPEN').textContent()), Number(await page.getByTestId('count-ASSIGNED').textContent())];
  await page.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true));

  // FR's moderator, in another browser context, claims the next one: this conversation.
  const moderatorContext = await browser.newContext({ baseURL: process.env.PIVOT_ADMIN_URL, viewport: { width: 1440, height: 900 } });
  try {
    const moderatorPage = await moderatorContext.newPage();
    await openAs(moderatorPage, DEMO_USERS.frModerator, '/reply-queues/work');
    await moderatorPage.getByRole('button', { name: /Claim next/ }).click();
    await expect(moderatorPage.getByTestId('worked-author')).toContainText(author.name);

    await expect(row).toHaveCount(0);
    await expect(page.getByTestId('count-OPEN')).toHaveText(String(open - 1));
    await expect(page.getByTestId('count-ASSIGNED')).toHaveText(String(assigned + 1));
    expect(await page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded)).toBe(true);
  } finally {
    await moderatorContext.close();
  }
});

test('every-state list shows who holds a conversation as soon as it is claimed elsewhere', async ({ page }) => {
  const { frQueueId } = await frSetup();
  await drainQueue(frQueueId);
  // A name of its own: a run before this one (or --repeat-each) leaves a held 'Clémence Aubert' in the every-state list.
  const author = authorOf(`Clémence Aubert ${Date.now()}`);
  await importComment('fb-northwind.fr', author);
  await openAs(page, DEMO_USERS.frManager, '/reply-queues');
  const row = page.getByTestId('conversation-row').filter({ hasText: author.name });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('holder')).toHaveCount(0);
  await waitUntilLive(page);

  // The moderator claims through the API, as their workspace would.
  const { accessToken } = await sessionOf(DEMO_USERS.frModerator);
  await callApi('mutation ($q: ID!) { claimNext(queueId: $q) { id } }', { q: frQueueId }, accessToken);
  await expect(row.getByTestId('holder')).toHaveText('Held by Margot Moderator');
  await expect(row).toContainText('Assigned');
});

test("the workspace's queue picker counts a conversation arriving in the queue without reload", async ({ page }) => {
  const { frQueueId } = await frSetup();
  await drainQueue(frQueueId);
  await openAs(page, DEMO_USERS.frModerator, '/reply-queues/work');
  const picker = page.getByTestId('queue-picker');
  await expect(picker).toHaveValue('Northwind France replies (0 waiting)');
  // The workspace shows no live badge: wait for the API to set its subscriptions up.
  await waitUntilSubscribed(page);
  await page.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true));

  await importComment('fb-northwind.fr', authorOf('Romane Lemaire'));
  await expect(picker).toHaveValue('Northwind France replies (1 waiting)');
  expect(await page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded)).toBe(true);
});
