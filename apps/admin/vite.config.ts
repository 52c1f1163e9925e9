import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API the dev and preview servers proxy to, so the browser stays same-origin (no CORS). */
export const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:4000';

export function apiProxy(target: string) {
  return Object.fromEntries(['/graphql', '/pivot', '/health'].map((path) => [path, { target, changeOrigin: true }]));
}

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The domain package ships CommonJS in dist/; bundle its TypeScript source as ESM instead.
    alias: { '@pivot/domain': fileURLToPath(new URL('../../packages/domain/src/index.ts', import.meta.url)) },
  },
  server: { port: Number(process.env.ADMIN_PORT ?? 5173), proxy: apiProxy(apiUrl) },
  preview: { port: Number(process.env.ADMIN_PORT ?? 5173), proxy: apiProxy(apiUrl) },
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 800 },
});
