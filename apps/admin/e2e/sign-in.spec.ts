import { DEMO_ADMIN, expect, test } from './fixtures';

test('the demo brand admin signs in and sees their name and brand', async ({ page, signIn }) => {
  await signIn();
  await expect(page.getByTestId('current-brand')).toHaveText('Northwind');
  await expect(page.getByRole('navigation', { name: 'Areas' })).toContainText('Reply queues');
});

test('a wrong password is refused with a message on the sign-in screen', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(DEMO_ADMIN.email);
  await page.getByRole('textbox', { name: 'Password' }).fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test('without a token the app sends the user to sign-in with a message', async ({ page }) => {
  await page.goto('/pages');
  await expect(page).toHaveURL(/\/sign-in\?from=/);
  await expect(page.getByRole('status')).toHaveText('Sign in to continue.');
});

test('an expired token brings the user back to sign-in saying the session expired', async ({ page, signIn }) => {
  await signIn();
  // A token the API no longer accepts, with a future expiry so only the server can refuse it.
  await page.evaluate(() => sessionStorage.setItem('pivot.accessToken', 'expired.token.value'));
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in\?expired=1/);
  await expect(page.getByRole('status')).toContainText('session has expired');
});

test('signing out returns to the sign-in screen', async ({ page, signIn }) => {
  await signIn();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
  await page.goto('/pages');
  await expect(page).toHaveURL(/\/sign-in/);
});
