import { expect, test } from './fixtures';
import { waitUntilLive } from './reply-queue-world';

test.beforeEach(async ({ signedIn }) => {
  void signedIn;
});

test('the admin server sends its CSP, nosniff, referrer policy and no HSTS outside production, on the app and its assets', async ({ page, request }) => {
  const index = await request.get('/pages');
  const script = (await index.text()).match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
  expect(script).toBeTruthy();
  for (const res of [index, await request.get(script!)]) {
    const headers = res.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['strict-transport-security']).toBeUndefined();
  }
  void page;
});

test('the CSP breaks nothing: a live screen loads, styles itself and opens its subscription socket with no violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/reply-queues/overview');
  await expect(page.getByTestId('current-user')).toHaveText('Ada Admin');
  await waitUntilLive(page);
  await page.goto('/coverage');
  await expect(page.getByRole('heading', { name: 'Coverage map' })).toBeVisible();
  expect(violations).toEqual([]);
});
