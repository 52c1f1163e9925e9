import { useSubscription } from '@apollo/client/react';
import { ConversationClaimChangedSubscription } from '../conversation-claim-changed.graphql';
import { QueueCountsChangedSubscription } from '../overview/queue-overview.graphql';
import type { ClaimLease } from './use-claim-lease';

/**
 * Live: the open conversation shows who holds it now (taken over after a lapse, released…);
 * the held list follows through the cache, and the queue picker's waiting counts too.
 */
export function useWorkspaceLive(allowed: boolean, { merge }: Pick<ClaimLease, 'merge'>) {
  useSubscription(ConversationClaimChangedSubscription, {
    skip: !allowed,
    onData: ({ data }) => {
      const changed = data.data?.conversationClaimChanged.conversation;
      if (changed) merge(changed);
    },
  });
  useSubscription(QueueCountsChangedSubscription, {
    skip: !allowed,
    onData: ({ client, data }) => {
      const row = data.data?.queueCountsChanged;
      if (row) client.cache.modify({ id: client.cache.identify({ __typename: 'ReplyQueue', id: row.queueId }), fields: { waitingCount: () => row.waiting } });
    },
  });
}
