import type { Plugin } from 'vite';

/**
 * The admin app's response headers, for the server `npm start` runs (vite preview) and for
 * nginx in the production image (docker/admin.security-headers.conf, kept equal by a test).
 * Scripts only from the app's own origin (the build has no inline script); styles may be inline
 * (Mantine sets style attributes and CSS variables); requests to the same origin only, which is
 * where /graphql and its WebSocket are proxied to the API. `host` is the request's Host header
 * (with its port), named in connect-src because browsers before CSP 3 do not let 'self' cover ws:
 * and wss:.
 */
export function securityHeaders(host: string | null, production: boolean): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    host ? `connect-src 'self' ws://${host} wss://${host}` : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    // Browsers only honour it over HTTPS, which production terminates in front of the admin.
    ...(production ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** A Host header fit to be written into a header value; anything else gets 'self' alone. */
const SAFE_HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * Adds the headers to every answer of `vite preview` (not the dev server: its hot reload runs
 * inline scripts). Answers proxied from the API keep the API's own headers.
 */
export function securityHeadersPlugin(): Plugin {
  return {
    name: 'pivot-security-headers',
    configurePreviewServer(server) {
      // Read per request: vite sets NODE_ENV to production for preview when it is unset;
      // scripts/start.mjs sets it first, to the API's default, so both halves agree.
      server.middlewares.use((req, res, next) => {
        const host = req.headers.host ?? '';
        const headers = securityHeaders(SAFE_HOST.test(host) ? host : null, process.env.NODE_ENV === 'production');
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        next();
      });
    },
  };
}
