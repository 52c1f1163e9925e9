import { expect, saveScreenshot, test } from './fixtures';

test.beforeEach(async ({ page, signedIn }) => {
  void signedIn;
  await page.goto('/coverage');
  await expect(page.getByRole('img', { name: 'World coverage map' })).toBeVisible();
});

test('the map shows LU and AT as aliased and FR with its own market page', async ({ page }) => {
  const map = page.getByRole('img', { name: 'World coverage map' });
  await expect(map.locator('path[data-country="LU"]')).toHaveAttribute('data-state', 'ALIAS');
  await expect(map.locator('path[data-country="FR"]')).toHaveAttribute('data-state', 'MARKET');
  await expect(map.locator('path[data-country="AT"]')).toHaveAttribute('data-state', 'ALIAS');
  await expect(page.getByTestId('coverage-legend')).toContainText('Aliased to another market: ');
});

test('hovering LU for the developer segment names the FR developer page, and a click opens it in the tree', async ({ page }) => {
  await page.getByRole('combobox', { name: 'Segment' }).click();
  await page.getByRole('option', { name: 'developer' }).click();
  const lu = page.locator('path[data-country="LU"]');
  await lu.hover({ force: true });
  const tooltip = page.getByTestId('map-tooltip');
  await expect(tooltip).toContainText('Luxembourg (LU)');
  await expect(tooltip).toContainText('Aliased to another market');
  await expect(tooltip).toContainText('Answered by Northwind France Developers');
  await saveScreenshot(page, 'map');

  await lu.click({ force: true });
  await expect(page).toHaveURL(/\/pages\?page=/);
  await expect(page.getByTestId('page-detail').getByRole('heading', { name: 'Northwind France Developers' })).toBeVisible();
});
