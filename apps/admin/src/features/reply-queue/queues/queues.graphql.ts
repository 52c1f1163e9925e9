import { graphql } from '../../../gql';

/** What the queue editor shows and edits of a queue. */
export const ReplyQueueFieldsFragment = graphql(`
  fragment ReplyQueueFields on ReplyQueue {
    id
    brandId
    scopePageId
    scopeIds
    name
    isDefault
    firstResponseMinutes
    nextResponseMinutes
    assignmentMode
    breachEscalation
    breachQueueId
    waitingCount
    version
    businessHours {
      timeZone
      days {
        day
        intervals {
          start
          end
        }
      }
      holidays
    }
    members {
      userId
      displayName
      capacity
      languages
    }
  }
`);

/** The queues the caller may read, by name, a page at a time. */
export const ReplyQueuesQuery = graphql(`
  query ReplyQueues($first: Int!, $after: String) {
    replyQueues(first: $first, after: $after) {
      edges {
        cursor
        node {
          ...ReplyQueueFields
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

/** People the caller may see (their team) with their roles, to offer as members: those who may work the queue. */
export const MemberCandidatesQuery = graphql(`
  query MemberCandidates {
    users(first: 200) {
      edges {
        node {
          id
          email
          displayName
          disabled
          roles {
            role
            brandId
            scopePageId
            scopeIds
          }
        }
      }
    }
  }
`);

export const CreateReplyQueueMutation = graphql(`
  mutation CreateReplyQueue($input: CreateReplyQueueInput!) {
    createReplyQueue(input: $input) {
      ...ReplyQueueFields
    }
  }
`);

export const UpdateReplyQueueMutation = graphql(`
  mutation UpdateReplyQueue($id: ID!, $input: UpdateReplyQueueInput!) {
    updateReplyQueue(id: $id, input: $input) {
      ...ReplyQueueFields
    }
  }
`);

export const SetQueueMemberMutation = graphql(`
  mutation SetQueueMember($input: SetQueueMemberInput!) {
    setQueueMember(input: $input) {
      ...ReplyQueueFields
    }
  }
`);

export const RemoveQueueMemberMutation = graphql(`
  mutation RemoveQueueMember($queueId: ID!, $userId: ID!) {
    removeQueueMember(queueId: $queueId, userId: $userId) {
      ...ReplyQueueFields
    }
  }
`);
