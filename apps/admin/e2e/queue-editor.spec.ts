import { DEMO_USERS, expect, openAs, test } from './fixtures';

test("FR's manager lists FR's queues, creates one (a bad SLA is refused under its field first) and adds FR's moderator as a member", async ({ page }) => {
  await openAs(page, DEMO_USERS.frManager, '/reply-queues');
  await page.getByRole('link', { name: 'Queues', exact: true }).click();
  await expect(page).toHaveURL(/\/reply-queues\/queues$/);
  const list = page.getByTestId('queue-list');
  await expect(list.getByTestId('queue-row').filter({ hasText: 'Northwind France replies' })).toHaveCount(1);
  await expect(list).not.toContainText('España');

  await page.getByRole('button', { name: 'New queue' }).click();
  const form = page.getByTestId('queue-form');
  const name = `FR VIP ${Date.now()}`;
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('First response within (business minutes)').fill('0');
  await form.getByLabel('Saturday').fill('10:00-13:00');
  await form.getByRole('button', { name: 'Create queue' }).click();
  await expect(form.getByText(/must be between 1 and \d+ minutes/)).toBeVisible();
  await form.getByLabel('First response within (business minutes)').fill('30');
  await form.getByRole('button', { name: 'Create queue' }).click();
  await expect(form).toHaveCount(0);

  const row = list.getByTestId('queue-row').filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('30 / 240 min · Europe/Paris');
  await expect(row).toHaveAttribute('aria-selected', 'true');

  const members = page.getByTestId('queue-members');
  await expect(members).toContainText('Nobody works this queue yet.');
  const memberForm = members.getByTestId('member-form');
  await memberForm.getByRole('combobox', { name: 'Add a member' }).click();
  // Only those who may work FR's conversations are offered: not FR's publisher, not ES's manager.
  await expect(page.getByRole('option', { name: /Félix Publisher|Elena Manager/ })).toHaveCount(0);
  await page.getByRole('option', { name: /Margot Moderator/ }).click();
  await memberForm.getByLabel('Capacity').fill('2');
  await memberForm.getByLabel('Languages').fill('fr, en');
  await memberForm.getByRole('button', { name: 'Add member' }).click();
  const member = members.getByTestId('member-row').filter({ hasText: 'Margot Moderator' });
  await expect(member).toContainText('2');
  await expect(member).toContainText('fr, en');
  await expect(row.locator('td').last()).toHaveText('1');

  // A second default queue for FR's page is the API's refusal (CONFLICT), shown in the form.
  await page.getByRole('button', { name: 'Edit queue' }).click();
  await form.getByLabel(/Default queue of its page/).check();
  await form.getByRole('button', { name: 'Save queue' }).click();
  await expect(form.getByRole('alert')).toContainText('already has a default queue');
});

test("FR's moderator reads FR's queues without the means to change them", async ({ page }) => {
  await openAs(page, DEMO_USERS.frModerator, '/reply-queues/queues');
  const row = page.getByTestId('queue-row').filter({ hasText: 'Northwind France replies' });
  await expect(row).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'New queue' })).toHaveCount(0);
  await row.click();
  await expect(page.getByTestId('queue-members')).toContainText('Margot Moderator');
  await expect(page.getByRole('button', { name: 'Edit queue' })).toHaveCount(0);
  await expect(page.getByTestId('member-form')).toHaveCount(0);
});
