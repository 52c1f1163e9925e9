import type { Page } from '@playwright/test';
import { brandId, callApi, DEMO_USERS, expect, frPageId, openAs, saveScreenshot, sessionOf, test } from './fixtures';

const FR_TARGET = 'Northwind France · market · facebook';
const FR_MARKET = 'Northwind France · facebook';

/** Tomorrow at 10:00 in the browser's (and this machine's) time zone, as a datetime-local value and a day key. */
function tomorrowAtTen(): { input: string; day: string; at: Date } {
  const now = new Date();
  const at = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 10, 0);
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return { input: `${day}T10:00`, day, at };
}

async function pickOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

/** The calendar for FR, on the week holding `day` (the Next button when tomorrow starts a new week). */
async function openFrCalendar(page: Page, day: string) {
  await page.getByRole('navigation', { name: 'Content views' }).getByRole('link', { name: 'Calendar' }).click();
  await pickOption(page, 'Market', FR_MARKET);
  await expect(page.getByTestId('calendar-count')).toBeVisible();
  if ((await page.locator(`[data-testid="calendar-day"][data-day="${day}"]`).count()) === 0) await page.getByRole('button', { name: 'Next' }).click();
  return page.locator(`[data-testid="calendar-day"][data-day="${day}"]`);
}

test("the post shows as scheduled: FR's publisher drafts with a publish time and submits, FR's manager approves, the detail and FR's calendar show it", async ({ page }) => {
  const stamp = Date.now();
  const when = tomorrowAtTen();
  await openAs(page, DEMO_USERS.frPublisher, '/content/new');
  await pickOption(page, 'Target pages', FR_TARGET);
  await page.getByRole('textbox', { name: 'Text', exact: true }).fill(`Calendrier ${stamp} #northwind`);
  await page.getByLabel('Publish at').fill(when.input);
  await page.getByRole('button', { name: 'Submit for approval' }).click();
  const detail = page.getByTestId('post-detail');
  await expect(detail.getByTestId('post-state')).toHaveText('In review');
  await expect(detail.getByTestId('post-schedule').locator('time')).toHaveAttribute('dateTime', when.at.toISOString());
  const postId = new URL(page.url()).pathname.split('/').pop()!;

  await openAs(page, DEMO_USERS.frManager, `/content/posts/${postId}`);
  await page.getByRole('button', { name: 'Approve' }).click();
  // Approved with a time, it goes straight to SCHEDULED, its time shown.
  await expect(detail.getByTestId('post-state')).toHaveText('Scheduled');
  await expect(detail.getByTestId('post-schedule').locator('time')).toHaveAttribute('dateTime', when.at.toISOString());
  await expect(detail.getByTestId('post-held')).toHaveCount(0);

  const day = await openFrCalendar(page, when.day);
  const entry = day.locator(`[data-testid="calendar-entry"][data-post-id="${postId}"]`);
  await expect(entry).toContainText(`Calendrier ${stamp}`);
  await expect(entry).toHaveAttribute('data-state', 'SCHEDULED');
  await expect(entry).toHaveAttribute('data-held', 'false');
  await saveScreenshot(page, 'calendar');
  await entry.click();
  await expect(page).toHaveURL(new RegExp(`/content/posts/${postId}$`));

  // Spain's manager: not on their calendar (not even asking for FR is possible), not by its address.
  await openAs(page, DEMO_USERS.esManager, `/content/calendar?date=${when.day}`);
  await expect(page.getByTestId('calendar-count')).toBeVisible();
  await expect(page.locator(`[data-testid="calendar-entry"][data-post-id="${postId}"]`)).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Market' }).click();
  await expect(page.getByRole('option', { name: FR_MARKET, exact: true })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.goto(`/content/posts/${postId}`);
  await expect(page.getByTestId('post-missing')).toContainText('not yours to see');
});

test("the brand admin freezes FR after confirming: FR's scheduled post shows held, FR's manager sees the banner, Spain's does not", async ({ page }) => {
  const when = tomorrowAtTen();
  const postId = await scheduledFrPost(`Gel ${Date.now()} #northwind`, when.at);

  await openAs(page, DEMO_USERS.admin, '/content');
  await page.getByRole('navigation', { name: 'Content views' }).getByRole('link', { name: 'Freeze' }).click();
  await expect(page.getByTestId('freeze-banner')).toHaveCount(0);
  await pickOption(page, 'Market', FR_MARKET);
  await page.getByRole('textbox', { name: 'Reason (optional)' }).fill('Élections');
  await page.getByRole('button', { name: 'Freeze market' }).click();
  // Nothing is frozen until confirmed.
  const confirm = page.getByRole('dialog', { name: 'Freeze publishing?' });
  await expect(confirm).toContainText('Northwind France');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('market-freeze')).toHaveCount(0);
  await page.getByRole('button', { name: 'Freeze market' }).click();
  await confirm.getByRole('button', { name: 'Freeze' }).click();
  await expect(page.getByTestId('market-freeze')).toHaveCount(1);
  await expect(page.getByTestId('market-freeze')).toContainText('Élections');
  await expect(page.getByTestId('freeze-banner')).toContainText('Northwind France');

  try {
    const day = await openFrCalendar(page, when.day);
    await expect(day.locator(`[data-testid="calendar-entry"][data-post-id="${postId}"]`)).toHaveAttribute('data-held', 'true');
    await day.locator(`[data-testid="calendar-entry"][data-post-id="${postId}"]`).click();
    await expect(page.getByTestId('post-detail').getByTestId('post-held')).toBeVisible();

    // The freeze is the brand team's: FR's manager is told, has no switch; Spain's manager is not concerned.
    await openAs(page, DEMO_USERS.frManager, `/content/posts/${postId}`);
    await expect(page.getByTestId('freeze-banner')).toContainText('Northwind France');
    await expect(page.getByTestId('post-held')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Content views' }).getByRole('link', { name: 'Freeze' })).toHaveCount(0);
    await openAs(page, DEMO_USERS.esManager, '/content');
    await expect(page.getByTestId('post-count')).toBeVisible();
    await expect(page.getByTestId('freeze-banner')).toHaveCount(0);
  } finally {
    // The stack is shared by every browser test: lift the freeze whatever happened above.
    const admin = await sessionOf(DEMO_USERS.admin);
    await callApi('mutation ($b: ID!, $m: ID) { setPublishingFreeze(brandId: $b, frozen: false, marketPageId: $m) { id } }', { b: await brandId(admin), m: await frPageId(admin) }, admin.accessToken);
  }
  await openAs(page, DEMO_USERS.admin, '/content/freeze');
  await expect(page.getByTestId('freeze-brand')).toBeVisible();
  await expect(page.getByTestId('market-freeze')).toHaveCount(0);
  await expect(page.getByTestId('freeze-banner')).toHaveCount(0);
});

test('a post address that is no post, or not the caller’s, shows "not found" instead of an error', async ({ page }) => {
  await openAs(page, DEMO_USERS.frPublisher, '/content/posts/6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f');
  await expect(page.getByTestId('post-missing')).toContainText('Post not found');
  await page.goto('/content/posts/not-an-id');
  await expect(page.getByTestId('post-missing')).toBeVisible();
  await page.getByTestId('post-missing').getByRole('link', { name: 'All posts' }).click();
  await expect(page.getByTestId('post-count')).toBeVisible();
});

/** Set-up through the API: an FR post by FR's publisher, approved by FR's manager, scheduled at `at`. */
async function scheduledFrPost(body: string, at: Date): Promise<string> {
  const publisher = await sessionOf(DEMO_USERS.frPublisher);
  const manager = await sessionOf(DEMO_USERS.frManager);
  const input = { brandId: await brandId(publisher), targetPageIds: [await frPageId(publisher)], body, locale: 'fr-FR', publishAt: at.toISOString() };
  const { createPost } = await callApi<{ createPost: { id: string; version: number } }>('mutation ($input: CreatePostInput!) { createPost(input: $input) { id version } }', { input }, publisher.accessToken);
  const { submitPost } = await callApi<{ submitPost: { id: string; version: number } }>('mutation ($id: ID!, $version: Int!) { submitPost(id: $id, version: $version) { id version } }', createPost, publisher.accessToken);
  const { approvePost } = await callApi<{ approvePost: { state: string } }>('mutation ($id: ID!, $version: Int!) { approvePost(id: $id, version: $version) { state } }', submitPost, manager.accessToken);
  expect(approvePost.state).toBe('SCHEDULED');
  return createPost.id;
}
