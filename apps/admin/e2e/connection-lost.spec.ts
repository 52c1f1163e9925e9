import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures';

/** What the API answers while its database is down (apps/api/src/graphql/database-outage-plugin.ts). */
const OUTAGE = {
  status: 503,
  contentType: 'application/graphql-response+json',
  headers: { 'retry-after': '5' },
  body: JSON.stringify({ errors: [{ message: 'The service is temporarily unavailable; retry shortly', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 } }] }),
};

/** Answers every GraphQL POST with the outage, counting them; WebSocket upgrades are not routed. */
async function databaseDown(page: Page): Promise<{ refused: () => number }> {
  let refused = 0;
  await page.route('**/graphql', async (route: Route) => {
    refused += 1;
    await route.fulfill(OUTAGE);
  });
  return { refused: () => refused };
}

test.beforeEach(async ({ signedIn }) => {
  void signedIn;
});

test('a database outage shows "connection lost, retrying"; the app retries by itself and the banner goes with the first answer', async ({ page }) => {
  await page.goto('/pages');
  await expect(page.getByTestId('current-user')).toHaveText('Ada Admin');
  const outage = await databaseDown(page);
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: /^Audit/ }).click();

  const banner = page.getByRole('status').filter({ hasText: 'Connection to the server lost. Retrying…' });
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Retry now' })).toBeVisible();
  // Retried with nobody asking (the first waits 0.5-1 s), and no error toast meanwhile.
  await expect.poll(outage.refused).toBeGreaterThanOrEqual(2);
  await expect(page.getByText('Cannot reach the API')).toHaveCount(0);

  await page.unroute('**/graphql');
  await expect(banner).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Audit' })).toBeVisible();
});

test('"Retry now" sends the waiting requests at once instead of at the end of the backoff', async ({ page }) => {
  // Page timers stand still from here: only the button (or the test moving the clock) releases a retry.
  await page.clock.install();
  await page.goto('/pages');
  await expect(page.getByTestId('current-user')).toHaveText('Ada Admin');
  await page.clock.pauseAt(new Date(Date.now() + 60_000));
  const outage = await databaseDown(page);
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: /^Audit/ }).click();
  const banner = page.getByRole('status').filter({ hasText: 'Connection to the server lost' });
  await expect(banner).toBeVisible();
  // RetryLink's own zero delay, not the backoff: the retry now waits for the next attempt.
  await page.clock.runFor(50);
  const before = outage.refused();

  await banner.getByRole('button', { name: 'Retry now' }).click();
  await expect.poll(outage.refused).toBeGreaterThan(before);
  await expect(banner).toBeVisible();

  await page.unroute('**/graphql');
  await page.clock.runFor(50);
  // The second round waits 1-2 s; the clock moved past it, the request goes and is answered.
  await page.clock.runFor(2_500);
  await expect(banner).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Audit' })).toBeVisible();
});
