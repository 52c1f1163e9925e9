import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Logger } from 'nestjs-pino';
import { createApp, prepareRuntime } from './bootstrap';
import { ConfigError, loadConfig } from './config/app-config';
import { migrate } from './database/migrate';
import { seedDemo } from './database/seed/seed-demo';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, DEMO_USERS } from './database/seed/demo-data';
import { gracefulShutdown } from './http/graceful-shutdown';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const runtime = await prepareRuntime(config);
  await migrate(runtime.config.databaseUrl);
  const app = await createApp(runtime.config);
  // Before listen(): the pivot snapshot loads on init and so already holds the demo tree.
  if (runtime.config.seedDemo) await seedDemo(app.get(DataSource));
  await app.listen(runtime.config.port, runtime.config.host);
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

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Pivot API failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
