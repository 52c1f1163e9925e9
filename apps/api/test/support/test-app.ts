import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import request from 'supertest';
import { createApp, serve } from '../../src/bootstrap';
import { loadConfig, type ResolvedConfig } from '../../src/config/app-config';
import { DEMO_ROLES, urlFor } from '../../src/database/database-roles';
import { QueryCounter } from '../../src/database/query-counter';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

export interface TestDatabase {
  /** As the application's role, which the app under test connects as. */
  url: string;
  /** As the owner role, which runs the migrations. */
  ownerUrl: string;
  drop: () => Promise<void>;
}

/**
 * A private copy of the migrated, seeded template database for one test file, so files run
 * in parallel without seeing each other's rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.PIVOT_TEST_ADMIN_URL;
  const template = process.env.PIVOT_TEST_TEMPLATE;
  if (!adminUrl || !template) throw new Error('The jest global setup did not run (PIVOT_TEST_ADMIN_URL missing)');
  const name = `${template}_f${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}" OWNER ${DEMO_ROLES.owner.name}`);
  return {
    url: urlFor(adminUrl, name, DEMO_ROLES.app),
    ownerUrl: urlFor(adminUrl, name, DEMO_ROLES.owner),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestApp {
  app: NestExpressApplication;
  config: ResolvedConfig;
  databaseUrl: string;
  /** The same database as its owner (the migrations' role), for tests that change its schema. */
  ownerDatabaseUrl: string;
  /** http://127.0.0.1:<port> */
  url: string;
  http: ReturnType<typeof request>;
  /** Statements sent to PostgreSQL so far by this app. */
  queries(): number;
  close(): Promise<void>;
}

/** The real application, listening on a random port, on its own database. */
export async function startTestApp(env: Record<string, string> = {}, database?: { url: string }): Promise<TestApp> {
  const db = database ? { url: database.url, ownerUrl: database.url, drop: async () => undefined } : await createTestDatabase();
  // Background work off unless a test asks for it: the publish worker and its sweep (tests work the
  // publish queue with poll()), and the reply sweep once an hour (it still runs at boot), so none
  // adds statements to a test that counts them.
  // Cascades still run right after they commit; only the sweep for abandoned jobs waits an hour.
  // No pg-boss clock nor page-metrics worker (tests deliver ticks and poll by hand).
  const background = { PUBLISH_POLL_INTERVAL_MS: '0', PUBLISH_SWEEP_INTERVAL_MS: '0', REPLY_SWEEP_INTERVAL_MS: '3600000', CASCADE_POLL_INTERVAL_MS: '3600000', PAGE_METRICS_CRON: 'off', PAGE_METRICS_POLL_INTERVAL_MS: '0', CONVERSATION_METRICS_INTERVAL_MS: '0' };
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...background, JWT_SECRET: TEST_JWT_SECRET, DATABASE_URL: db.url, ...env });
  const resolved: ResolvedConfig = { ...config, databaseUrl: db.url, migrationDatabaseUrl: config.migrationDatabaseUrl ?? db.url, jwtSecret: config.jwtSecret ?? TEST_JWT_SECRET };
  const app = await createApp(resolved);
  await serve(app, resolved, 0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const counter = app.get(QueryCounter);
  return {
    app,
    config: resolved,
    databaseUrl: db.url,
    ownerDatabaseUrl: db.ownerUrl,
    url,
    http: request(url),
    queries: () => counter.total,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
