import { brandId, callApi, DEMO_USERS, expect, frPageId, openAs, saveScreenshot, sessionOf, test, type Session } from './fixtures';

const FR_PAGE = 'Northwind France · market · facebook';

async function pickTarget(page: import('@playwright/test').Page, label: string) {
  await page.getByRole('combobox', { name: 'Target pages' }).click();
  await page.getByRole('option', { name: label, exact: true }).click();
  await page.keyboard.press('Escape');
}

test("FR's publisher drafts and submits a post past the live guardrails, FR's manager approves it from the inbox, ES's manager never sees it", async ({ page }) => {
  const stamp = Date.now();
  await openAs(page, DEMO_USERS.frPublisher, '/content');
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Content' }).click();
  await page.getByRole('link', { name: 'New post' }).click();
  // Only pages the publisher may post to are offered: FR's, not Spain's.
  await page.getByRole('combobox', { name: 'Target pages' }).click();
  await expect(page.getByRole('option', { name: /España/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await pickTarget(page, FR_PAGE);
  await expect(page.getByRole('textbox', { name: 'Locale' })).toHaveValue(/^fr/);

  // As the text is typed, the domain's checks run: a banned term blocks, the missing hashtag warns.
  const text = page.getByRole('textbox', { name: 'Text', exact: true });
  await text.fill(`Soldes de printemps ${stamp}, guaranteed`);
  const live = page.getByTestId('live-guardrails');
  await expect(live.locator('[data-testid="guardrail-issue"][data-code="BANNED_TERM"]')).toHaveAttribute('data-severity', 'error');
  await expect(live.locator('[data-testid="guardrail-issue"][data-code="MISSING_HASHTAG"]')).toHaveAttribute('data-severity', 'warning');
  await expect(live.locator('mark[data-severity="error"]')).toHaveText('guaranteed');
  await expect(page.getByRole('button', { name: 'Submit for approval' })).toBeDisabled();
  // A warning brings the brand team into the path, before anything is sent.
  const preview = page.getByTestId('approval-preview');
  await expect(preview.getByTestId('approval-step')).toHaveCount(2);
  await expect(preview.locator('[data-step-id="brand"]')).toBeVisible();
  await saveScreenshot(page, 'composer');

  await text.fill(`Soldes de printemps ${stamp}`);
  await expect(live.getByTestId('guardrail-issue')).toHaveCount(1);
  await expect(live.locator('[data-testid="guardrail-issue"][data-code="MISSING_HASHTAG"]')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Submit for approval' })).toBeEnabled();
  await text.fill(`Soldes de printemps ${stamp} #northwind`);
  await expect(live.getByTestId('guardrails-ok')).toBeVisible();
  await expect(preview.getByTestId('approval-step')).toHaveCount(1);
  await expect(preview.locator('[data-step-id="market"]')).toContainText('MARKET_MANAGER');

  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('draft-saved')).toContainText('version 1');
  await page.getByRole('button', { name: 'Submit for approval' }).click();
  const detail = page.getByTestId('post-detail');
  await expect(detail.getByTestId('post-state')).toHaveText('In review');
  await expect(page).toHaveURL(/\/content\/posts\/[0-9a-f-]{36}$/);
  const postUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId('approval-path').locator('[data-step-id="market"]')).toHaveAttribute('data-status', 'CURRENT');
  // The author may withdraw, never decide.
  await expect(page.getByRole('button', { name: 'Withdraw' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reject' })).toHaveCount(0);

  // FR's manager: the post waits in the inbox, after the older seeded one.
  await openAs(page, DEMO_USERS.frManager, '/content/approvals');
  const rows = page.getByTestId('post-row');
  await expect(rows.filter({ hasText: `Soldes de printemps ${stamp}` })).toHaveCount(1);
  await expect(rows.last()).toContainText(`Soldes de printemps ${stamp}`);
  await rows.filter({ hasText: `Soldes de printemps ${stamp}` }).click();
  await page.getByRole('textbox', { name: 'Comment' }).fill('Parfait, merci');
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(detail.getByTestId('post-state')).toHaveText('Approved');
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="SUBMITTED"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="APPROVED"]')).toContainText('Parfait, merci');
  await expect(page.getByTestId('approval-path').locator('[data-step-id="market"]')).toHaveAttribute('data-status', 'APPROVED');
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await saveScreenshot(page, 'post-detail');
  await page.getByRole('link', { name: 'Approvals' }).click();
  await expect(page.getByTestId('post-count')).toBeVisible();
  await expect(page.getByTestId('post-list')).not.toContainText(`Soldes de printemps ${stamp}`);

  // ES's manager: not in their inbox, not in their posts, and not by its address either.
  await openAs(page, DEMO_USERS.esManager, '/content/approvals');
  await expect(page.getByTestId('post-count')).toBeVisible();
  await expect(page.getByTestId('post-list')).not.toContainText(`Soldes de printemps ${stamp}`);
  await page.getByRole('link', { name: 'All posts' }).click();
  await expect(page.getByTestId('post-count')).toBeVisible();
  await expect(page.getByTestId('post-list')).not.toContainText(`Soldes de printemps ${stamp}`);
  await page.goto(postUrl);
  await expect(page.getByTestId('post-missing')).toBeVisible();
});

test('a publisher sees no decision on a post in review, and a stale save tells them to reload', async ({ page }) => {
  const publisher: Session = await sessionOf(DEMO_USERS.frPublisher);
  const { posts } = await callApi<{ posts: { edges: { node: { id: string; state: string; body: string } }[] } }>(
    '{ posts(first: 50) { edges { node { id state body } } } }',
    {},
    publisher.accessToken,
  );
  const inReview = posts.edges.map((edge) => edge.node).find((post) => post.state === 'IN_REVIEW')!;
  await openAs(page, DEMO_USERS.frPublisher, `/content/posts/${inReview.id}`);
  await expect(page.getByTestId('post-detail').getByTestId('post-state')).toHaveText('In review');
  await expect(page.getByRole('button', { name: 'Withdraw' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Request changes' })).toHaveCount(0);

  // My drafts lists the publisher's draft; it is edited elsewhere while open here.
  const stamp = Date.now();
  const { createPost } = await callApi<{ createPost: { id: string; version: number } }>(
    'mutation ($input: CreatePostInput!) { createPost(input: $input) { id version } }',
    { input: { brandId: await brandId(publisher), targetPageIds: [await frPageId(publisher)], body: `Brouillon ${stamp} #northwind`, locale: 'fr-FR' } },
    publisher.accessToken,
  );
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Content' }).click();
  await page.getByTestId('post-row').filter({ hasText: `Brouillon ${stamp}` }).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('textbox', { name: 'Text', exact: true })).toHaveValue(`Brouillon ${stamp} #northwind`);
  await callApi(
    'mutation ($id: ID!, $version: Int!, $input: UpdatePostInput!) { updatePost(id: $id, version: $version, input: $input) { version } }',
    { id: createPost.id, version: createPost.version, input: { body: `Brouillon ${stamp} modifié #northwind` } },
    publisher.accessToken,
  );
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('composer-error')).toContainText('Reload');
  // Reloaded, the latest text is there; the API's field errors show next to their field.
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Text', exact: true })).toHaveValue(`Brouillon ${stamp} modifié #northwind`);
  await page.getByRole('textbox', { name: 'Locale' }).fill('not a locale!');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('is not a BCP 47 language tag')).toBeVisible();
});

test("FR's manager sends a post back only with a comment; its author reads it on the timeline and may edit again", async ({ page }) => {
  const publisher = await sessionOf(DEMO_USERS.frPublisher);
  const stamp = Date.now();
  const { createPost } = await callApi<{ createPost: { id: string; version: number } }>(
    'mutation ($input: CreatePostInput!) { createPost(input: $input) { id version } }',
    { input: { brandId: await brandId(publisher), targetPageIds: [await frPageId(publisher)], body: `Atelier ${stamp} #northwind`, locale: 'fr-FR' } },
    publisher.accessToken,
  );
  await callApi('mutation ($id: ID!, $version: Int!) { submitPost(id: $id, version: $version) { id } }', createPost, publisher.accessToken);

  await openAs(page, DEMO_USERS.frManager, `/content/posts/${createPost.id}`);
  await page.getByRole('button', { name: 'Request changes' }).click();
  await expect(page.getByText('Say what to change')).toBeVisible();
  await page.getByRole('textbox', { name: 'Comment' }).fill('Ajoutez la date, svp');
  await page.getByRole('button', { name: 'Request changes' }).click();
  await expect(page.getByTestId('post-detail').getByTestId('post-state')).toHaveText('Changes requested');
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="CHANGES_REQUESTED"]')).toContainText('Ajoutez la date, svp');
  // The posts list filtered by state finds it; filtered on another state it does not.
  await page.getByRole('link', { name: 'All posts' }).click();
  const states = page.getByRole('combobox', { name: 'States' });
  await states.click();
  await page.getByRole('option', { name: 'Approved', exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('post-count')).toBeVisible();
  await expect(page.getByTestId('post-row').filter({ hasText: `Atelier ${stamp}` })).toHaveCount(0);
  await states.click();
  await page.getByRole('option', { name: 'Changes requested', exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('post-row').filter({ hasText: `Atelier ${stamp}` })).toHaveCount(1);
  for (const badge of await page.getByTestId('post-row').getByTestId('post-state').allTextContents()) expect(['Approved', 'Changes requested']).toContain(badge);

  await openAs(page, DEMO_USERS.frPublisher, '/content');
  await page.getByTestId('post-row').filter({ hasText: `Atelier ${stamp}` }).click();
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="CHANGES_REQUESTED"]')).toContainText('Ajoutez la date, svp');
  await expect(page.getByRole('link', { name: 'Edit' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Submit for approval' })).toBeVisible();
});

test("the publisher's drafts load a page at a time, newest first, with Load more", async ({ page }) => {
  const publisher = await sessionOf(DEMO_USERS.frPublisher);
  const [brand, fr] = [await brandId(publisher), await frPageId(publisher)];
  const stamp = Date.now();
  // One more than a page of the list (25).
  for (let i = 0; i < 26; i += 1) {
    await callApi(
      'mutation ($input: CreatePostInput!) { createPost(input: $input) { id } }',
      { input: { brandId: brand, targetPageIds: [fr], body: `Série ${stamp} n°${i} #northwind`, locale: 'fr-FR' } },
      publisher.accessToken,
    );
  }
  await openAs(page, DEMO_USERS.frPublisher, '/content');
  const rows = page.getByTestId('post-row');
  await expect(rows).toHaveCount(25);
  await expect(rows.first()).toContainText(`Série ${stamp} n°25`);
  await expect(page.getByTestId('post-count')).toHaveText(/^25 of (\d+) posts/);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(page.getByTestId('post-count')).toHaveText(/^(\d+) of \1 posts/);
  await expect(rows.filter({ hasText: `Série ${stamp} n°0 ` })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
  for (const state of await rows.getByTestId('post-state').allTextContents()) expect(['Draft', 'Changes requested']).toContain(state);
});
