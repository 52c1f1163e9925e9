import { useSubscription } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import type { LiveStatus } from '../../app/live-connection';
import type { ConversationState, ConversationsQueryVariables } from '../../gql/graphql';
import { ConversationClaimChangedSubscription } from './conversation-claim-changed.graphql';
import { ConversationReceivedSubscription } from './conversation-received.graphql';
import { followClaim, receiveConversation } from './conversation-model';
import { QueueCountsChangedSubscription } from './overview/queue-overview.graphql';
import { ConversationsQuery } from './conversations.graphql';
import { useLiveStatus } from './use-live-status';

/** Counts are re-read once a burst of deliveries settles, not once per conversation. */
const COUNTS_SETTLE_MS = 250;

interface LiveOptions {
  pageId: string | null;
  states: readonly ConversationState[];
  /** The variables of the list the screen shows, whose cached pages the stream updates. */
  list: ConversationsQueryVariables;
  /** Whether a conversation of this page belongs under the screen's page filter. */
  underFilter: (pageId: string) => boolean;
  refetchCounts: () => void;
  /** After a dropped socket came back: deliveries may have been missed meanwhile. */
  resync: () => void;
  skip: boolean;
}

/**
 * Keeps the Conversations screen current without reload: each conversation the stream
 * brings is written into the cached list (first, as it has the latest activity) and the
 * counts are re-read; a claim, release or lapse moves the conversation in or out of the list
 * (the cache already merged its fields), and a queue's counts changing re-reads the counts.
 * Returns the socket's state for the "live" indicator.
 */
export function useLiveConversations({ pageId, states, list, underFilter, refetchCounts, resync, skip }: LiveOptions): LiveStatus {
  const status = useLiveStatus(resync);
  const settle = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (settle.current && clearTimeout(settle.current)), []);
  const countsChanged = () => {
    if (settle.current) clearTimeout(settle.current);
    settle.current = setTimeout(refetchCounts, COUNTS_SETTLE_MS);
  };

  useSubscription(ConversationReceivedSubscription, {
    variables: { pageId },
    skip,
    onData: ({ client, data }) => {
      const received = data.data?.conversationReceived;
      if (!received) return;
      client.cache.updateQuery({ query: ConversationsQuery, variables: list }, (current) =>
        current ? { ...current, conversations: { ...current.conversations, edges: receiveConversation(current.conversations.edges, received, states) } } : current,
      );
      countsChanged();
    },
  });

  useSubscription(ConversationClaimChangedSubscription, {
    skip,
    onData: ({ client, data }) => {
      const changed = data.data?.conversationClaimChanged.conversation;
      if (!changed || !underFilter(changed.pageId)) return;
      client.cache.updateQuery({ query: ConversationsQuery, variables: list }, (current) =>
        current
          ? { ...current, conversations: { ...current.conversations, edges: followClaim(current.conversations.edges, changed, states, current.conversations.pageInfo.hasNextPage) } }
          : current,
      );
    },
  });

  useSubscription(QueueCountsChangedSubscription, { skip, onData: () => countsChanged() });

  return status;
}
