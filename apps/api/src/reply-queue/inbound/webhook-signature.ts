import { createHmac, timingSafeEqual } from 'node:crypto';

const HEADER = /^sha256=([0-9a-f]{64})$/i;

/**
 * Graph API style: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body, keyed with
 * the app secret>`. Compared in constant time over the exact bytes received: the parsed and
 * re-serialized JSON would differ in whitespace and escapes.
 */
export function isSignedBy(secret: string, rawBody: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  const match = HEADER.exec(header.trim());
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(match[1], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function signatureOf(secret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** Constant-time string equality, for the verification handshake's token. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHmac('sha256', 'pivot').update(given).digest();
  const b = createHmac('sha256', 'pivot').update(expected).digest();
  return timingSafeEqual(a, b);
}
