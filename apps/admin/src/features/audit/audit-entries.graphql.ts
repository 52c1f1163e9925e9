import { graphql } from '../../gql';

/** The history the caller may read, newest first, a page at a time. */
export const AuditEntriesQuery = graphql(`
  query AuditEntries($first: Int!, $after: String, $filter: AuditFilterInput) {
    auditEntries(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id
          occurredAt
          actorId
          actorName
          action
          subjectType
          subjectId
          brandId
          requestId
          changes {
            field
            before
            after
          }
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
