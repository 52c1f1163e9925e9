import { DEMO_USERS, expect, openAs, saveScreenshot, test } from './fixtures';
import { authorOf, frSetup, importComment, waitUntilLive } from './reply-queue-world';

test("FR's manager opens the queue overview from the Reply queues area and sees FR's queues only, none of ES's", async ({ page }) => {
  await openAs(page, DEMO_USERS.frManager, '/reply-queues');
  await page.getByRole('link', { name: 'Queue overview' }).click();
  await expect(page).toHaveURL(/\/reply-queues\/overview$/);
  const groups = page.getByTestId('overview-group');
  await expect(groups.first()).toBeVisible();
  // Every group is FR's market: no brand-wide group (FR's manager reads no global queue) and no other market.
  expect(await groups.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-market')))).toEqual(['Northwind France']);
  await expect(groups.getByTestId('overview-row').filter({ hasText: 'Northwind France replies' })).toHaveCount(1);
  await expect(page.getByText(/España/)).toHaveCount(0);
});

test('a comment imported through the API raises the open and waiting counts of an open overview without reload; the brand admin sees every market grouped', async ({ page }) => {
  const { frQueueId } = await frSetup();
  await openAs(page, DEMO_USERS.frManager, '/reply-queues/overview');
  const row = page.locator(`[data-testid="overview-row"][data-queue-id="${frQueueId}"]`);
  await expect(row).toBeVisible();
  await waitUntilLive(page);
  const [open, waiting] = [Number(await row.getByTestId('overview-open').textContent()), Number(await row.getByTestId('overview-waiting').textContent())];
  // A reload would lose this mark.
  await page.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true));

  await importComment('fb-northwind.fr', authorOf('Noémie Garnier'));
  await expect(row.getByTestId('overview-open')).toHaveText(String(open + 1));
  await expect(row.getByTestId('overview-waiting')).toHaveText(String(waiting + 1));
  await expect(row.getByTestId('overview-oldest')).toHaveText(/^just now$| ago$/);
  expect(await page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded)).toBe(true);

  await openAs(page, DEMO_USERS.admin, '/reply-queues/overview');
  await expect(page.locator('[data-testid="overview-group"][data-market="Brand-wide queues"]')).toBeVisible();
  const markets = await page.getByTestId('overview-group').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-market')));
  expect(markets).toEqual(expect.arrayContaining(['Northwind France', 'Northwind España', 'Brand-wide queues']));
  // Most urgent first: France has someone waiting, so it comes before a market where nobody waits.
  const france = markets.indexOf('Northwind France');
  const quiet = await page.getByTestId('overview-group').evaluateAll((nodes) =>
    nodes.findIndex((node) => [...node.querySelectorAll('[data-testid="overview-oldest"]')].every((cell) => cell.textContent === '—')),
  );
  expect(quiet === -1 || france < quiet).toBe(true);
  await saveScreenshot(page, 'queue-overview');
});
