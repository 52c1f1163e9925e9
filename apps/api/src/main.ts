import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { Logger } from 'nestjs-pino';
import { createApp, prepareRuntime, serve } from './bootstrap';
import { ConversationMetricsJob } from './conversation-metrics/conversation-metrics.job';
import { ConfigError, loadConfig } from './config/app-config';
import { EmbeddedPostgresError } from './database/embedded-postgres';
import { migrate } from './database/migrate';
import { seedDemo } from './database/seed/seed-demo';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, DEMO_USERS } from './database/seed/demo-data';
import { gracefulShutdown } from './http/graceful-shutdown';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const runtime = await prepareRuntime(config);
  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    await migrate(runtime.config.migrationDatabaseUrl, runtime.config.databaseUrl);
    app = await createApp(runtime.config);
    // Before serve(): the pivot snapshot loads on init and so already holds the demo tree.
    const seeded = runtime.config.seedDemo && (await seedDemo(app.get(DataSource), { rollups: false }));
    await serve(app, runtime.config, runtime.config.port, runtime.config.host);
    // The demo's conversation rollups by the rollup job itself, now rather than at its first tick (shutdown waits for it).
    if (seeded) void app.get(ConversationMetricsJob).tick();
  } catch (error) {
    // Never leave the embedded server running behind a failed start.
    await runtime.embedded?.stop().catch(() => undefined);
    throw error;
  }
  const logger = app.get(Logger);
  gracefulShutdown(app, {
    graceMs: runtime.config.shutdownGraceMs,
    log: (message) => logger.log(message),
    after: () => runtime.embedded?.stop(),
  });
  const { port } = app.getHttpServer().address() as AddressInfo;
  printBanner(port, Boolean(runtime.embedded), runtime.config.seedDemo);
}

function printBanner(port: number, embedded: boolean, demo: boolean): void {
  const base = `http://localhost:${port}`;
  const lines = [
    '',
    `Pivot API ready${embedded ? ' (embedded PostgreSQL, data under .data/)' : ''}`,
    `  GraphQL        ${base}/graphql`,
    `  Health         ${base}/health`,
    `  Public pivot   ${base}/pivot/northwind?country=LU&segment=developer`,
    `                 ${base}/pivot/northwind/resolve?country=BE&lang=nl`,
  ];
  if (demo) {
    lines.push(`  Demo sign-ins (password "${DEMO_PASSWORD}"):`);
    for (const user of DEMO_USERS) lines.push(`    ${user.email.padEnd(34)} ${user.label}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

/** The cause, whatever was thrown: a library may reject with no value at all. */
function describeFailure(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  if (error === undefined || error === null) return 'a dependency failed without saying why (it rejected with no error)';
  return inspect(error);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else if (error instanceof EmbeddedPostgresError) {
    process.stderr.write(`Pivot API failed to start: ${error.message}\n`); // says what to do: no stack
  } else {
    process.stderr.write(`Pivot API failed to start: ${describeFailure(error)}\n`);
  }
  process.exit(1);
});
