/**
 * The WHATWG URL class is a global in Node 20 and every browser, but our compile target lists
 * only ES libs (no DOM, no @types/node in the build) so the admin app and the API both type-check
 * this package the same way. Declared here, module-local, with just what we read.
 */
declare const URL: new (input: string) => { protocol: string; host: string };

/**
 * True for an absolute http: or https: address with a host. The page URL is where the pivot
 * redirects visitors, so anything else (javascript:, mailto:, relative paths) is refused.
 * Surrounding spaces are refused too, though the URL parser would forgive them: we store the
 * string as given.
 */
export function isHttpUrl(url: string): boolean {
  if (typeof url !== 'string' || url !== url.trim() || url === '') return false;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.host !== '';
  } catch {
    return false;
  }
}
