import type { TreePage } from '@pivot/domain';
import type { Page } from './page.entity';

/** The rules' view of a stored page. */
export function toTreePage(page: Page): TreePage {
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
