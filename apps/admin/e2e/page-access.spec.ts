import { DEMO_USERS, expect, openAs, test } from './fixtures';

const marketRow = (page: import('@playwright/test').Page, name: string) =>
  page.getByTestId('tree-row').filter({ hasText: 'MARKET' }).filter({ hasText: name });

test("FR's manager sees FR and the global page in the tree, and no ES page", async ({ page }) => {
  await openAs(page, DEMO_USERS.frManager, '/pages');
  await expect(page.getByTestId('current-user')).toHaveText('Fleur Manager');
  const rows = page.getByTestId('tree-row');
  await expect(rows.filter({ hasText: 'GLOBAL' }).filter({ hasText: 'Northwind' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'REGION' }).filter({ hasText: 'Northwind EMEA' })).toHaveCount(1);
  await expect(marketRow(page, 'Northwind France')).toHaveCount(1);
  await expect(rows.filter({ hasText: 'España' })).toHaveCount(0);
  await expect(rows.filter({ hasText: 'Deutschland' })).toHaveCount(0);
  await page.getByLabel('Search pages').fill('ES');
  await expect(page.getByTestId('level-counts')).toContainText('Markets: 0');
  // A manager has a team and a history, but only within FR.
  const nav = page.getByRole('navigation', { name: 'Areas' });
  await expect(nav.getByRole('link', { name: /^Team/ })).toBeVisible();
  await expect(nav.getByRole('link', { name: /^Audit/ })).toBeVisible();
});

test("FR's manager cannot change FR's name (brand-locked) but can edit its description", async ({ page }) => {
  await openAs(page, DEMO_USERS.frManager, '/pages');
  await marketRow(page, 'Northwind France').click();
  const detail = page.getByTestId('page-detail');
  await expect(detail.getByRole('heading', { name: 'Northwind France' })).toBeVisible();
  // Closing a market is the brand's call: no Archive on the manager's own market.
  await expect(detail.getByRole('button', { name: 'Archive' })).toHaveCount(0);
  await detail.getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox', { name: /^Name/ })).toBeDisabled();
  await expect(dialog.getByLabel('Website')).toBeDisabled();
  await expect(dialog.getByText('Brand-locked: only brand admins change it').first()).toBeVisible();
  const description = `Northwind en France, by its manager ${Date.now()}`;
  await expect(dialog.getByLabel('Description')).toBeEnabled();
  await dialog.getByLabel('Description').fill(description);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail.locator('[data-field="Description"]')).toHaveText(description);
});

test("FR's manager cannot move FR to another country or re-bind it: country, external id, languages and default variant are shut as structural", async ({ page }) => {
  await openAs(page, DEMO_USERS.frManager, '/pages');
  await marketRow(page, 'Northwind France').click();
  await page.getByTestId('page-detail').getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox', { name: /^Country/ })).toBeDisabled();
  await expect(dialog.getByLabel('External id')).toBeDisabled();
  await expect(dialog.getByLabel('Languages')).toBeDisabled();
  await expect(dialog.getByLabel('Default language variant')).toBeDisabled();
  await expect(dialog.getByText('Structural: only brand admins change it').first()).toBeVisible();
  await expect(dialog.getByLabel('Handle')).toBeEnabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('a publisher sees its Team but not Audit, and no Edit, Archive or alias form on FR', async ({ page }) => {
  await openAs(page, DEMO_USERS.frPublisher, '/pages');
  await marketRow(page, 'Northwind France').click();
  const detail = page.getByTestId('page-detail');
  await expect(detail.getByRole('heading', { name: 'Northwind France' })).toBeVisible();
  await expect(detail.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(detail.getByRole('button', { name: 'Archive' })).toHaveCount(0);
  await expect(detail.getByRole('button', { name: 'Add segment page' })).toHaveCount(0);
  await expect(detail.getByRole('button', { name: 'Set alias' })).toHaveCount(0);
  await expect(detail.getByTestId('market-aliases')).toContainText('LU');
  const nav = page.getByRole('navigation', { name: 'Areas' });
  await expect(nav.getByRole('link', { name: /^Pages/ })).toBeVisible();
  // Everyone reads their team (issue 20); the history stays the managers'.
  await expect(nav.getByRole('link', { name: /^Team/ })).toBeVisible();
  await expect(nav.getByRole('link', { name: /^Audit/ })).toHaveCount(0);
});
