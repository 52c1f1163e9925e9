import { graphql } from '../../gql';

/** Every active page under the scope, worst score first, with the reason codes behind each score. */
export const PageHealthQuery = graphql(`
  query PageHealth($scopePageId: ID!, $range: InsightsRangeInput!) {
    pageHealth(scopePageId: $scopePageId, range: $range) {
      page {
        id
        name
        kind
        country
      }
      score
      keys {
        key
        score
      }
      reasons {
        key
        code
        status
      }
    }
  }
`);
