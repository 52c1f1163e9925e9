import { expect, test } from './fixtures';

test.beforeEach(async ({ signedIn }) => {
  void signedIn;
});

test('the navigation lists every area, none of them marked coming any more', async ({ page }) => {
  await page.goto('/pages');
  const nav = page.getByRole('navigation', { name: 'Areas' });
  for (const area of ['Pages', 'Coverage map', 'Pivot simulator', 'Content', 'Reply queues', 'Team', 'Audit', 'Insights']) {
    await expect(nav.getByRole('link', { name: new RegExp(`^${area}`) })).toBeVisible();
  }
  await expect(nav).not.toContainText('coming');
  await nav.getByRole('link', { name: /^Insights/ }).click();
  await expect(page.getByRole('heading', { name: 'Insights' })).toBeVisible();
});

test('a request the API fails shows an error toast instead of a blank screen', async ({ page }) => {
  await page.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON() as { operationName?: string };
    // A 500, not an outage: 502/503/504 are waited out behind the "connection lost" banner instead.
    if (body.operationName === 'BrandTree') await route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal error' });
    else await route.fallback();
  });
  await page.goto('/pages');
  await expect(page.getByText('Cannot reach the API')).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveText('Ada Admin');
});
