import { expect, saveScreenshot, test } from './fixtures';

test.beforeEach(async ({ page, signedIn }) => {
  void signedIn;
  await page.goto('/simulator');
});

async function pickCountry(page: import('@playwright/test').Page, code: string) {
  const country = page.getByRole('combobox', { name: 'Country' });
  await country.fill(code);
  await page.getByRole('option', { name: new RegExp(`^${code} · `) }).click();
}

test('LU with the developer segment resolves to the FR developer page through the alias', async ({ page }) => {
  await pickCountry(page, 'LU');
  await page.getByRole('combobox', { name: 'Segment' }).click();
  await page.getByRole('option', { name: 'developer' }).click();
  await page.getByRole('button', { name: 'Simulate' }).click();

  await expect(page.getByTestId('resolved-page')).toHaveText('Northwind France Developers');
  const trail = page.getByTestId('pivot-trail');
  await expect(trail).toContainText('LU has no page: aliased to FR');
  await expect(trail).toContainText('developer page in FR');
  await saveScreenshot(page, 'simulator');
});

test('a whole Accept-Language header picks the Dutch variant in Belgium', async ({ page }) => {
  await pickCountry(page, 'BE');
  await page.getByLabel('Language').fill('nl-BE,nl;q=0.9,fr;q=0.8');
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.getByTestId('resolved-page')).toHaveText('Northwind België');
  await expect(page.getByTestId('pivot-trail')).toContainText('language variants');
});
