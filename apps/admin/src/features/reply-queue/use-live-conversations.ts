import { useSubscription } from '@apollo/client/react';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { liveStatus, subscribeLiveStatus, type LiveStatus } from '../../app/live-connection';
import type { ConversationState, ConversationsQueryVariables } from '../../gql/graphql';
import { ConversationReceivedSubscription } from './conversation-received.graphql';
import { receiveConversation } from './conversation-model';
import { ConversationsQuery } from './conversations.graphql';

/** Counts are re-read once a burst of deliveries settles, not once per conversation. */
const COUNTS_SETTLE_MS = 250;

interface LiveOptions {
  pageId: string | null;
  states: readonly ConversationState[];
  /** The variables of the list the screen shows, whose cached pages the stream updates. */
  list: ConversationsQueryVariables;
  refetchCounts: () => void;
  /** After a dropped socket came back: deliveries may have been missed meanwhile. */
  resync: () => void;
  skip: boolean;
}

/**
 * Keeps the Conversations screen current without reload: each conversation the stream
 * brings is written into the cached list (first, as it has the latest activity) and the
 * counts are re-read. Returns the socket's state for the "live" indicator.
 */
export function useLiveConversations({ pageId, states, list, refetchCounts, resync, skip }: LiveOptions): LiveStatus {
  const status = useSyncExternalStore(subscribeLiveStatus, liveStatus);
  const settle = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (settle.current && clearTimeout(settle.current)), []);

  useSubscription(ConversationReceivedSubscription, {
    variables: { pageId },
    skip,
    onData: ({ client, data }) => {
      const received = data.data?.conversationReceived;
      if (!received) return;
      client.cache.updateQuery({ query: ConversationsQuery, variables: list }, (current) =>
        current ? { ...current, conversations: { ...current.conversations, edges: receiveConversation(current.conversations.edges, received, states) } } : current,
      );
      if (settle.current) clearTimeout(settle.current);
      settle.current = setTimeout(refetchCounts, COUNTS_SETTLE_MS);
    },
  });

  // Live again after being cut off (not the first connection): read everything afresh.
  const wasLive = useRef(false);
  const cutOff = useRef(false);
  useEffect(() => {
    if (status === 'live') {
      if (wasLive.current && cutOff.current) resync();
      wasLive.current = true;
      cutOff.current = false;
    } else if (wasLive.current) {
      cutOff.current = true;
    }
  }, [status, resync]);

  return status;
}
