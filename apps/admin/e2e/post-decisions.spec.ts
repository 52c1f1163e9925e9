import { callApi, DEMO_USERS, expect, openAs, sessionOf, test } from './fixtures';

const SUBMIT = 'mutation ($id: ID!, $version: Int!) { submitPost(id: $id, version: $version) { id } }';

test("decision buttons follow the current step, not the ability: the brand team has none on FR's step, FR's manager has them; the publisher reads who approved by name", async ({ page }) => {
  const publisher = await sessionOf(DEMO_USERS.frPublisher);
  const { brand } = await callApi<{ brand: { id: string; pages: { id: string; country: string | null; network: string }[] } }>(
    '{ brand(slug: "northwind") { id pages(kind: MARKET) { id country network } } }',
    {},
    publisher.accessToken,
  );
  const fr = brand.pages.find((candidate) => candidate.country === 'FR' && candidate.network === 'facebook')!.id;
  const stamp = Date.now();
  const { createPost } = await callApi<{ createPost: { id: string; version: number } }>(
    'mutation ($input: CreatePostInput!) { createPost(input: $input) { id version } }',
    { input: { brandId: brand.id, targetPageIds: [fr], body: `Portes ouvertes ${stamp} #northwind`, locale: 'fr-FR' } },
    publisher.accessToken,
  );
  await callApi(SUBMIT, { id: createPost.id, version: createPost.version }, publisher.accessToken);
  const path = `/content/posts/${createPost.id}`;

  // The brand admin may approve posts in general, but the market step waits for FR's manager.
  await openAs(page, DEMO_USERS.admin, path);
  await expect(page.getByTestId('post-detail').getByTestId('post-state')).toHaveText('In review');
  await expect(page.getByTestId('approval-path').locator('[data-step-id="market"]')).toHaveAttribute('data-status', 'CURRENT');
  await expect(page.getByRole('button', { name: 'Add comment' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reject' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Request changes' })).toHaveCount(0);

  const manager = await openAs(page, DEMO_USERS.frManager, path);
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByTestId('post-detail').getByTestId('post-state')).toHaveText('Approved');
  const { me } = await callApi<{ me: { displayName: string } }>('{ me { displayName } }', {}, manager.accessToken);

  // The publisher reads no other account, yet the timeline names the approver.
  await openAs(page, DEMO_USERS.frPublisher, path);
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="APPROVED"]')).toContainText(`${me.displayName} approved`);
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="SUBMITTED"]')).toContainText('You submitted for approval');
  await expect(page.getByTestId('approval-path')).toContainText(`approved by ${me.displayName}`);
});
