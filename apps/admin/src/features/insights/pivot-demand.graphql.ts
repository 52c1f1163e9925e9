import { graphql } from '../../gql';

/** Visitors the public pivot sent per country over the range, and the market page serving it if any. */
export const PivotDemandQuery = graphql(`
  query PivotDemand($brandId: ID, $range: InsightsRangeInput!) {
    pivotDemand(brandId: $brandId, range: $range) {
      country
      outcome
      visitors
      page {
        id
        name
      }
    }
  }
`);
