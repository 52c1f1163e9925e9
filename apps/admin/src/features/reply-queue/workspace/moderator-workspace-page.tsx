import { Alert, Button, Group, Kbd, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useAbility } from '../../../app/ability';
import { useBrandTree } from '../../hierarchy/use-brand-tree';
import { ClaimBar } from './claim-bar';
import { ShortcutsHelp } from './shortcuts-help';
import { useClaimLease } from './use-claim-lease';
import { useReplyActions } from './use-reply-actions';
import { useWorkspaceLive } from './use-workspace-live';
import { useWorkspaceQueues } from './use-workspace-queues';
import { useWorkspaceShortcuts } from './use-workspace-shortcuts';
import { WorkedConversation } from './worked-conversation';
import { leaseLabel, otherHeld } from './workspace-model';

/**
 * The moderator workspace: pick a queue one works, claim the next conversation (n), answer it
 * with text or a canned response previewed as it will go out, note, escalate, snooze, resolve.
 * The claim is a lease: it is renewed while the holder types, and the panel says until when.
 */
export default function ModeratorWorkspacePage() {
  const ability = useAbility();
  const allowed = ability.can('work', 'Conversation');
  const tree = useBrandTree();
  const queues = useWorkspaceQueues(allowed);
  const { me, names } = queues;
  const work = useClaimLease({ meId: me?.id, queueId: queues.activeQueueId, refetchQueues: queues.refetchQueues, refetchHeld: queues.refetchHeld });
  const { conversation, now } = work;
  useWorkspaceLive(allowed, work);
  const actions = useReplyActions(work);
  const [help, setHelp] = useState(false);
  const toggleHelp = () => setHelp((shown) => !shown);
  const refs = useWorkspaceShortcuts({ working: !!conversation, onClaim: () => void work.claim(), onToggleHelp: toggleHelp, onResolve: actions.sendResolve });

  const pages = useMemo(() => new Map((tree.data?.brand.pages ?? []).map((page) => [page.id, page])), [tree.data]);
  const held = useMemo(() => otherHeld(queues.held, me?.id, now, conversation?.id), [queues.held, me?.id, now, conversation?.id]);

  if (!allowed) {
    return <Alert color="gray" title="Moderator workspace">Your roles do not let you work conversations.</Alert>;
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={2}>Reply queues</Title>
          <Text c="dimmed">Moderator workspace</Text>
          <Button component={Link} to="/reply-queues" variant="subtle" size="xs">
            Conversations
          </Button>
        </Group>
        <Button variant="subtle" size="xs" onClick={toggleHelp} aria-expanded={help}>
          Keyboard shortcuts <Kbd ml={6} size="xs">?</Kbd>
        </Button>
      </Group>
      {help && <ShortcutsHelp />}
      <ClaimBar
        queues={queues.workable}
        queuesLoading={queues.queuesLoading}
        queueId={queues.activeQueueId}
        onPickQueue={queues.setQueueId}
        claiming={work.busy === 'claim'}
        onClaim={() => void work.claim()}
        message={work.claimMessage}
        held={held}
        onOpen={work.open}
      />
      {!conversation ? (
        <Text c="dimmed" p="md">
          Press <Kbd>n</Kbd> or “Claim next” to take the next conversation of the queue.
        </Text>
      ) : (
        <WorkedConversation
          conversation={conversation}
          page={pages.get(conversation.pageId) ?? null}
          work={work}
          actions={actions}
          refs={refs}
          lease={me ? leaseLabel(conversation, now, me.id, names) : ''}
          moderatorName={me?.displayName ?? ''}
          names={names}
          queues={queues.allQueues}
        />
      )}
    </Stack>
  );
}
