import type { TreePage } from './page.types';

/**
 * The rules' view of a page: exactly the TreePage fields of a richer row (the API's entity, the
 * admin's GraphQL page), so nothing else travels into the rules or a snapshot.
 */
export function toTreePage(page: TreePage): TreePage {
  return {
    id: page.id,
    kind: page.kind,
    parentId: page.parentId,
    network: page.network,
    name: page.name,
    url: page.url,
    country: page.country,
    languages: page.languages,
    segment: page.segment,
    status: page.status,
    defaultVariant: page.defaultVariant,
    regionCountries: page.regionCountries,
  };
}
