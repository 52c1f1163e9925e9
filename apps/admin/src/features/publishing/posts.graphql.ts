import { graphql } from '../../gql';

/** What a row of a posts list shows. */
export const PostSummaryFragment = graphql(`
  fragment PostSummary on Post {
    id
    state
    body
    locale
    authorId
    version
    createdAt
    updatedAt
    submittedAt
    targets {
      id
      name
      kind
      network
      scopeIds
    }
  }
`);

/** The posts the caller may read, newest first, filtered by state, author or page. */
export const PostsQuery = graphql(`
  query Posts($first: Int!, $after: String, $filter: PostFilterInput) {
    posts(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          ...PostSummary
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

/** Posts in review whose current step the caller may decide, oldest submission first. */
export const ApprovalsInboxQuery = graphql(`
  query ApprovalsInbox($first: Int!, $after: String) {
    approvalsInbox(first: $first, after: $after) {
      edges {
        cursor
        node {
          ...PostSummary
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

/** Everything the detail screen and the composer show of one post. */
export const PostDetailFragment = graphql(`
  fragment PostDetail on Post {
    ...PostSummary
    brandId
    link
    scopeIds
    parentPostId
    publishAt
    held
    allowedActions
    canDecide
    parentPostId
    parentPost {
      id
      body
    }
    globalChanged
    globalDiff {
      op
      text
    }
    guardrails {
      blocking
      issues {
        code
        severity
        message
        field
        start
        end
        network
      }
    }
    approvalPath {
      preview
      currentStepId
      steps {
        id
        name
        mode
        approvers
        status
        approvedBy
        requiredUserIds
        problem
      }
    }
    timeline {
      id
      kind
      actorId
      actorName
      occurredAt
      fromState
      toState
      stepId
      comment
      version
    }
  }
`);

export const PostQuery = graphql(`
  query Post($id: ID!) {
    post(id: $id) {
      ...PostDetail
    }
  }
`);
