import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { createLogger, defineConfig } from 'vite';
import { securityHeadersPlugin } from './server/security-headers.ts';

/** The API the dev and preview servers proxy to, so the browser stays same-origin (no CORS). */
export const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:4000';

/**
 * `/graphql` also forwards WebSocket upgrades: subscriptions (graphql-ws) share the path with POST.
 * Only the CSV exports under `/insights/` go to the API: `/insights` itself is the admin's screen.
 */
export function apiProxy(target: string) {
  return Object.fromEntries(['/graphql', '/pivot', '/health', '^/insights/[^/]+\\.csv'].map((path) => [path, { target, changeOrigin: true, ws: path === '/graphql' }]));
}

/**
 * A tab closed or reloaded drops its subscription socket without a close frame: the proxy sees
 * ECONNRESET, which is normal there, not an error worth a stack trace.
 */
function quietClosedSockets() {
  const logger = createLogger();
  const error = logger.error.bind(logger);
  logger.error = (message, options) => {
    const code = (options?.error as NodeJS.ErrnoException | undefined)?.code;
    if (message.includes('ws proxy') && (code === 'ECONNRESET' || code === 'EPIPE')) return;
    error(message, options);
  };
  return logger;
}

export default defineConfig({
  plugins: [react(), securityHeadersPlugin()],
  customLogger: quietClosedSockets(),
  resolve: {
    // The domain package ships CommonJS in dist/; bundle its TypeScript source as ESM instead.
    alias: { '@pivot/domain': fileURLToPath(new URL('../../packages/domain/src/index.ts', import.meta.url)) },
  },
  server: { port: Number(process.env.ADMIN_PORT ?? 5173), proxy: apiProxy(apiUrl) },
  preview: { port: Number(process.env.ADMIN_PORT ?? 5173), proxy: apiProxy(apiUrl) },
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 800 },
});
