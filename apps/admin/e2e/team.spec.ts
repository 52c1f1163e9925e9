import { callApi, DEMO_USERS, expect, openAs, saveScreenshot, sessionOf, test } from './fixtures';

test("FR's manager invites a publisher in FR and grants them a second role; both show in the Team list", async ({ page }) => {
  await openAs(page, DEMO_USERS.frManager, '/team');
  const email = `nina.${Date.now()}@northwind.example`;
  await page.getByRole('button', { name: 'Invite a user' }).click();
  const dialog = page.getByRole('dialog');
  // Only what a market manager may grant is offered.
  await dialog.getByLabel(/^Role/).click();
  await expect(page.getByRole('option')).toHaveText(['Publisher', 'Moderator', 'Analyst']);
  await page.getByRole('option', { name: 'Publisher' }).click();
  await dialog.getByLabel(/^Scope page/).click();
  await expect(page.getByRole('option', { name: /España/ })).toHaveCount(0);
  await page.getByRole('option', { name: 'Northwind France · market · facebook' }).click();
  await dialog.getByLabel(/^Display name/).fill('Nina Newcomer');
  // The API's field errors are shown next to the field: a malformed address, then a taken one.
  await dialog.getByLabel(/^Email/).fill('nina-at-northwind');
  await dialog.getByRole('button', { name: 'Invite' }).click();
  await expect(dialog.getByText('is not an email address')).toBeVisible();
  await dialog.getByLabel(/^Email/).fill(DEMO_USERS.frPublisher);
  await dialog.getByRole('button', { name: 'Invite' }).click();
  await expect(dialog.getByText(`A user with email ${DEMO_USERS.frPublisher} already exists`)).toBeVisible();
  await dialog.getByLabel(/^Email/).fill(email);
  await dialog.getByRole('button', { name: 'Invite' }).click();

  const shown = dialog.getByTestId('temporary-password');
  await expect(shown).toContainText('Nina Newcomer is invited');
  const temporaryPassword = (await shown.locator('code').textContent())!.trim();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  const row = page.locator(`[data-testid="team-user"][data-email="${email}"]`);
  await expect(row.getByTestId('user-role')).toHaveText(['Publisher · Northwind France']);

  await row.getByRole('button', { name: 'Grant Nina Newcomer a role' }).click();
  const grant = page.getByRole('dialog');
  await grant.getByLabel(/^Role/).click();
  await page.getByRole('option', { name: 'Moderator' }).click();
  await grant.getByLabel(/^Scope page/).click();
  await page.getByRole('option', { name: 'Northwind France · market · facebook' }).click();
  await grant.getByRole('button', { name: 'Grant role' }).click();
  await expect(grant).toBeHidden();
  await expect(row.getByTestId('user-role')).toHaveText(['Publisher · Northwind France', 'Moderator · Northwind France']);

  // The password shown once works.
  const session = await sessionOf(email, temporaryPassword);
  expect(session.accessToken).toBeTruthy();
});

test('the brand admin sees every demo user on the Team screen', async ({ page }) => {
  await openAs(page, DEMO_USERS.admin, '/team');
  for (const email of [DEMO_USERS.admin, DEMO_USERS.frManager, DEMO_USERS.esManager, DEMO_USERS.frPublisher, DEMO_USERS.frModerator, DEMO_USERS.analyst]) {
    await expect(page.locator(`[data-testid="team-user"][data-email="${email}"]`)).toHaveCount(1);
  }
  const frManager = page.locator(`[data-testid="team-user"][data-email="${DEMO_USERS.frManager}"]`);
  await expect(frManager.getByTestId('user-role')).toHaveText(['Market manager · Northwind France']);
  await expect(page.getByRole('button', { name: 'Invite a user' })).toBeVisible();
  await saveScreenshot(page, 'team');
});

test('the brand admin finds a user by email, revokes one of their roles and disables them; they can no longer sign in', async ({ page }) => {
  const admin = await sessionOf(DEMO_USERS.admin);
  const { brand } = await callApi<{ brand: { pages: { id: string; country: string | null }[] } }>(
    '{ brand(slug: "northwind") { pages(kind: MARKET) { id country } } }',
    {},
    admin.accessToken,
  );
  const fr = brand.pages.find((candidate) => candidate.country === 'FR')!;
  const email = `omar.${Date.now()}@northwind.example`;
  const { inviteUser } = await callApi<{ inviteUser: { user: { id: string }; temporaryPassword: string } }>(
    'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { user { id } temporaryPassword } }',
    { input: { email, displayName: 'Omar Outgoing', role: 'ANALYST', scopePageId: fr.id } },
    admin.accessToken,
  );
  await callApi(
    'mutation ($input: GrantRoleInput!) { grantRole(input: $input) { id } }',
    { input: { userId: inviteUser.user.id, role: 'MODERATOR', scopePageId: fr.id } },
    admin.accessToken,
  );

  await openAs(page, DEMO_USERS.admin, '/team');
  await page.getByLabel('Search users').fill('omar.');
  await expect(page.getByTestId('team-user')).toHaveCount(1);
  const row = page.locator(`[data-testid="team-user"][data-email="${email}"]`);
  await expect(row.getByTestId('user-role')).toHaveText(['Analyst · Northwind France', 'Moderator · Northwind France']);
  await row.getByRole('button', { name: 'Revoke Moderator · Northwind France' }).click();
  await expect(row.getByTestId('user-role')).toHaveText(['Analyst · Northwind France']);

  await row.getByRole('button', { name: 'Disable', exact: true }).click();
  await row.getByRole('button', { name: 'Confirm disable' }).click();
  await expect(row).toContainText('disabled');
  await expect(row.getByRole('button', { name: 'Disable', exact: true })).toHaveCount(0);
  await expect(sessionOf(email, inviteUser.temporaryPassword)).rejects.toThrow();
});

test("FR's manager may neither disable users nor revoke their own role", async ({ page }) => {
  await openAs(page, DEMO_USERS.frManager, '/team');
  const publisher = page.locator(`[data-testid="team-user"][data-email="${DEMO_USERS.frPublisher}"]`);
  await expect(publisher.getByRole('button', { name: 'Revoke Publisher · Northwind France' })).toBeVisible();
  await expect(publisher.getByRole('button', { name: 'Disable', exact: true })).toHaveCount(0);
  const self = page.locator(`[data-testid="team-user"][data-email="${DEMO_USERS.frManager}"]`);
  await expect(self.getByTestId('user-role')).toHaveText(['Market manager · Northwind France']);
  await expect(self.getByRole('button')).toHaveCount(0);
  await expect(page.locator(`[data-testid="team-user"][data-email="${DEMO_USERS.esManager}"]`)).toHaveCount(0);
});
