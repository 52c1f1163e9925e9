import { useMutation } from '@apollo/client/react';
import { useCallback, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import type { WorkedConversationFragment } from '../../../gql/graphql';
import { useNow } from '../../../shared/use-now';
import { ClaimNextMutation, RenewLeaseMutation } from './workspace.graphql';
import { currentHolder, renewDue, workErrorMessage } from './workspace-model';

export type WorkKind = 'claim' | 'reply' | 'note' | 'escalate' | 'snooze' | 'resolve';
type Worked = WorkedConversationFragment;

interface ClaimLeaseOptions {
  meId: string | undefined;
  queueId: string | null;
  /** After a claim: the held list and the queues' waiting counts changed. */
  refetchQueues: () => void;
  /** After a claim or an action: the held list changed. */
  refetchHeld: () => void;
}

/**
 * The conversation worked on and its claim: claimNext from the picked queue, the lease renewed
 * by the holder's activity (at most once every RENEW_EVERY_MS), a clock ticking every second
 * for the lease countdown, and one action at a time, its refusal kept to show inline.
 */
export function useClaimLease({ meId, queueId, refetchQueues, refetchHeld }: ClaimLeaseOptions) {
  // Opened from the Conversations screen ("Open in workspace"): worked if one holds it, else seen held.
  const location = useLocation();
  const [conversation, setConversation] = useState<Worked | null>(() => (location.state as { conversation?: Worked } | null)?.conversation ?? null);
  const [busy, setBusy] = useState<WorkKind | null>(null);
  const [claimMessage, setClaimMessage] = useState<string | null>(null);
  const [replyError, setReplyError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const now = useNow(1000);
  const lastRenewal = useRef(0);
  const [claimNext] = useMutation(ClaimNextMutation);
  const [renewLease] = useMutation(RenewLeaseMutation);

  /** A newer state of the open conversation (renewed, or its claim changed elsewhere); another one's is ignored. */
  const merge = useCallback(
    (changed: Partial<Worked> & { id: string }) => setConversation((current) => (current && current.id === changed.id ? { ...current, ...changed } : current)),
    [],
  );

  const open = useCallback((next: Worked | null) => {
    setConversation(next);
    setReplyError(null);
    setActionError(null);
    lastRenewal.current = Date.now();
  }, []);

  const claim = useCallback(async () => {
    if (!queueId || busy) return;
    setBusy('claim');
    setClaimMessage(null);
    try {
      const result = await claimNext({ variables: { queueId } });
      const claimed = result.data?.claimNext ?? null;
      if (claimed) open(claimed);
      else setClaimMessage('Nothing is waiting in this queue.');
      refetchHeld();
      refetchQueues();
    } catch (error) {
      setClaimMessage(workErrorMessage(error));
    } finally {
      setBusy(null);
    }
  }, [queueId, busy, claimNext, open, refetchHeld, refetchQueues]);

  // The holder's activity renews the lease, at most once every RENEW_EVERY_MS.
  const onActivity = useCallback(() => {
    if (!conversation || !meId || currentHolder(conversation, Date.now()) !== meId || !renewDue(lastRenewal.current, Date.now())) return;
    lastRenewal.current = Date.now();
    renewLease({ variables: { conversationId: conversation.id } })
      .then((result) => {
        const renewed = result.data?.renewLease;
        if (renewed) merge(renewed);
      })
      .catch((error: unknown) => setReplyError(workErrorMessage(error)));
  }, [conversation, meId, renewLease, merge]);

  /** Runs one action on the open conversation; the answer replaces it, a refusal is shown inline. */
  async function act(kind: Exclude<WorkKind, 'claim'>, run: (conversationId: string) => Promise<Worked | null | undefined>): Promise<boolean> {
    if (!conversation || busy) return false;
    setBusy(kind);
    const setError = kind === 'reply' ? setReplyError : setActionError;
    setError(null);
    try {
      const next = await run(conversation.id);
      if (next) setConversation(next);
      refetchHeld();
      return true;
    } catch (error) {
      setError(workErrorMessage(error));
      return false;
    } finally {
      setBusy(null);
    }
  }

  return {
    conversation,
    now,
    isMine: !!conversation && !!meId && currentHolder(conversation, now) === meId,
    busy,
    claimMessage,
    replyError,
    actionError,
    open,
    merge,
    claim,
    onActivity,
    act,
  };
}

export type ClaimLease = ReturnType<typeof useClaimLease>;
