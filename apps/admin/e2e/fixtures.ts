import { test as base, chromium, expect, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, resolveChromium } from './chromium-path';
import { trackSubscriptions } from './live-subscriptions';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const DEMO_ADMIN = { email: 'admin@northwind.example', password: 'pivot-demo' };
/** The seeded demo users (password pivot-demo), one per role and scope. */
export const DEMO_USERS = {
  admin: 'admin@northwind.example',
  frManager: 'fr.manager@northwind.example',
  esManager: 'es.manager@northwind.example',
  frPublisher: 'fr.publisher@northwind.example',
  frModerator: 'fr.moderator@northwind.example',
  analyst: 'analyst@northwind.example',
  frAnalyst: 'fr.analyst@northwind.example',
  platform: 'platform@pivot.example',
} as const;

export interface Session {
  accessToken: string;
  expiresAt: string;
}

/** A GraphQL call straight to the API started by globalSetup (test data set-up, not the UI under test). */
export async function callApi<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${process.env.PIVOT_API_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The demo brand's id, as `session` reads it (test set-up). */
export async function brandId(session: Session): Promise<string> {
  return (await callApi<{ brand: { id: string } }>('{ brand(slug: "northwind") { id } }', {}, session.accessToken)).brand.id;
}

/** The demo brand's French market page on facebook (test set-up). */
export async function frPageId(session: Session): Promise<string> {
  const { brand } = await callApi<{ brand: { pages: { id: string; country: string | null; network: string }[] } }>(
    '{ brand(slug: "northwind") { pages(kind: MARKET) { id country network } } }',
    {},
    session.accessToken,
  );
  return brand.pages.find((candidate) => candidate.country === 'FR' && candidate.network === 'facebook')!.id;
}

/** Signs a demo user in through the API (test set-up), for callApi or openAs. */
export async function sessionOf(email: string, password = DEMO_ADMIN.password): Promise<Session> {
  const { login } = await callApi<{ login: Session }>(
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken expiresAt } }',
    { email, password },
  );
  return login;
}

/**
 * Opens `path` signed in as `email`: the token is put where the app keeps it, then the app
 * reloads, so it starts with that user's rules and an empty cache. Switching users is calling it again.
 */
export async function openAs(page: Page, email: string, path: string): Promise<Session> {
  const session = await sessionOf(email);
  trackSubscriptions(page);
  if (!page.url().startsWith(process.env.PIVOT_ADMIN_URL ?? '-')) await page.goto('/sign-in');
  await page.evaluate((value) => {
    sessionStorage.setItem('pivot.accessToken', value.accessToken);
    sessionStorage.setItem('pivot.expiresAt', value.expiresAt);
  }, session);
  await page.goto(path);
  return session;
}

interface Fixtures {
  /** Signs in through the sign-in screen, as a user would. */
  signIn: () => Promise<void>;
  /** Starts the page already signed in as the demo admin (the token put where the app keeps it). */
  signedIn: void;
}

/** Our Chromium instead of Playwright's download, and the URL of the stack globalSetup started. */
export const test = base.extend<Fixtures, { browser: Browser; adminSession: Session }>({
  browser: [
    async ({}, use) => {
      const browser = await chromium.launch({ executablePath: process.env.PIVOT_CHROMIUM ?? (await resolveChromium()), args: CHROMIUM_ARGS });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  adminSession: [
    async ({}, use) => {
      const { login } = await callApi<{ login: Session }>(
        'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken expiresAt } }',
        DEMO_ADMIN,
      );
      await use(login);
    },
    { scope: 'worker' },
  ],
  page: async ({ page }, use) => {
    trackSubscriptions(page);
    await use(page);
  },
  baseURL: async ({}, use) => {
    await use(process.env.PIVOT_ADMIN_URL);
  },
  signIn: async ({ page }, use) => {
    await use(async () => {
      await page.goto('/sign-in');
      await page.getByLabel('Email').fill(DEMO_ADMIN.email);
      await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_ADMIN.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByTestId('current-user')).toHaveText('Ada Admin');
    });
  },
  signedIn: async ({ page, adminSession }, use) => {
    await page.addInitScript((session) => {
      if (!sessionStorage.getItem('pivot.accessToken')) {
        sessionStorage.setItem('pivot.accessToken', session.accessToken);
        sessionStorage.setItem('pivot.expiresAt', session.expiresAt);
      }
    }, adminSession);
    await use();
  },
});

export { expect };

/** The README's screenshots, retaken by the browser tests. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const path = resolve(repoRoot, 'docs/screenshots', `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path });
}
