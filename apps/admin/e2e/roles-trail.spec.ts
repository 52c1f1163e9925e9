import { callApi, DEMO_USERS, expect, openAs, sessionOf, test } from './fixtures';
import { drainQueue, frSetup, importComments } from './reply-queue-world';

/* Issue 20 in the admin: the trail's canned replies in the moderator's picker, the market's calendar read-only to its publishers. */

test("FR's moderator answers with the brand's canned reply, offered in the picker under its origin, the global page", async ({ page }) => {
  const { frQueueId } = await frSetup();
  await drainQueue(frQueueId);
  const { accessToken: adminToken } = await sessionOf(DEMO_USERS.admin);
  const { brand } = await callApi<{ brand: { pages: { id: string; kind: string }[] } }>('{ brand(slug: "northwind") { pages { id kind } } }', {}, adminToken);
  const globalId = brand.pages.find((p) => p.kind === 'GLOBAL')!.id;
  const name = `Brand thanks ${Date.now()}`;
  await callApi(
    'mutation ($input: CreateCannedResponseInput!) { createCannedResponse(input: $input) { id } }',
    { input: { name, scopePageId: globalId, variants: [{ language: 'fr', body: 'Merci {{author.firstName}} !' }, { language: 'en', body: 'Thanks {{author.firstName}}!' }] } },
    adminToken,
  );
  const author = { id: `author-trail-${Date.now()}`, name: 'Inès Trail' };
  await importComments('fb-northwind.fr', [author], { text: 'Merci pour tout', language: 'fr' });
  const { accessToken: moderatorToken } = await sessionOf(DEMO_USERS.frModerator);
  await expect
    .poll(async () => (await callApi<{ replyQueue: { waitingCount: number } }>('query ($id: ID!) { replyQueue(id: $id) { waitingCount } }', { id: frQueueId }, moderatorToken)).replyQueue.waitingCount)
    .toBe(1);

  await openAs(page, DEMO_USERS.frModerator, '/reply-queues/work');
  // Other screens' tests may have made FR's moderator a member of more queues: pick FR's own.
  const picker = page.getByTestId('queue-picker');
  await picker.click();
  await page.getByRole('option', { name: /^Northwind France replies/ }).click();
  await expect(picker).toHaveValue('Northwind France replies (1 waiting)');
  await picker.evaluate((input) => (input as HTMLInputElement).blur()); // shortcuts are not for a focused field
  await page.keyboard.press('n');
  await expect(page.getByTestId('worked-author')).toHaveText(author.name);
  await page.getByTestId('canned-picker').click();
  // Grouped by origin: the brand's reply sits under "Northwind", the global page.
  const option = page.getByRole('option', { name });
  await expect(option).toBeVisible();
  await expect(page.getByRole('group', { name: 'Northwind' }).getByRole('option', { name })).toBeVisible();
  await option.click();
  await expect(page.getByTestId('canned-origin')).toHaveText('from Northwind');
  await expect(page.getByTestId('reply-preview')).toContainText('Merci Inès !');
});

test("FR's publisher reads FR's manager's post on the market's calendar, without a button to change it", async ({ page }) => {
  const manager = await sessionOf(DEMO_USERS.frManager);
  const { brand } = await callApi<{ brand: { id: string; pages: { id: string; kind: string; country: string | null }[] } }>('{ brand(slug: "northwind") { id pages { id kind country } } }', {}, manager.accessToken);
  const fr = brand.pages.find((p) => p.kind === 'MARKET' && p.country === 'FR')!.id;
  const body = `Calendrier du marché ${Date.now()} #northwind`;
  const { createPost } = await callApi<{ createPost: { id: string } }>(
    'mutation ($input: CreatePostInput!) { createPost(input: $input) { id } }',
    { input: { brandId: brand.id, targetPageIds: [fr], body, locale: 'fr-FR' } },
    manager.accessToken,
  );

  await openAs(page, DEMO_USERS.frPublisher, `/content/posts/${createPost.id}`);
  const detail = page.getByTestId('post-detail');
  await expect(detail).toContainText(body);
  await expect(page.getByTestId('post-read-only')).toBeVisible();
  for (const button of ['Edit', 'Submit for approval', 'Archive', 'Approve']) await expect(page.getByRole('button', { name: button })).toHaveCount(0);
});
