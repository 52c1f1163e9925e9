import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig, ResolvedConfig } from './config/app-config';
import { DEMO_ROLES, ensureRoles, urlFor } from './database/database-roles';
import { ensureDatabase } from './database/embedded-database';
import { startEmbeddedPostgres, type EmbeddedServer } from './database/embedded-postgres';
import { bodyErrorHandler } from './http/body-error.middleware';
import { installSecurityHeaders } from './http/security-headers';

export interface Runtime {
  config: ResolvedConfig;
  /** Set in demo mode: the PostgreSQL server this process started. */
  embedded?: EmbeddedServer;
}

/**
 * Settles what the app needs before it boots: a database (the embedded server when no
 * DATABASE_URL is given, with its owner and application roles) and a token signing secret
 * (generated once and kept under the data directory when none is configured outside production).
 */
export async function prepareRuntime(config: AppConfig, log: (line: string) => void = () => undefined): Promise<Runtime> {
  const dataDir = resolve(config.dataDir);
  if (config.databaseUrl) {
    const urls = { databaseUrl: config.databaseUrl, migrationDatabaseUrl: config.migrationDatabaseUrl ?? config.databaseUrl };
    return { config: { ...config, ...urls, jwtSecret: config.jwtSecret ?? demoSecret(dataDir) } };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: join(dataDir, 'postgres'),
    port: config.embeddedPgPort,
    persistent: true,
    onLog: (line) => log(line),
  });
  try {
    const { owner, app } = DEMO_ROLES;
    await ensureRoles(embedded.adminUrl, [owner, app]);
    // A data directory from before the owner role keeps its superuser-owned tables: the superuser migrates them.
    const ownedBy = await ensureDatabase(embedded.adminUrl, 'pivot', owner.name);
    const urls = {
      databaseUrl: urlFor(embedded.adminUrl, 'pivot', app),
      migrationDatabaseUrl: urlFor(embedded.adminUrl, 'pivot', ownedBy === owner.name ? owner : undefined),
    };
    return { config: { ...config, ...urls, jwtSecret: config.jwtSecret ?? demoSecret(dataDir) }, embedded };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

function demoSecret(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The Nest application with its HTTP hardening; not yet listening. */
export async function createApp(config: ResolvedConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bodyParser: false,
    bufferLogs: true,
    // Keeps the exact bytes of JSON bodies (req.rawBody): webhook signatures are over them.
    rawBody: true,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.use(bodyErrorHandler);
  return app;
}

/**
 * Initializes the app (the public pivot's route puts itself in front of Express on init), then
 * sets the security headers around every request listener, the pivot's included, then listens.
 */
export async function serve(app: NestExpressApplication, config: ResolvedConfig, port: number, host: string): Promise<void> {
  await app.init();
  installSecurityHeaders(app.getHttpServer(), config.production);
  await app.listen(port, host);
}
