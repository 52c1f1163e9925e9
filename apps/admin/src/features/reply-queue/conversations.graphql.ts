import { graphql } from '../../gql';

/** What the list, the detail panel and the live stream show of a conversation. */
export const ConversationFieldsFragment = graphql(`
  fragment ConversationFields on Conversation {
    id
    network
    brandId
    pageId
    threadId
    authorId
    authorName
    state
    queueId
    itemCount
    firstItemAt
    lastItemAt
    assigneeId
    leaseExpiresAt
    language
    priority
    tags
    snoozedUntil
    escalatedToManager
    responseDueAt
  }
`);

/** The conversations the caller may read, latest activity first, a page at a time. */
export const ConversationsQuery = graphql(`
  query Conversations($first: Int!, $after: String, $filter: ConversationFilterInput) {
    conversations(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          ...ConversationFields
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);
