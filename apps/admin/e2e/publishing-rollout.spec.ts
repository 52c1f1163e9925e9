import { brandId, callApi, DEMO_USERS, expect, openAs, saveScreenshot, sessionOf, test } from './fixtures';

const MARKETS = { FR: 'Northwind France · facebook', ES: 'Northwind España · facebook', DE: 'Northwind Deutschland · facebook' };

/** Set-up through the API: a draft of the brand admin's on the brand's global page. */
async function globalDraft(body: string): Promise<{ id: string; version: number }> {
  const admin = await sessionOf(DEMO_USERS.admin);
  const { brand } = await callApi<{ brand: { pages: { id: string }[] } }>('{ brand(slug: "northwind") { pages(kind: GLOBAL) { id } } }', {}, admin.accessToken);
  const input = { brandId: await brandId(admin), targetPageIds: [brand.pages[0]!.id], body, locale: 'en' };
  return (await callApi<{ createPost: { id: string; version: number } }>('mutation ($input: CreatePostInput!) { createPost(input: $input) { id version } }', { input }, admin.accessToken)).createPost;
}

test('brand admin cascades a post to three markets and sees the board; FR’s manager sees FR’s child only, with the global change to acknowledge', async ({ page }) => {
  const stamp = Date.now();
  const post = await globalDraft(`Spring collection ${stamp} is here #northwind`);
  await openAs(page, DEMO_USERS.admin, `/content/posts/${post.id}`);
  await page.getByRole('button', { name: 'Cascade to markets…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cascade to markets' });
  for (const market of Object.values(MARKETS)) await dialog.getByRole('checkbox', { name: market, exact: true }).check();
  await expect(dialog.getByTestId('cascade-picked')).toContainText('3 of');
  await dialog.getByRole('button', { name: 'Start cascade' }).click();
  // The job runs in the background; the dialog polls it until it is done.
  await expect(dialog.getByTestId('cascade-job')).toHaveAttribute('data-state', 'DONE');
  await expect(dialog.getByTestId('cascade-progress')).toHaveText('3 of 3 markets localized');
  await expect(dialog.getByTestId('cascade-errors')).toHaveCount(0);
  await dialog.getByRole('link', { name: 'Open the rollout board' }).click();

  await expect(page).toHaveURL(new RegExp(`/content/posts/${post.id}/rollout$`));
  const cells = page.getByTestId('rollout-cell');
  for (const country of ['FR', 'ES', 'DE']) await expect(page.locator(`[data-testid="rollout-cell"][data-market="${country}"]`)).toHaveAttribute('data-state', 'LOCALIZING');
  await expect(page.locator('[data-testid="rollout-cell"][data-state="LOCALIZING"]')).toHaveCount(3);
  const total = await cells.count();
  expect(total).toBeGreaterThan(3);
  await expect(page.locator('[data-testid="rollout-cell"][data-state="NOT_STARTED"]')).toHaveCount(total - 3);
  await expect(page.locator('[data-testid="rollout-count"][data-state="LOCALIZING"]')).toHaveAttribute('data-count', '3');
  await expect(page.locator('[data-testid="rollout-count"][data-state="NOT_STARTED"]')).toHaveAttribute('data-count', String(total - 3));
  await saveScreenshot(page, 'rollout');

  // A market already localizing is refused, page by page, in the job's errors.
  await page.getByRole('link', { name: `Spring collection ${stamp}` }).click();
  await page.getByRole('button', { name: 'Cascade to markets…' }).click();
  await dialog.getByRole('checkbox', { name: MARKETS.FR, exact: true }).check();
  await dialog.getByRole('button', { name: 'Start cascade' }).click();
  await expect(dialog.locator('[data-testid="cascade-target-error"][data-code="ALREADY_CASCADED"]')).toContainText('Northwind France');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The global text moves on after the markets localized it.
  const admin = await sessionOf(DEMO_USERS.admin);
  await callApi(
    'mutation ($id: ID!, $version: Int!, $input: UpdatePostInput!) { updatePost(id: $id, version: $version, input: $input) { version } }',
    { id: post.id, version: post.version, input: { body: `Spring collection ${stamp} is arriving #northwind` } },
    admin.accessToken,
  );

  // FR's manager: the board of what they read, FR alone, flagged; the child shows the diff to acknowledge.
  await openAs(page, DEMO_USERS.frManager, `/content/posts/${post.id}/rollout`);
  await expect(cells).toHaveCount(1);
  // The global post itself is the brand team's: the board names none of its text to FR.
  await expect(page.getByTestId('rollout-global')).not.toContainText('Spring collection');
  await expect(cells.first()).toHaveAttribute('data-market', 'FR');
  await expect(cells.first()).toHaveAttribute('data-state', 'LOCALIZING');
  await expect(cells.first().getByTestId('rollout-global-changed')).toBeVisible();
  await expect(cells.first().locator('ins[data-op="insert"]')).toHaveText('arriving');
  await cells.first().getByTestId('rollout-child-link').click();
  const notice = page.getByTestId('global-changed');
  await expect(notice.locator('del[data-op="delete"]')).toHaveText('here');
  await expect(page.getByRole('button', { name: 'Cascade to markets…' })).toHaveCount(0);
  await notice.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="GLOBAL_ACKNOWLEDGED"]')).toHaveCount(1);
  await page.getByTestId('cascade-child').getByRole('link', { name: 'Rollout board' }).click();
  await expect(cells.first().getByTestId('rollout-global-changed')).toHaveCount(0);

  // Spain's manager sees Spain's cell, never France's.
  await openAs(page, DEMO_USERS.esManager, `/content/posts/${post.id}/rollout`);
  await expect(cells).toHaveCount(1);
  await expect(cells.first()).toHaveAttribute('data-market', 'ES');
  // FR's publisher localizes FR's child: FR's cell, never Spain's.
  await openAs(page, DEMO_USERS.frPublisher, `/content/posts/${post.id}/rollout`);
  await expect(cells).toHaveCount(1);
  await expect(cells.first()).toHaveAttribute('data-market', 'FR');
  // FR's moderator reads no post at all: no board, said plainly.
  await openAs(page, DEMO_USERS.frModerator, `/content/posts/${post.id}/rollout`);
  await expect(page.getByTestId('rollout-missing')).toBeVisible();
});
