import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { securityHeaders } from './security-headers';

/** `add_header Name "value" always;` lines of the nginx snippet, by header name. */
function nginxHeaders(): Record<string, string> {
  const text = readFileSync(join(__dirname, '../../../docker/admin.security-headers.conf'), 'utf8');
  return Object.fromEntries([...text.matchAll(/^add_header\s+(\S+)\s+"([^"]*)"\s+always;$/gm)].map((match) => [match[1], match[2]]));
}

describe('admin security headers', () => {
  it('nginx in the production image sends exactly the headers the npm start server sends in production', () => {
    expect(nginxHeaders()).toEqual(securityHeaders('$http_host', true));
  });

  it('every location of the nginx config that serves the app includes them (nginx drops inherited add_header)', () => {
    const template = readFileSync(join(__dirname, '../../../docker/admin.nginx.conf.template'), 'utf8');
    const appLocations = template.split(/\n\s*location /).slice(1).filter((block) => !block.includes('proxy_pass'));
    expect(appLocations.length).toBeGreaterThan(0);
    for (const block of appLocations) expect(block).toContain('include /etc/nginx/snippets/security-headers.conf;');
  });

  it('sends Strict-Transport-Security only in production, and a connect-src naming the socket of the host asked for', () => {
    expect(securityHeaders('localhost:5173', false)['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders('localhost:5173', true)['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
    expect(securityHeaders('localhost:5173', false)['Content-Security-Policy']).toContain("connect-src 'self' ws://localhost:5173 wss://localhost:5173");
    expect(securityHeaders(null, false)['Content-Security-Policy']).toContain("connect-src 'self';");
  });
});
