import { readFileSync } from 'node:fs';
import { callApi, DEMO_ADMIN, DEMO_USERS, expect, openAs, saveScreenshot, sessionOf, test } from './fixtures';

// The screen's default range, the 30 days ending yesterday (UTC), worked out here rather than imported:
// the app's range module reads @pivot/domain, whose CommonJS build Playwright's ESM loader cannot name-import.
const utcDayBefore = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const last30Days = () => ({ from: utcDayBefore(30), to: utcDayBefore(1), granularity: 'DAY' as const });
const percentOf = (text: string) => (text.trim() === '—' ? null : Number(text.replace(/[^\d.]/g, '')));

test('the FR analyst signs in, lands on Insights and sees FR only: figures, chart, funnel, comparison table; the markets and series CSVs download', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(DEMO_USERS.frAnalyst);
  await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(/\/insights/);
  await expect(page.getByRole('heading', { name: 'Insights' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: /^Insights/ })).toBeVisible();
  const scope = page.getByRole('combobox', { name: 'Scope' });
  await expect(scope).toHaveValue('Northwind France');
  // Only FR's subtree is offered: never EMEA, the global page or another market.
  await scope.click();
  const options = page.getByRole('option');
  await expect(options.first()).toBeVisible();
  for (const name of await options.allTextContents()) expect(name).toMatch(/^Northwind France/);
  await page.keyboard.press('Escape');

  await expect(page.getByTestId('kpi-value')).toHaveCount(10);
  await expect(page.locator('[data-kpi="followers"] [data-testid="kpi-value"]')).not.toHaveText('—');
  await expect(page.getByTestId('insights-chart').first().locator('.recharts-line').first()).toBeVisible();
  await expect(page.getByTestId('funnel-step')).toHaveCount(5);
  const rows = page.getByTestId('market-row');
  await expect(rows.first()).toBeVisible();
  for (const country of await rows.evaluateAll((found) => found.map((row) => row.getAttribute('data-country')))) expect(country).toBe('FR');
  await expect(page.getByTestId('market-comparison')).not.toContainText('España');
  await expect(page.getByTestId('health-row').first()).toBeVisible();
  await saveScreenshot(page, 'insights');

  // A link to a scope above FR (the global page) shows FR instead, and says so.
  const { brand } = await callApi<{ brand: { pages: { id: string; kind: string }[] } }>('{ brand(slug: "northwind") { pages(kind: GLOBAL) { id kind } } }', {}, (await sessionOf(DEMO_ADMIN.email)).accessToken);
  await page.goto(`/insights?scope=${brand.pages[0]!.id}`);
  await expect(page.getByTestId('scope-fallback')).toContainText('showing Northwind France instead');
  await expect(page.getByRole('combobox', { name: 'Scope' })).toHaveValue('Northwind France');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Markets CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  expect(header!.toLowerCase()).toContain('country');
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.some((line) => line.includes('Northwind France'))).toBe(true);
  expect(csv).not.toContain('España');
  await expect(page.getByText('Download ready')).toBeVisible();
  await expect(page.getByText(new RegExp(`${download.suggestedFilename().replace('.', '\\.')}: \\d+ market`))).toBeVisible();

  // The series: one row per day of the 30-day range.
  const [series] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Series CSV' }).click()]);
  const seriesLines = readFileSync((await series.path())!, 'utf8').trim().split(/\r?\n/);
  expect(seriesLines).toHaveLength(31);
  await expect(page.getByText(/: 30 periods\./)).toBeVisible();
});

test('a custom range is checked before it is asked for, then applied and kept in the link', async ({ page }) => {
  await openAs(page, DEMO_USERS.frAnalyst, '/insights');
  await expect(page.getByTestId('kpi-value').first()).toBeVisible({ timeout: 30_000 });
  await page.getByText('Custom', { exact: true }).click();
  await page.getByRole('textbox', { name: 'From', exact: true }).fill('2026-11-20');
  await page.getByRole('textbox', { name: 'To', exact: true }).fill('2026-11-10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The start day is after the end day.' })).toBeVisible();
  await page.getByRole('textbox', { name: 'From', exact: true }).fill('2026-11-01');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('insights-status')).toContainText('(10 days)');
  await expect(page).toHaveURL(/range=custom&from=2026-11-01&to=2026-11-10/);
});

