import { graphql } from '../../gql';

/** Every figure of a scope and range; KPI cards, charts and the map's tooltips read the same set. */
export const InsightsFiguresFragment = graphql(`
  fragment InsightsFiguresFields on InsightsFigures {
    followers
    followerGrowth
    reach
    engagements
    engagementRate
    conversedAuthors
    conversationRate
    itemsReceived
    conversationsOpened
    conversationsAnswered
    conversationsResolved
    responseRate
    firstResponseP50Seconds
    firstResponseP90Seconds
    slaMet
    slaBreached
    slaAttainment
    backlog
  }
`);

/** Totals against the previous period, the series for the charts, and the funnel of one scope. */
export const InsightsQuery = graphql(`
  query Insights($scopePageId: ID!, $range: InsightsRangeInput!) {
    insights(scopePageId: $scopePageId, range: $range) {
      scopePage {
        id
        name
        kind
      }
      from
      to
      granularity
      previousFrom
      previousTo
      totals {
        ...InsightsFiguresFields
      }
      previous {
        ...InsightsFiguresFields
      }
      series {
        start
        end
        figures {
          followers
          conversationRate
          firstResponseP50Seconds
          firstResponseP90Seconds
        }
      }
      funnel {
        followers
        reached
        engaged
        conversed
        answeredWithinSla
      }
    }
  }
`);
