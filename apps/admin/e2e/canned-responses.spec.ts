import { DEMO_USERS, expect, openAs, saveScreenshot, test } from './fixtures';

test("FR's manager writes a canned response in two languages, sees unknown placeholders flagged and each variant previewed, and saves it", async ({ page }) => {
  await openAs(page, DEMO_USERS.frManager, '/reply-queues');
  await page.getByRole('link', { name: 'Canned responses' }).click();
  await expect(page.getByTestId('canned-scope')).toHaveValue(/Northwind France/);
  await page.getByRole('button', { name: 'New canned response' }).click();

  const form = page.getByTestId('canned-form');
  await form.getByLabel('Name').fill('Délai de livraison');
  const french = form.getByTestId('canned-variant').first();
  await french.getByLabel('Body').fill('Bonjour {{author.prenom}}, ');
  await expect(french).toContainText('{{author.prenom}} is not one of author.firstName');
  await expect(form.getByRole('button', { name: 'Create' })).toBeDisabled();

  // A placeholder from the list goes in at the cursor.
  await french.getByLabel('Body').fill('Bonjour , votre colis part demain. {{moderator.firstName}}, {{page.name}}');
  await french.getByLabel('Body').evaluate((element: HTMLTextAreaElement) => element.setSelectionRange(8, 8));
  await form.getByTestId('placeholder').filter({ hasText: '{{author.firstName}}' }).click();
  await expect(french.getByTestId('canned-preview')).toHaveText('Bonjour Camille, votre colis part demain. Fleur, Northwind France');

  await form.getByRole('button', { name: 'Add a language' }).click();
  const english = form.getByTestId('canned-variant').nth(1);
  await english.getByLabel('Language').fill('en');
  await english.getByLabel('Body').fill('Hi {{author.firstName}}, your parcel ships tomorrow.');
  await expect(english.getByTestId('canned-preview')).toHaveText('Hi Camille, your parcel ships tomorrow.');
  await saveScreenshot(page, 'canned-responses');
  await form.getByRole('button', { name: 'Create' }).click();

  const row = page.getByTestId('canned-row').filter({ hasText: 'Délai de livraison' });
  await expect(row).toContainText('from Northwind France');
  await expect(row).toContainText('fr');
  await expect(row).toContainText('en');
});

test('a moderator may not open the canned responses editor by its address', async ({ page }) => {
  await openAs(page, DEMO_USERS.frModerator, '/reply-queues/canned');
  await expect(page.getByText('Your roles do not let you edit canned responses.')).toBeVisible();
  await expect(page.getByTestId('canned-list')).toHaveCount(0);
});
