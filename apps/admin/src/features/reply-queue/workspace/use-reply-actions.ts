import { useMutation } from '@apollo/client/react';
import type { EscalationTarget } from './conversation-actions';
import type { ReplySend } from './reply-box';
import type { ClaimLease } from './use-claim-lease';
import { AddNoteMutation, EscalateMutation, ReplyMutation, ResolveMutation, SnoozeMutation } from './workspace.graphql';

/** What the holder does to the open conversation: reply, note, escalate, snooze, resolve, one at a time. */
export function useReplyActions({ act }: Pick<ClaimLease, 'act'>) {
  const [reply] = useMutation(ReplyMutation);
  const [addNote] = useMutation(AddNoteMutation, { refetchQueries: ['ConversationHistory'] });
  const [escalate] = useMutation(EscalateMutation);
  const [snooze] = useMutation(SnoozeMutation);
  const [resolve] = useMutation(ResolveMutation);

  return {
    sendReply: (input: ReplySend) => act('reply', async (conversationId) => (await reply({ variables: { input: { conversationId, ...input } } })).data?.replyToConversation),
    sendNote: (text: string) =>
      act('note', async (conversationId) => {
        await addNote({ variables: { conversationId, text } });
        return null;
      }),
    sendEscalation: (target: EscalationTarget) =>
      act('escalate', async (conversationId) => (await escalate({ variables: { input: { conversationId, ...target } } })).data?.escalateConversation),
    sendSnooze: (until: Date) => void act('snooze', async (conversationId) => (await snooze({ variables: { conversationId, until: until.toISOString() } })).data?.snoozeConversation),
    sendResolve: () => void act('resolve', async (conversationId) => (await resolve({ variables: { conversationId } })).data?.resolveConversation),
  };
}

export type ReplyActions = ReturnType<typeof useReplyActions>;
