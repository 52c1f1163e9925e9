import { graphql } from '../../gql';

/**
 * A conversation's holder or lease changed (claimed, released, lapsed, escalated, resolved), from
 * any API instance. It comes with the conversation as it now is: the cache merges it by id, so
 * every list and panel showing it follows without asking again.
 */
export const ConversationClaimChangedSubscription = graphql(`
  subscription ConversationClaimChanged($queueId: ID) {
    conversationClaimChanged(queueId: $queueId) {
      conversationId
      holderId
      leaseExpiresAt
      conversation {
        ...ConversationFields
      }
    }
  }
`);
