import { createRequire } from 'node:module';
import { callApi, expect, test } from './fixtures';

// The domain package is CommonJS in dist/: Node's ESM loader cannot see its named exports.
const { allCountries } = createRequire(import.meta.url)('@pivot/domain') as typeof import('@pivot/domain');

const NETWORK = 'youtube';
const AUDIENCES = ['consumer', 'business', 'developer', 'student'];
const MARKETS = 240;

/** The API allows 30 aliases per request: create pages thirty at a time. */
async function createPages(token: string, inputs: Record<string, unknown>[]): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < inputs.length; start += 30) {
    const chunk = inputs.slice(start, start + 30);
    const fields = chunk.map((_, i) => `p${i}: createPage(input: $i${i}) { id }`).join('\n');
    const params = chunk.map((_, i) => `$i${i}: CreatePageInput!`).join(', ');
    const variables = Object.fromEntries(chunk.map((input, i) => [`i${i}`, input]));
    const data = await callApi<Record<string, { id: string }>>(`mutation (${params}) { ${fields} }`, variables, token);
    ids.push(...chunk.map((_, i) => data[`p${i}`]!.id));
  }
  return ids;
}

test('a tree of 1,201 pages loads, scrolls and filters without freezing (only visible rows are rendered)', async ({ page, signedIn, adminSession }) => {
  void signedIn;
  // 1,201 pages made through the API (41 requests) before the screen is even opened: minutes on a loaded 2-core machine.
  test.setTimeout(420_000);
  const token = adminSession.accessToken;
  const { brand } = await callApi<{ brand: { id: string } }>('{ brand(slug: "northwind") { id } }', {}, token);
  const url = (path: string) => `https://www.youtube.com/@northwind${path}`;

  const [globalId] = await createPages(token, [{ brandId: brand.id, kind: 'GLOBAL', network: NETWORK, name: 'Northwind on YouTube', url: url(''), languages: ['en'] }]);
  const countries = allCountries().slice(0, MARKETS);
  const marketIds = await createPages(
    token,
    countries.map((country) => ({
      brandId: brand.id,
      kind: 'MARKET',
      parentId: globalId,
      name: `Northwind YouTube ${country.name}`,
      url: url(`.${country.code.toLowerCase()}`),
      country: country.code,
      languages: ['en'],
    })),
  );
  await createPages(
    token,
    marketIds.flatMap((parentId, m) =>
      AUDIENCES.map((segment) => ({
        brandId: brand.id,
        kind: 'SEGMENT',
        parentId,
        segment,
        name: `Northwind YouTube ${countries[m]!.name} ${segment}`,
        url: url(`.${countries[m]!.code.toLowerCase()}.${segment}`),
      })),
    ),
  );

  await page.goto('/pages');
  await page.getByRole('textbox', { name: 'Network' }).or(page.getByRole('combobox', { name: 'Network' })).click();
  await page.getByRole('option', { name: NETWORK }).click();
  const counts = page.getByTestId('level-counts');
  await expect(counts).toContainText('Markets: 240');
  await expect(counts).toContainText('Segments: 960');

  // Virtualized: a few dozen rows in the DOM, not 1,201.
  const rows = page.getByTestId('tree-row');
  expect(await rows.count()).toBeLessThan(80);

  // Scrolling to the end brings the last market's last segment page into the DOM.
  await page.getByRole('tree', { name: 'Page tree' }).evaluate((element) => element.scrollTo(0, element.scrollHeight));
  const lastCountry = countries.at(-1)!.name;
  await expect(rows.filter({ hasText: `Northwind YouTube ${lastCountry} student` })).toBeVisible();

  // Filtering the whole tree is done in the browser, on the tree already loaded: no request.
  // (Not a stopwatch: on a busy machine a wall-clock bound measures the machine, not the screen.)
  const requests: string[] = [];
  page.on('request', (request) => void requests.push(request.url()));
  await page.getByLabel('Search pages').fill('developer');
  await expect(counts).toContainText('Segments: 240');
  await expect(counts).toContainText('Markets: 0');
  expect(requests.filter((url) => url.includes('/graphql'))).toEqual([]);
});