test('the brand admin sorts markets by conversation rate, both ways, by keyboard and mouse, then opens one', async ({ page, signedIn }) => {
  void signedIn;
  await page.goto('/insights');
  const table = page.getByTestId('market-comparison');
  const rows = table.getByTestId('market-row');
  // Brand-wide figures over 47 markets take seconds on the shared test machine.
  await expect(rows.nth(1)).toBeVisible({ timeout: 30_000 });
  const header = table.getByRole('button', { name: /^Conversation rate/ });
  const rates = async () => (await table.locator('[data-column="conversationRate"]').allTextContents()).map(percentOf).filter((rate): rate is number => rate !== null);

  await header.focus();
  await page.keyboard.press('Enter');
  await expect(table.getByRole('columnheader', { name: /^Conversation rate/ })).toHaveAttribute('aria-sort', 'descending');
  const descending = await rates();
  expect(descending.length).toBeGreaterThan(1);
  expect(descending).toEqual([...descending].sort((a, b) => b - a));

  await header.click();
  await expect(table.getByRole('columnheader', { name: /^Conversation rate/ })).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await rates();
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

  const first = rows.first().getByRole('button');
  const market = (await first.textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(/scope=/);
  await expect(page.getByRole('combobox', { name: 'Scope' })).toHaveValue(market);
  await expect(page.getByTestId('insights-status')).toContainText(market);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(market);
  await page.goBack();
  await expect(page.getByRole('combobox', { name: 'Scope' })).not.toHaveValue(market);
});

test('the map shows pivot demand for a country without a market page, and the page the pivot sent it to', async ({ page, signedIn, adminSession }) => {
  void signedIn;
  const { pivotDemand } = await callApi<{ pivotDemand: { country: string; outcome: string; visitors: number }[] }>(
    'query ($range: InsightsRangeInput!) { pivotDemand(range: $range) { country outcome visitors } }',
    { range: last30Days() },
    adminSession.accessToken,
  );
  const [top] = pivotDemand.filter((row) => row.outcome !== 'MARKET').sort((a, b) => b.visitors - a.visitors);
  expect(top, 'the demo seeds demand for countries without a page').toBeDefined();

  await page.goto('/insights');
  await page.getByTestId('insights-map').getByText('Pivot demand').click();
  const map = page.getByRole('img', { name: 'World map of pivot demand' });
  // Brand-wide figures take seconds on the shared test machine, and the API answers demand after them.
  await expect(map).toBeVisible({ timeout: 30_000 });
  const country = map.locator(`path[data-country="${top!.country}"]`);
  await expect(country).toHaveAttribute('data-visitors', String(top!.visitors));
  const line = new RegExp(`^${top!.country}: ${top!.visitors.toLocaleString('en-US')} visitors? sent to .+ in 30 days`);
  await country.hover({ force: true });
  await expect(page.getByTestId('map-tooltip')).toHaveText(line);
  await expect(page.getByTestId('demand-without-page').getByRole('listitem').first()).toHaveText(line);
  await saveScreenshot(page, 'insights-demand');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the FR analyst reads Insights on a phone: nothing overflows sideways, the tables scroll inside their card', async ({ page }) => {
    await openAs(page, DEMO_USERS.frAnalyst, '/insights');
    await expect(page.getByRole('heading', { name: 'Insights' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Toggle navigation' })).toBeVisible();
    await expect(page.getByTestId('kpi-value').first()).toBeVisible();
    await expect(page.getByTestId('market-row').first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByText('90 days').click();
    await expect(page.getByTestId('insights-status')).toContainText('(90 days)');
    await expect(page.getByTestId('insights-status')).not.toContainText('loading', { timeout: 30_000 });
    await expect(page.getByTestId('kpi-value').first()).toBeVisible();
    await saveScreenshot(page, 'insights-phone');
  });
});

test('a moderator has no Insights in the menu, and the screen says so if opened', async ({ page }) => {
  await openAs(page, DEMO_USERS.frModerator, '/insights');
  await expect(page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: /^Insights/ })).toHaveCount(0);
  await expect(page.getByText('Your roles do not let you read the metrics of any page.')).toBeVisible();
});
