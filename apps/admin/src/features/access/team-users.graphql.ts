import { graphql } from '../../gql';

/** The role assignment fields the rules need (brandId, scopeIds, role, userId) and the list shows. */
export const RoleAssignmentFieldsFragment = graphql(`
  fragment RoleAssignmentFields on RoleAssignment {
    id
    role
    scopePageId
    scopeIds
    brandId
    userId
    grantedAt
  }
`);

/** The users the caller may see (their team), by email, a page at a time. */
export const TeamUsersQuery = graphql(`
  query TeamUsers($first: Int!, $after: String, $search: String) {
    users(first: $first, after: $after, search: $search) {
      edges {
        cursor
        node {
          id
          email
          displayName
          disabled
          roles {
            ...RoleAssignmentFields
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
