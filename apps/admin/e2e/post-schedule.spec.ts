import { callApi, DEMO_USERS, expect, openAs, sessionOf, test } from './fixtures';

test("FR's manager schedules an approved post, is refused a time in the past, and takes it off the schedule; its publisher cannot", async ({ page }) => {
  const publisher = await sessionOf(DEMO_USERS.frPublisher);
  const manager = await sessionOf(DEMO_USERS.frManager);
  const { brand } = await callApi<{ brand: { id: string; pages: { id: string; country: string | null; network: string }[] } }>(
    '{ brand(slug: "northwind") { id pages(kind: MARKET) { id country network } } }',
    {},
    publisher.accessToken,
  );
  const fr = brand.pages.find((candidate) => candidate.country === 'FR' && candidate.network === 'facebook')!.id;
  const move = (name: string) => `mutation ($id: ID!, $version: Int!) { ${name}(id: $id, version: $version) { id version } }`;
  const { createPost } = await callApi<{ createPost: { id: string; version: number } }>(
    'mutation ($input: CreatePostInput!) { createPost(input: $input) { id version } }',
    { input: { brandId: brand.id, targetPageIds: [fr], body: `Sans date ${Date.now()} #northwind`, locale: 'fr-FR' } },
    publisher.accessToken,
  );
  const { submitPost } = await callApi<{ submitPost: { version: number } }>(move('submitPost'), createPost, publisher.accessToken);
  await callApi(move('approvePost'), { id: createPost.id, version: submitPost.version }, manager.accessToken);
  const path = `/content/posts/${createPost.id}`;

  await openAs(page, DEMO_USERS.frPublisher, path);
  await expect(page.getByTestId('post-detail').getByTestId('post-state')).toHaveText('Approved');
  await expect(page.getByRole('button', { name: 'Schedule' })).toHaveCount(0);

  await openAs(page, DEMO_USERS.frManager, path);
  const time = page.getByLabel('Publish at');
  await time.fill('2020-01-01T09:00');
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByText('must be in the future')).toBeVisible();
  await expect(page.getByTestId('post-detail').getByTestId('post-state')).toHaveText('Approved');

  await time.fill(`${new Date().getFullYear() + 1}-06-01T09:00`);
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByTestId('post-detail').getByTestId('post-state')).toHaveText('Scheduled');
  await expect(page.getByTestId('publish-at')).toBeVisible();
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="SCHEDULED"]')).toHaveCount(1);

  await page.getByRole('button', { name: 'Unschedule' }).click();
  await expect(page.getByTestId('post-detail').getByTestId('post-state')).toHaveText('Approved');
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="UNSCHEDULED"]')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Schedule' })).toBeVisible();
});
