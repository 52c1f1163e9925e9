import { expect, saveScreenshot, test } from './fixtures';

test.beforeEach(async ({ page, signedIn }) => {
  void signedIn;
  await page.goto('/pages');
  await expect(page.getByTestId('tree-row').first()).toBeVisible();
});

test('searching FR shows the France market in the tree with every field in the detail panel', async ({ page }) => {
  await expect(page.getByTestId('level-counts')).toContainText('Markets: ');
  await page.getByLabel('Search pages').fill('FR');
  const france = page.getByTestId('tree-row').filter({ hasText: 'Northwind France' }).filter({ hasText: 'MARKET' });
  await expect(france).toHaveCount(1);
  await france.click();
  const detail = page.getByTestId('page-detail');
  await expect(detail.getByRole('heading', { name: 'Northwind France' })).toBeVisible();
  await expect(detail.locator('[data-field="Country"]')).toHaveText('FR · France');
  await expect(detail.locator('[data-field="Languages"]')).toHaveText('fr');
  await expect(detail.getByTestId('market-aliases')).toContainText('LU');
  await saveScreenshot(page, 'tree');
});

test('editing the FR description is saved and still there after a reload', async ({ page }) => {
  const description = `Northwind en France, edited ${Date.now()}`;
  await page.getByLabel('Search pages').fill('FR');
  await page.getByTestId('tree-row').filter({ hasText: 'MARKET' }).filter({ hasText: 'Northwind France' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Description').fill(description);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('page-detail').locator('[data-field="Description"]')).toHaveText(description);

  await page.reload();
  await expect(page.getByTestId('page-detail').locator('[data-field="Description"]')).toHaveText(description);
});

test('the edit form refuses an invalid URL with the domain rule next to the field, before calling the API', async ({ page }) => {
  await page.getByLabel('Search pages').fill('FR');
  await page.getByTestId('tree-row').filter({ hasText: 'MARKET' }).filter({ hasText: 'Northwind France' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /^URL/ }).fill('not a url');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('url must be an absolute http or https address')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('an alias to a country that has its own market is refused next to the alias field', async ({ page }) => {
  await page.getByLabel('Search pages').fill('FR');
  await page.getByTestId('tree-row').filter({ hasText: 'MARKET' }).filter({ hasText: 'Northwind France' }).click();
  // DE has its own market page: the form says so before sending, the same rule the API applies.
  await page.getByLabel('Alias country').fill('DE');
  await page.getByRole('button', { name: 'Set alias' }).click();
  await expect(page.getByText('DE has its own market page')).toBeVisible();
});

test('an alias set on DE for LI shows on the market, and can be removed again', async ({ page }) => {
  await page.getByLabel('Search pages').fill('DE');
  await page.getByTestId('tree-row').filter({ hasText: 'MARKET' }).filter({ hasText: 'Northwind Deutschland' }).click();
  const aliases = page.getByTestId('market-aliases');
  await expect(aliases).toContainText('AT');
  await page.getByLabel('Alias country').fill('li');
  await page.getByRole('button', { name: 'Set alias' }).click();
  await expect(aliases).toContainText('LI · Liechtenstein');

  await page.getByRole('button', { name: 'Remove alias LI' }).click();
  await expect(aliases).not.toContainText('LI');
  await expect(aliases).toContainText('AT');
});

test('a website the API refuses shows the API message next to the Website field', async ({ page }) => {
  await page.getByLabel('Search pages').fill('FR');
  await page.getByTestId('tree-row').filter({ hasText: 'MARKET' }).filter({ hasText: 'Northwind France' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog');
  // validatePage has no rule for the website: only the API refuses it (BAD_USER_INPUT with extensions.fields).
  await dialog.getByLabel('Website').fill('not-a-website');
  await dialog.getByRole('button', { name: 'Save' }).click();
  const website = dialog.getByLabel('Website');
  await expect(website).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('must be an http(s) URL')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('a developer segment page created under DE can be archived and restored', async ({ page }) => {
  await page.getByLabel('Search pages').fill('DE');
  await page.getByTestId('tree-row').filter({ hasText: 'MARKET' }).filter({ hasText: 'Northwind Deutschland' }).click();
  await page.getByRole('button', { name: 'Add segment page' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /^Name/ }).fill('Northwind Deutschland Developers');
  await dialog.getByRole('textbox', { name: /^URL/ }).fill('https://www.facebook.com/northwind.de.developers');
  await dialog.getByLabel(/^Segment/).click();
  await page.getByRole('option', { name: 'developer' }).click();
  await dialog.getByRole('button', { name: 'Create page' }).click();
  await expect(dialog).toBeHidden();

  const detail = page.getByTestId('page-detail');
  await expect(detail.getByRole('heading', { name: 'Northwind Deutschland Developers' })).toBeVisible();
  await expect(detail.locator('[data-field="Segment"]')).toHaveText('developer');
  await expect(page.getByTestId('tree-row').filter({ hasText: 'Northwind Deutschland Developers' })).toBeVisible();

  await detail.getByRole('button', { name: 'Archive' }).click();
  await expect(detail.locator('[data-field="Status"]')).toHaveText('ARCHIVED');
  await expect(page.getByTestId('tree-row').filter({ hasText: 'Northwind Deutschland Developers' })).toContainText('archived');

  await detail.getByRole('button', { name: 'Restore' }).click();
  await expect(detail.locator('[data-field="Status"]')).toHaveText('ACTIVE');
});

test('creating a second developer page under FR shows the uniqueness rule next to the segment field', async ({ page }) => {
  await page.getByLabel('Search pages').fill('FR');
  await page.getByTestId('tree-row').filter({ hasText: 'MARKET' }).filter({ hasText: 'Northwind France' }).click();
  await page.getByRole('button', { name: 'Add segment page' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /^Name/ }).fill('Another FR developer page');
  await dialog.getByRole('textbox', { name: /^URL/ }).fill('https://www.facebook.com/northwind.fr.dev2');
  await dialog.getByLabel(/^Segment/).click();
  await page.getByRole('option', { name: 'developer' }).click();
  await dialog.getByRole('button', { name: 'Create page' }).click();
  await expect(dialog.getByText(/already has a developer page/)).toBeVisible();
});
