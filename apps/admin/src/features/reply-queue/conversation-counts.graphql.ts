import { graphql } from '../../gql';

/**
 * How many conversations the caller may read in each state (under a page), and the open ones
 * with the oldest activity among the latest 200 (the API lists latest activity first only).
 * Fetched without the cache: these aliases of `conversations` must not mix with the list's pages.
 */
export const ConversationCountsQuery = graphql(`
  query ConversationCounts($pageId: ID) {
    open: conversations(first: 200, filter: { pageId: $pageId, states: [OPEN] }) {
      totalCount
      edges {
        node {
          id
          authorId
          authorName
          firstItemAt
          lastItemAt
        }
      }
    }
    assigned: conversations(first: 1, filter: { pageId: $pageId, states: [ASSIGNED] }) {
      totalCount
    }
    waitingCustomer: conversations(first: 1, filter: { pageId: $pageId, states: [WAITING_CUSTOMER] }) {
      totalCount
    }
    snoozed: conversations(first: 1, filter: { pageId: $pageId, states: [SNOOZED] }) {
      totalCount
    }
    escalated: conversations(first: 1, filter: { pageId: $pageId, states: [ESCALATED] }) {
      totalCount
    }
    resolved: conversations(first: 1, filter: { pageId: $pageId, states: [RESOLVED] }) {
      totalCount
    }
  }
`);
