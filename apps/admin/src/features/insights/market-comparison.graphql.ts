import { graphql } from '../../gql';

/** One row per market under the scope (or the scope itself below a market). */
export const MarketComparisonQuery = graphql(`
  query MarketComparison($scopePageId: ID!, $range: InsightsRangeInput!) {
    marketComparison(scopePageId: $scopePageId, range: $range) {
      page {
        id
        name
        kind
        country
        network
      }
      followers
      followerGrowth
      conversationRate
      responseRate
      firstResponseP50Seconds
      firstResponseP90Seconds
      slaAttainment
      backlog
      healthScore
    }
  }
`);
