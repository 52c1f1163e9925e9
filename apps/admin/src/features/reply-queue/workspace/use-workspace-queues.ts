import { useQuery } from '@apollo/client/react';
import { asSubject } from '@pivot/domain';
import { useCallback, useMemo, useState } from 'react';
import { useAbility } from '../../../app/ability';
import { ShellQuery } from '../../../app/shell.graphql';
import { HeldConversationsQuery, WorkspaceQueuesQuery } from './workspace.graphql';

/**
 * What the workspace works from: the signed-in moderator, the brand's queues (to escalate to, and
 * their members to name lease holders), the queues one may claim from with the one picked, and
 * the conversations one holds.
 */
export function useWorkspaceQueues(allowed: boolean) {
  const ability = useAbility();
  const shell = useQuery(ShellQuery, { fetchPolicy: 'cache-first' });
  const me = shell.data?.me;
  const queuesQuery = useQuery(WorkspaceQueuesQuery, { skip: !allowed });
  const heldQuery = useQuery(HeldConversationsQuery, { skip: !allowed, fetchPolicy: 'cache-and-network' });

  const allQueues = useMemo(() => queuesQuery.data?.replyQueues.edges.map((edge) => edge.node) ?? [], [queuesQuery.data]);
  // A queue one may claim from: a member's, or (for those who manage it) its escalations to the manager.
  const workable = useMemo(
    () => allQueues.filter((queue) => queue.members.some((member) => member.userId === me?.id) || ability.can('update', asSubject('ReplyQueue', queue))),
    [allQueues, me?.id, ability],
  );
  const names = useMemo(() => new Map(allQueues.flatMap((queue) => queue.members.map((member) => [member.userId, member.displayName] as const))), [allQueues]);
  const [queueId, setQueueId] = useState<string | null>(null);
  const held = useMemo(() => heldQuery.data?.conversations.edges.map((edge) => edge.node) ?? [], [heldQuery.data]);

  const { refetch: refetchHeldQuery } = heldQuery;
  const { refetch: refetchQueuesQuery } = queuesQuery;
  // A failed refresh keeps what is shown; the global error toast says why.
  const refetchHeld = useCallback(() => void refetchHeldQuery().catch(() => undefined), [refetchHeldQuery]);
  const refetchQueues = useCallback(() => void refetchQueuesQuery().catch(() => undefined), [refetchQueuesQuery]);

  return {
    me,
    allQueues,
    workable,
    names,
    queuesLoading: queuesQuery.loading,
    activeQueueId: queueId ?? workable[0]?.id ?? null,
    setQueueId,
    held,
    refetchHeld,
    refetchQueues,
  };
}
