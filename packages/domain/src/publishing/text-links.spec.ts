import { hostOf, isHostAllowed, linksInText, normalizeDomain } from './text-links';

describe('linksInText', () => {
  it('finds http, https and www links with their UTF-16 spans, without trailing punctuation', () => {
    const text = '🎉 Go to https://a.com/x, or www.b.org. Also http://c.net!';
    expect(linksInText(text).map((span) => [span.text, text.slice(span.start, span.end)])).toEqual([
      ['https://a.com/x', 'https://a.com/x'],
      ['www.b.org', 'www.b.org'],
      ['http://c.net', 'http://c.net'],
    ]);
  });

  it('does not take a bare domain without www for a link', () => {
    expect(linksInText('visit northwind.com today')).toEqual([]);
  });
});

describe('hostOf', () => {
  it.each([
    ['https://News.Northwind.com:8080/a?b#c', 'news.northwind.com'],
    ['www.northwind.com/x', 'www.northwind.com'],
    ['https://northwind.com@evil.com/', 'evil.com'],
    ['https://northwind.com./', 'northwind.com'],
    ['https://münchen.de/', 'münchen.de'],
    ['https://localhost/', null],
    ['https:///nohost', null],
  ])('%s → %s', (link, host) => {
    expect(hostOf(link)).toBe(host);
  });
});

describe('allowed domains', () => {
  it.each([
    ['Northwind.com', 'northwind.com'],
    ['*.northwind.com', 'northwind.com'],
    ['.northwind.com', 'northwind.com'],
    ['https://northwind.com/path', 'northwind.com'],
  ])('reads %s as %s', (written, domain) => {
    expect(normalizeDomain(written)).toBe(domain);
  });

  it.each([
    ['northwind.com', true],
    ['shop.northwind.com', true],
    ['evilnorthwind.com', false],
    ['northwind.com.evil.com', false],
  ])('%s is allowed under northwind.com: %p', (host, expected) => {
    expect(isHostAllowed(host, ['northwind.com'])).toBe(expected);
  });

  it('ignores a blank allowed domain instead of allowing everything', () => {
    expect(isHostAllowed('evil.com', ['  '])).toBe(false);
  });
});
