import { callApi, DEMO_USERS, expect, openAs, saveScreenshot, sessionOf, test } from './fixtures';
import { drainQueue, frSetup, importComments } from './reply-queue-world';

const MODERATOR_NAME = 'Margot Moderator';

test("FR's moderator claims the next conversation, answers with a canned response previewed with the author's first name, and resolves it; another page sees it held", async ({ page, browser }) => {
  const { frPageId, frQueueId } = await frSetup();
  await drainQueue(frQueueId);
  const { accessToken: adminToken } = await sessionOf(DEMO_USERS.admin);
  await callApi(
    'mutation ($input: CreateCannedResponseInput!) { createCannedResponse(input: $input) { id } }',
    {
      input: {
        name: 'Suivi de commande',
        scopePageId: frPageId,
        variants: [
          { language: 'fr', body: 'Bonjour {{author.firstName}}, merci d’avoir écrit à {{page.name}} : nous regardons votre commande.' },
          { language: 'en', body: 'Hi {{author.firstName}}, thanks for writing to {{page.name}}: we are looking into your order.' },
        ],
      },
    },
    adminToken,
  );
  // A name no other spec uses: theirs count rows by author name.
  const author = { id: `author-${Date.now()}`, name: 'Camille Lefèvre' };
  await importComments('fb-northwind.fr', [author], { text: 'Bonjour, où en est ma commande 1234 ?', language: 'fr' });

  // Routing is asynchronous: wait until the queue counts the conversation before opening the screen.
  const { accessToken: moderatorToken } = await sessionOf(DEMO_USERS.frModerator);
  await expect
    .poll(async () => (await callApi<{ replyQueue: { waitingCount: number } }>('query ($id: ID!) { replyQueue(id: $id) { waitingCount } }', { id: frQueueId }, moderatorToken)).replyQueue.waitingCount)
    .toBe(1);
  await openAs(page, DEMO_USERS.frModerator, '/reply-queues/work');
  await expect(page.getByTestId('queue-picker')).toHaveValue('Northwind France replies (1 waiting)');

  // Keyboard only: n claims, / picks a canned response, Ctrl+Enter sends, x resolves.
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toContainText('Claim the next conversation');
  await page.keyboard.press('n');
  const worked = page.getByTestId('worked-conversation');
  await expect(page.getByTestId('worked-author')).toHaveText(author.name);
  await expect(page.getByTestId('worked-page')).toContainText('Northwind France');
  await expect(worked.getByTestId('history-item')).toContainText('où en est ma commande 1234');
  await expect(page.getByTestId('lease')).toContainText('Held by you until');
  await expect(page.getByTestId('worked-state')).toHaveText('Assigned');

  await page.keyboard.press('/');
  await page.keyboard.type('Suivi');
  await page.keyboard.press('Enter');
  const preview = page.getByTestId('reply-preview');
  await expect(preview).toContainText('Bonjour Camille, merci d’avoir écrit à Northwind France');
  await expect(preview).not.toContainText('{{');
  await expect(page.getByText('Request failed')).toHaveCount(0);
  await saveScreenshot(page, 'moderator-workspace');

  // Another browser context, the brand admin: sees who holds it, and may not answer over them.
  const adminContext = await browser.newContext({ baseURL: process.env.PIVOT_ADMIN_URL, viewport: { width: 1440, height: 900 } });
  try {
    const adminPage = await adminContext.newPage();
    await openAs(adminPage, DEMO_USERS.admin, '/reply-queues');
    await adminPage.getByTestId('conversation-row').filter({ hasText: author.name }).click();
    await expect(adminPage.getByTestId('detail-holder')).toContainText(`${MODERATOR_NAME} until`);
    await adminPage.getByRole('link', { name: 'Open in workspace' }).click();
    await expect(adminPage.getByTestId('lease')).toContainText(`Held by ${MODERATOR_NAME} until`);
    await adminPage.getByTestId('reply-text').fill('Je prends la main.');
    await adminPage.keyboard.press('Control+Enter');
    await expect(adminPage.getByTestId('reply-error')).toContainText(`Held by ${MODERATOR_NAME} until`);
  } finally {
    await adminContext.close();
  }

  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('worked-state')).toHaveText('Waiting for customer');
  await expect(page.getByTestId('reply-error')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.keyboard.press('x');
  await expect(page.getByTestId('worked-state')).toHaveText('Resolved');
  await expect(page.getByTestId('worked-done')).toBeVisible();
  // Nothing else waits: the next claim says so.
  await page.keyboard.press('n');
  await expect(page.getByTestId('claim-message')).toHaveText('Nothing is waiting in this queue.');
});

test('the Conversations screen leads a moderator to the workspace, which offers only the queues they work', async ({ page }) => {
  await openAs(page, DEMO_USERS.frModerator, '/reply-queues');
  await page.getByRole('link', { name: 'Moderator workspace' }).click();
  await expect(page).toHaveURL(/\/reply-queues\/work$/);
  await page.getByTestId('queue-picker').click();
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option')).toContainText('Northwind France replies');
});

test('a publisher may not work conversations, and the workspace says so', async ({ page }) => {
  await openAs(page, DEMO_USERS.frPublisher, '/reply-queues/work');
  await expect(page.getByText('Your roles do not let you work conversations.')).toBeVisible();
});
