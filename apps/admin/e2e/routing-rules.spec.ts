import { callApi, DEMO_USERS, expect, openAs, saveScreenshot, sessionOf, test } from './fixtures';

const QUEUE_NAME = 'FR remboursements';

/** A second FR queue, created by FR's manager through the API (the queue editor is not under test). */
async function createFrQueue(): Promise<void> {
  const { accessToken } = await sessionOf(DEMO_USERS.frManager);
  const { brand } = await callApi<{ brand: { pages: { id: string; country: string | null }[] } }>('{ brand(slug: "northwind") { pages(kind: MARKET) { id country } } }', {}, accessToken);
  const frPageId = brand.pages.find((page) => page.country === 'FR')!.id;
  const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((day) => ({ day, intervals: [{ start: '09:00', end: '18:00' }] }));
  await callApi(
    'mutation ($input: CreateReplyQueueInput!) { createReplyQueue(input: $input) { id } }',
    { input: { name: QUEUE_NAME, scopePageId: frPageId, firstResponseMinutes: 60, nextResponseMinutes: 120, businessHours: { timeZone: 'Europe/Paris', days: weekdays, holidays: [] } } },
    accessToken,
  );
}

test("FR's manager adds a rule sending \"remboursement\" to a new FR queue, the domain's checks show before saving, and the tester shows it firing", async ({ page }) => {
  await createFrQueue();
  await openAs(page, DEMO_USERS.frManager, '/reply-queues');
  await page.getByRole('link', { name: 'Routing rules' }).click();
  await expect(page.getByTestId('rule-scope')).toHaveValue(/Northwind France/);

  await page.getByRole('button', { name: 'New rule' }).click();
  const form = page.getByTestId('rule-form');
  await form.getByLabel('Name').fill('Remboursements');
  await form.getByRole('combobox', { name: 'Queue' }).click();
  await page.getByRole('option', { name: QUEUE_NAME }).click();
  await form.getByLabel('Keywords (any, whole words)').fill('remboursement, rembourser');
  // validateRoutingRule, in the browser: issues next to the fields, nothing sent yet.
  await form.getByLabel('Languages').fill('fr, pas une langue');
  await expect(form.getByText('pas une langue is not a BCP 47 language tag')).toBeVisible();
  await form.getByLabel('Regular expression').fill('(a+)+$');
  await expect(form.locator('[id$="-error"]')).toHaveCount(2);
  await form.getByLabel('Languages').fill('fr');
  await form.getByLabel('Regular expression').fill('');
  await form.getByLabel('Tags set').fill('refund');
  await expect(form.locator('[id$="-error"]')).toHaveCount(0);
  await form.getByRole('button', { name: 'Add rule' }).click();

  const row = page.getByTestId('rule-row').filter({ hasText: 'Remboursements' });
  await expect(row).toContainText('words: remboursement, rembourser');
  await expect(row).toContainText(QUEUE_NAME);

  const tester = page.getByTestId('routing-tester');
  await tester.getByLabel('Comment').fill('Bonjour, je voudrais un remboursement pour ma commande.');
  // The rule asks for French: the tester says which language the comment is in.
  await tester.getByLabel('Language').fill('fr');
  await tester.getByRole('button', { name: 'Test' }).click();
  await expect(tester.getByTestId('routing-fired')).toHaveText('Rule “Remboursements” fires');
  await expect(tester.getByTestId('routing-queue')).toHaveText(QUEUE_NAME);
  await expect(tester.getByTestId('routing-trail')).not.toBeEmpty();
  await saveScreenshot(page, 'routing-rules');

  // A comment without the word goes to the default queue.
  await tester.getByLabel('Comment').fill('Bonjour, où est ma commande ?');
  await tester.getByRole('button', { name: 'Test' }).click();
  await expect(tester.getByTestId('routing-fired')).toHaveText('No rule fires: the default queue takes it');
  await expect(tester.getByTestId('routing-queue')).toHaveText('Northwind France replies');
});

test('a moderator sees neither the routing nor the canned responses editors', async ({ page }) => {
  await openAs(page, DEMO_USERS.frModerator, '/reply-queues');
  await expect(page.getByRole('link', { name: 'Moderator workspace' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Routing rules' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Canned responses' })).toHaveCount(0);
  await page.goto('/reply-queues/routing');
  await expect(page.getByText('Your roles do not let you manage routing rules.')).toBeVisible();
  await expect(page.getByTestId('rule-list')).toHaveCount(0);
});
