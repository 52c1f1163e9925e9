import { callApi, DEMO_USERS, expect, openAs, sessionOf, test } from './fixtures';

interface Cell {
  targetPage: { id: string } | null;
  child: { id: string } | null;
}

test("FR's publisher opens FR's cascade child, written by the brand team, and submits it; FR's manager finds it in the inbox", async ({ page }) => {
  const admin = await sessionOf(DEMO_USERS.admin);
  const { brand } = await callApi<{ brand: { id: string; pages: { id: string; kind: string; country: string | null; network: string }[] } }>(
    '{ brand(slug: "northwind") { id pages { id kind country network } } }',
    {},
    admin.accessToken,
  );
  const facebook = brand.pages.filter((candidate) => candidate.network === 'facebook');
  const globalPage = facebook.find((candidate) => candidate.kind === 'GLOBAL')!.id;
  const fr = facebook.find((candidate) => candidate.kind === 'MARKET' && candidate.country === 'FR')!.id;
  const body = `Le printemps ${Date.now()} #northwind`;
  const { createPost } = await callApi<{ createPost: { id: string } }>(
    'mutation ($input: CreatePostInput!) { createPost(input: $input) { id } }',
    { input: { brandId: brand.id, targetPageIds: [globalPage], body, locale: 'en' } },
    admin.accessToken,
  );
  await callApi('mutation ($input: CascadePostInput!) { cascadePost(input: $input) { id } }', { input: { postId: createPost.id, targetPageIds: [fr] } }, admin.accessToken);
  // The cascade runs as a job: wait for FR's child.
  let childId: string | undefined;
  await expect
    .poll(async () => {
      const { rollout } = await callApi<{ rollout: { cells: Cell[] } }>('query ($id: ID!) { rollout(postId: $id) { cells { targetPage { id } child { id } } } }', { id: createPost.id }, admin.accessToken);
      childId = rollout.cells.find((cell) => cell.targetPage?.id === fr)?.child?.id;
      return childId;
    })
    .toBeTruthy();

  await openAs(page, DEMO_USERS.frPublisher, `/content/posts/${childId}`);
  const detail = page.getByTestId('post-detail');
  await expect(detail.getByTestId('post-state')).toHaveText('Draft');
  await expect(page.getByRole('link', { name: 'Edit' })).toBeVisible();
  await page.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(detail.getByTestId('post-state')).toHaveText('In review');
  // The one who submitted it may withdraw it, never decide on it.
  await expect(page.getByRole('button', { name: 'Withdraw' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);

  await openAs(page, DEMO_USERS.frManager, '/content/approvals');
  await expect(page.getByTestId('post-row').filter({ hasText: body })).toHaveCount(1);
});
