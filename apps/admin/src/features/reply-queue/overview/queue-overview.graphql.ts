import { graphql } from '../../../gql';

/** One queue's row of the overview: the query and the live stream share it, so the cache merges them by queueId. */
export const QueueOverviewFieldsFragment = graphql(`
  fragment QueueOverviewFields on QueueOverview {
    queueId
    queueName
    brandId
    scopePageId
    marketPageId
    marketName
    counts {
      open
      assigned
      waitingCustomer
      snoozed
      escalated
      resolved
    }
    waiting
    oldestWaitingAt
    slaAtRisk
    slaBreached
  }
`);

/** The queues of the brand the caller may read, a page at a time (the screen sorts them by urgency). */
export const QueueOverviewQuery = graphql(`
  query QueueOverview($brandId: ID!, $first: Int!, $after: String) {
    queueOverview(brandId: $brandId, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...QueueOverviewFields
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`);

/** A queue's row, whenever its counts may have changed, from any API instance. */
export const QueueCountsChangedSubscription = graphql(`
  subscription QueueCountsChanged($queueId: ID) {
    queueCountsChanged(queueId: $queueId) {
      ...QueueOverviewFields
    }
  }
`);
