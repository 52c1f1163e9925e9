import { graphql } from '../../gql';

/** A conversation the caller may read got a new item (new, or a new message in it), from any API instance. */
export const ConversationReceivedSubscription = graphql(`
  subscription ConversationReceived($pageId: ID) {
    conversationReceived(pageId: $pageId) {
      ...ConversationFields
    }
  }
`);
