import { callApi, DEMO_USERS, expect, openAs, saveScreenshot, sessionOf, test } from './fixtures';

test("an ES change is in the brand admin's Audit and not in FR's manager's", async ({ page }) => {
  const es = await sessionOf(DEMO_USERS.esManager);
  const fr = await sessionOf(DEMO_USERS.frManager);
  const pages = async (token: string) =>
    (await callApi<{ brand: { pages: { id: string; country: string | null }[] } }>('{ brand(slug: "northwind") { pages(kind: MARKET) { id country } } }', {}, token)).brand.pages;
  const spain = (await pages(es.accessToken)).find((candidate) => candidate.country === 'ES')!;
  const france = (await pages(fr.accessToken)).find((candidate) => candidate.country === 'FR')!;
  const stamp = Date.now();
  const update = 'mutation ($id: ID!, $input: UpdatePageInput!) { updatePage(id: $id, input: $input) { id } }';
  await callApi(update, { id: france.id, input: { description: `Northwind en France ${stamp}` } }, fr.accessToken);
  await callApi(update, { id: spain.id, input: { description: `Northwind en España ${stamp}` } }, es.accessToken);

  // Sign-ins are audited too: the page changes are found among the newest entries, not first.
  await openAs(page, DEMO_USERS.frManager, '/audit');
  const list = page.getByTestId('audit-list');
  const frEntry = page.getByTestId('audit-entry').filter({ hasText: `Northwind en France ${stamp}` });
  await expect(frEntry).toHaveCount(1);
  await expect(frEntry).toContainText('Fleur Manager');
  await expect(frEntry).toContainText('page.update');
  await expect(list).not.toContainText(`Northwind en España ${stamp}`);
  await expect(list).not.toContainText('Elena Manager');

  await openAs(page, DEMO_USERS.admin, '/audit');
  const esEntry = page.getByTestId('audit-entry').filter({ hasText: `Northwind en España ${stamp}` });
  await expect(esEntry).toHaveCount(1);
  await expect(esEntry).toContainText('Elena Manager');
  await expect(esEntry).toContainText('Northwind España');
  await expect(esEntry.locator('[data-field="description"] [data-testid="before"]')).toHaveText(/.+/);
  await expect(esEntry.locator('[data-field="description"] [data-testid="after"]')).toHaveText(`Northwind en España ${stamp}`);

  // Filters: FR's manager's page actions only.
  await page.getByRole('combobox', { name: 'Actor' }).fill(DEMO_USERS.frManager);
  await page.getByRole('textbox', { name: 'Action' }).fill('page');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('audit-entry').first()).toContainText(`Northwind en France ${stamp}`);
  await expect(list).not.toContainText('Elena Manager');
  await expect(list).not.toContainText('user.sign_in');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(esEntry).toHaveCount(1);
  // The newest page change first, for the screenshot.
  await page.getByRole('textbox', { name: 'Action' }).fill('page.update');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('audit-entry').first()).toContainText(`Northwind en España ${stamp}`);
  await saveScreenshot(page, 'audit');
});

test('the audit list loads older entries on demand, newest first, filtered by actor and action', async ({ page }) => {
  // 31 sign-ins of one user: one more than a page of the list.
  for (let i = 0; i < 31; i += 1) await sessionOf(DEMO_USERS.frModerator);
  await openAs(page, DEMO_USERS.admin, '/audit');
  await page.getByRole('combobox', { name: 'Actor' }).fill(DEMO_USERS.frModerator);
  await page.getByRole('textbox', { name: 'Action' }).fill('user.sign_in');
  await page.getByRole('button', { name: 'Apply' }).click();
  const entries = page.getByTestId('audit-entry');
  await expect(entries).toHaveCount(30);
  await expect(page.getByTestId('audit-count')).toHaveText(/^30 of (\d+) entries/);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(page.getByTestId('audit-count')).toHaveText(/^(\d+) of \1 entries/);
  expect(await entries.count()).toBeGreaterThanOrEqual(31);
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
  const times = await entries.locator('time').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime')!));
  expect(times).toEqual([...times].sort().reverse());
  await expect(entries.first()).toContainText('Margot Moderator');
});
