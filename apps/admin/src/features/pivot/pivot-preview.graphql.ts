import { graphql } from '../../gql';

/** `target` is always there; `page` only when the caller may read it, so the simulator shows the target. */
export const PivotPreviewQuery = graphql(`
  query PivotPreview($brandSlug: String!, $country: String, $lang: String, $segment: String, $network: String) {
    pivotPreview(brandSlug: $brandSlug, country: $country, lang: $lang, segment: $segment, network: $network) {
      trail
      target {
        id
        kind
        name
        url
        country
        segment
        languages
      }
    }
  }
`);
