/**
 * Finding links in free text and reading their host, without the WHATWG URL class (not in this
 * package's ES-only lib, see tree/http-url.ts) and without trusting the text to be well formed.
 */
export interface TextSpan {
  text: string;
  /** UTF-16 offsets, as String.prototype.slice and a textarea's selection use them. */
  start: number;
  end: number;
}

// Explicit schemes and bare www. addresses: what a network would turn into a link.
const LINK_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/giu;
const TRAILING_PUNCTUATION = /[.,;:!?'"\]}]+$/u;

/** Every link in `text`, in order, without the sentence punctuation that often follows one. */
export function linksInText(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const match of text.matchAll(LINK_IN_TEXT)) {
    let link = match[0].replace(TRAILING_PUNCTUATION, '');
    // "(see https://a.com/x)": the closing bracket is the sentence's unless the link opened one.
    while (link.endsWith(')') && count(link, '(') < count(link, ')')) link = link.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
    if (link.length > 0) spans.push({ text: link, start: match.index, end: match.index + link.length });
  }
  return spans;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/**
 * The lower-case host of a link ("https://user@News.Brand.com:8080/x" → "news.brand.com"), or null
 * when there is none. Userinfo is skipped on purpose: "https://brand.com@evil.com" goes to evil.com.
 */
export function hostOf(link: string): string | null {
  const match = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/?#\s]*@)?([^/?#:\s@]+)/iu.exec(link.trim());
  if (!match) return null;
  const host = match[1]!.toLowerCase().replace(/\.$/u, '');
  return /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u.test(host) ? host : null;
}

/** "Brand.com", "*.brand.com", ".brand.com" and "https://brand.com/" all mean brand.com. */
export function normalizeDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//u, '')
    .replace(/^\*?\./u, '')
    .replace(/[/:].*$/u, '')
    .replace(/\.$/u, '');
}

/** A host is allowed when it is an allowed domain or one of its subdomains (news.brand.com under brand.com). */
export function isHostAllowed(host: string, allowedDomains: readonly string[]): boolean {
  return allowedDomains.map(normalizeDomain).some((domain) => domain !== '' && (host === domain || host.endsWith(`.${domain}`)));
}
