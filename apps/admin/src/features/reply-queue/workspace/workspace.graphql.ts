import { graphql } from '../../../gql';

/** What the workspace shows of the conversation it works: the list's fields (they include the lease and routing). */
export const WorkedConversationFragment = graphql(`
  fragment WorkedConversation on Conversation {
    ...ConversationFields
  }
`);

/** The queues the caller may read, with their members (to name a lease holder) and waiting counts. */
export const WorkspaceQueuesQuery = graphql(`
  query WorkspaceQueues {
    replyQueues(first: 100) {
      edges {
        node {
          id
          brandId
          name
          scopePageId
          scopeIds
          isDefault
          waitingCount
          members {
            userId
            displayName
            capacity
            languages
          }
        }
      }
    }
  }
`);

/** Conversations the caller holds, to resume after a reload (filtered to the caller on the client). */
export const HeldConversationsQuery = graphql(`
  query HeldConversations {
    conversations(first: 20, filter: { states: [ASSIGNED] }) {
      edges {
        node {
          ...WorkedConversation
        }
      }
    }
  }
`);

/** The customer's items and the internal notes of one conversation, oldest first. */
export const ConversationHistoryQuery = graphql(`
  query ConversationHistory($conversationId: ID!) {
    conversationItems(conversationId: $conversationId, first: 100) {
      totalCount
      edges {
        node {
          id
          kind
          text
          authorName
          language
          occurredAt
        }
      }
    }
    conversationNotes(conversationId: $conversationId, first: 100) {
      edges {
        node {
          id
          authorId
          text
          createdAt
        }
      }
    }
  }
`);

/** The canned responses usable on the conversation's page (its own and its ancestors'). */
export const UsableCannedResponsesQuery = graphql(`
  query UsableCannedResponses($pageId: ID!) {
    cannedResponses(pageId: $pageId, first: 100) {
      edges {
        node {
          id
          name
          scopePage {
            id
            name
          }
          variants {
            language
            body
          }
        }
      }
    }
  }
`);

export const ClaimNextMutation = graphql(`
  mutation ClaimNext($queueId: ID!) {
    claimNext(queueId: $queueId) {
      ...WorkedConversation
    }
  }
`);

export const RenewLeaseMutation = graphql(`
  mutation RenewLease($conversationId: ID!) {
    renewLease(conversationId: $conversationId) {
      id
      assigneeId
      leaseExpiresAt
      state
    }
  }
`);

export const ReplyMutation = graphql(`
  mutation ReplyToConversation($input: ReplyToConversationInput!) {
    replyToConversation(input: $input) {
      ...WorkedConversation
    }
  }
`);

export const AddNoteMutation = graphql(`
  mutation AddConversationNote($conversationId: ID!, $text: String!) {
    addConversationNote(conversationId: $conversationId, text: $text) {
      id
      authorId
      text
      createdAt
    }
  }
`);

export const EscalateMutation = graphql(`
  mutation EscalateConversation($input: EscalateConversationInput!) {
    escalateConversation(input: $input) {
      ...WorkedConversation
    }
  }
`);

export const SnoozeMutation = graphql(`
  mutation SnoozeConversation($conversationId: ID!, $until: DateTime!) {
    snoozeConversation(conversationId: $conversationId, until: $until) {
      ...WorkedConversation
    }
  }
`);

export const ResolveMutation = graphql(`
  mutation ResolveConversation($conversationId: ID!) {
    resolveConversation(conversationId: $conversationId) {
      ...WorkedConversation
    }
  }
`);
