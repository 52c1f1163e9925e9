import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import helmet from 'helmet';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The API answers JSON and redirects, never pages: its CSP allows nothing to run or frame it
 * (the Apollo landing page is off, see graphql-options.ts). HSTS only in production, where
 * the API is behind HTTPS; elsewhere it would pin plain-http localhost to HTTPS in the browser.
 */
export function securityHeaders(production: boolean) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        // The API and its graphql-ws socket, same origin.
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}

/**
 * Sets the headers on every response of the server, before any request listener runs: the
 * public pivot's fast path answers from node:http before Express, so an Express middleware
 * would miss it. Install after every other request listener.
 */
export function installSecurityHeaders(server: Server, production: boolean): void {
  const headers = securityHeaders(production);
  const listeners = server.listeners('request') as Listener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    // helmet only sets headers and calls next() synchronously.
    headers(req, res, () => {
      for (const listener of listeners) listener.call(server, req, res);
    });
  });
}
