import type { INestApplication } from '@nestjs/common';

export interface ShutdownOptions {
  graceMs: number;
  log: (message: string) => void;
  /** Runs once the app is closed (the embedded database is stopped here). */
  after?: () => Promise<void> | undefined;
}

/**
 * On SIGTERM or SIGINT: stop accepting connections, let in-flight requests finish (up to
 * graceMs), close the database pool through Nest's shutdown hooks, then exit 0. A second
 * signal, or the grace period running out, exits at once with 1.
 */
export function gracefulShutdown(app: INestApplication, options: ShutdownOptions): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    options.log(`${signal} received: draining in-flight requests`);
    const force = setTimeout(() => {
      options.log('grace period over: exiting with requests still open');
      process.exit(1);
    }, options.graceMs);
    force.unref();
    const server = app.getHttpServer() as import('node:http').Server;
    // Keep-alive connections with no request in flight would hold server.close() open.
    server.closeIdleConnections?.();
    app
      .close()
      .then(() => options.after?.())
      .then(() => {
        options.log('shutdown complete');
        process.exit(0);
      })
      .catch(() => process.exit(1));
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
