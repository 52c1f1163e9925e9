import { graphql } from '../../gql';

/** One post on the calendar: when it goes out, where, and whether a freeze holds it. */
export const CalendarPostFragment = graphql(`
  fragment CalendarPost on Post {
    id
    state
    body
    publishAt
    held
    targets {
      id
      name
      network
      scopeIds
    }
  }
`);

/** The posts of a market (or the whole brand) due or sent within the days the grid shows. */
export const CalendarPostsQuery = graphql(`
  query CalendarPosts($first: Int!, $after: String, $filter: PostFilterInput!) {
    posts(first: $first, after: $after, filter: $filter) {
      edges {
        node {
          ...CalendarPost
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
