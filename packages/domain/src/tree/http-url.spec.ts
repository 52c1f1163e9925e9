import { isHttpUrl } from './http-url';

describe('isHttpUrl', () => {
  it.each(['https://www.facebook.com/northwind', 'http://example.com', 'https://example.com:8443/a?b=c#d', 'https://[::1]/'])(
    'accepts the absolute http(s) address %j',
    (url) => {
      expect(isHttpUrl(url)).toBe(true);
    },
  );

  it.each([
    ['', 'empty'],
    ['facebook.com/northwind', 'relative'],
    ['/northwind', 'a path'],
    ['ftp://example.com', 'not http'],
    ['javascript:alert(1)', 'a script'],
    ['mailto:team@example.com', 'mail'],
    ['file:///etc/passwd', 'a file with no host'],
    ['http://', 'no host'],
    [' https://example.com', 'surrounded by spaces'],
  ])('rejects %j (%s)', (url) => {
    expect(isHttpUrl(url)).toBe(false);
  });
});
