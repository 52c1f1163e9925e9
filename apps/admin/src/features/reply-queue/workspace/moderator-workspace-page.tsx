import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { Alert, Badge, Button, Grid, Group, Kbd, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { asSubject } from '@pivot/domain';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useAbility } from '../../../app/ability';
import { ShellQuery } from '../../../app/shell.graphql';
import type { WorkedConversationFragment } from '../../../gql/graphql';
import { useBrandTree } from '../../hierarchy/use-brand-tree';
import { ConversationClaimChangedSubscription } from '../conversation-claim-changed.graphql';
import { QueueCountsChangedSubscription } from '../overview/queue-overview.graphql';
import { ConversationActions } from './conversation-actions';
import { ConversationHistory } from './conversation-history';
import { ReplyBox, type ReplySend } from './reply-box';
import {
  AddNoteMutation,
  ClaimNextMutation,
  EscalateMutation,
  HeldConversationsQuery,
  RenewLeaseMutation,
  ReplyMutation,
  ResolveMutation,
  SnoozeMutation,
  WorkspaceQueuesQuery,
} from './workspace.graphql';
import { currentHolder, leaseLabel, renewDue, shortcutOf, SHORTCUTS, workErrorMessage } from './workspace-model';

/** Keys typed into a field are the field's, not the workspace's. */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

type Busy = 'claim' | 'reply' | 'note' | 'escalate' | 'snooze' | 'resolve' | null;

/**
 * The moderator workspace: pick a queue one works, claim the next conversation (n), answer it
 * with text or a canned response previewed as it will go out, note, escalate, snooze, resolve.
 * The claim is a lease: it is renewed while the holder types, and the panel says until when.
 */
export default function ModeratorWorkspacePage() {
  const ability = useAbility();
  const allowed = ability.can('work', 'Conversation');
  const shell = useQuery(ShellQuery, { fetchPolicy: 'cache-first' });
  const me = shell.data?.me;
  const tree = useBrandTree();
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
  const activeQueueId = queueId ?? workable[0]?.id ?? null;

  // Opened from the Conversations screen ("Open in workspace"): worked if one holds it, else seen held.
  const location = useLocation();
  const [conversation, setConversation] = useState<WorkedConversationFragment | null>(
    () => (location.state as { conversation?: WorkedConversationFragment } | null)?.conversation ?? null,
  );
  const [busy, setBusy] = useState<Busy>(null);
  const [claimMessage, setClaimMessage] = useState<string | null>(null);
  const [replyError, setReplyError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  // Live: the open conversation shows who holds it now (taken over after a lapse, released…);
  // the held list follows through the cache, and the queue picker's waiting counts too.
  useSubscription(ConversationClaimChangedSubscription, {
    skip: !allowed,
    onData: ({ data }) => {
      const changed = data.data?.conversationClaimChanged.conversation;
      if (changed) setConversation((current) => (current && current.id === changed.id ? { ...current, ...changed } : current));
    },
  });
  useSubscription(QueueCountsChangedSubscription, {
    skip: !allowed,
    onData: ({ client, data }) => {
      const row = data.data?.queueCountsChanged;
      if (row) client.cache.modify({ id: client.cache.identify({ __typename: 'ReplyQueue', id: row.queueId }), fields: { waitingCount: () => row.waiting } });
    },
  });

  const [claimNext] = useMutation(ClaimNextMutation);
  const [renewLease] = useMutation(RenewLeaseMutation);
  const [reply] = useMutation(ReplyMutation);
  const [addNote] = useMutation(AddNoteMutation, { refetchQueries: ['ConversationHistory'] });
  const [escalate] = useMutation(EscalateMutation);
  const [snooze] = useMutation(SnoozeMutation);
  const [resolve] = useMutation(ResolveMutation);

  const pages = useMemo(() => new Map((tree.data?.brand.pages ?? []).map((page) => [page.id, page])), [tree.data]);
  const page = conversation ? (pages.get(conversation.pageId) ?? null) : null;
  const held = useMemo(
    () => (heldQuery.data?.conversations.edges.map((edge) => edge.node) ?? []).filter((node) => me && currentHolder(node, now) === me.id && node.id !== conversation?.id),
    [heldQuery.data, me, now, conversation?.id],
  );

  const refs = {
    reply: useRef<HTMLTextAreaElement | null>(null),
    canned: useRef<HTMLInputElement | null>(null),
    note: useRef<HTMLTextAreaElement | null>(null),
    escalate: useRef<HTMLInputElement | null>(null),
    snooze: useRef<HTMLInputElement | null>(null),
  };

  const open = useCallback((next: WorkedConversationFragment | null) => {
    setConversation(next);
    setReplyError(null);
    setActionError(null);
    lastRenewal.current = Date.now();
  }, []);

  const claim = useCallback(async () => {
    if (!activeQueueId || busy) return;
    setBusy('claim');
    setClaimMessage(null);
    try {
      const result = await claimNext({ variables: { queueId: activeQueueId } });
      const claimed = result.data?.claimNext ?? null;
      if (claimed) open(claimed);
      else setClaimMessage('Nothing is waiting in this queue.');
      void heldQuery.refetch().catch(() => undefined);
      void queuesQuery.refetch().catch(() => undefined);
    } catch (error) {
      setClaimMessage(workErrorMessage(error));
    } finally {
      setBusy(null);
    }
  }, [activeQueueId, busy, claimNext, open, heldQuery, queuesQuery]);

  // The holder's activity renews the lease, at most once every RENEW_EVERY_MS.
  const lastRenewal = useRef(0);
  const onActivity = useCallback(() => {
    if (!conversation || !me || currentHolder(conversation, Date.now()) !== me.id || !renewDue(lastRenewal.current, Date.now())) return;
    lastRenewal.current = Date.now();
    renewLease({ variables: { conversationId: conversation.id } })
      .then((result) => {
        const renewed = result.data?.renewLease;
        if (renewed) setConversation((current) => (current && current.id === renewed.id ? { ...current, ...renewed } : current));
      })
      .catch((error: unknown) => setReplyError(workErrorMessage(error)));
  }, [conversation, me, renewLease]);

  /** Runs one action on the open conversation; the answer replaces it, a refusal is shown inline. */
  async function act(kind: Exclude<Busy, null>, run: () => Promise<WorkedConversationFragment | null | undefined>, done?: () => void): Promise<boolean> {
    if (!conversation || busy) return false;
    setBusy(kind);
    const setError = kind === 'reply' ? setReplyError : setActionError;
    setError(null);
    try {
      const next = await run();
      if (next) setConversation(next);
      done?.();
      void heldQuery.refetch().catch(() => undefined);
      return true;
    } catch (error) {
      setError(workErrorMessage(error));
      return false;
    } finally {
      setBusy(null);
    }
  }

  const id = conversation?.id ?? '';
  const sendReply = (input: ReplySend) => act('reply', async () => (await reply({ variables: { input: { conversationId: id, ...input } } })).data?.replyToConversation);
  const sendNote = (text: string) =>
    act('note', async () => {
      await addNote({ variables: { conversationId: id, text } });
      return null;
    });
  const sendEscalation = (target: { toQueueId?: string; toManager?: boolean; reason?: string }) =>
    act('escalate', async () => (await escalate({ variables: { input: { conversationId: id, ...target } } })).data?.escalateConversation);
  const sendSnooze = (until: Date) => void act('snooze', async () => (await snooze({ variables: { conversationId: id, until: until.toISOString() } })).data?.snoozeConversation);
  const sendResolve = () => void act('resolve', async () => (await resolve({ variables: { conversationId: id } })).data?.resolveConversation);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (typing(event.target)) return;
      const action = shortcutOf(event);
      if (!action) return;
      event.preventDefault();
      if (action === 'claim') void claim();
      else if (action === 'help') setHelp((shown) => !shown);
      else if (!conversation) return;
      else if (action === 'reply') refs.reply.current?.focus();
      else if (action === 'canned') refs.canned.current?.focus();
      else if (action === 'note') refs.note.current?.focus();
      else if (action === 'escalate') refs.escalate.current?.focus();
      else if (action === 'snooze') refs.snooze.current?.focus();
      else if (action === 'resolve') sendResolve();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!allowed) {
    return <Alert color="gray" title="Moderator workspace">Your roles do not let you work conversations.</Alert>;
  }

  const isMine = !!conversation && !!me && currentHolder(conversation, now) === me.id;
  const lease = conversation && me ? leaseLabel(conversation, now, me.id, names) : '';
  const done = conversation && ['RESOLVED', 'SNOOZED', 'ESCALATED'].includes(conversation.state);
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
        <Button variant="subtle" size="xs" onClick={() => setHelp((shown) => !shown)} aria-expanded={help}>
          Keyboard shortcuts <Kbd ml={6} size="xs">?</Kbd>
        </Button>
      </Group>
      {help && (
        <Paper withBorder radius="md" p="sm" data-testid="shortcuts" aria-label="Keyboard shortcuts">
          <Table withRowBorders={false} verticalSpacing={2} fz="sm">
            <Table.Tbody>
              {SHORTCUTS.map((shortcut) => (
                <Table.Tr key={shortcut.key}>
                  <Table.Td w={120}>
                    <Kbd size="xs">{shortcut.key}</Kbd>
                  </Table.Td>
                  <Table.Td>{shortcut.label}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Paper withBorder radius="md" p="sm">
        <Group align="flex-end" gap="xs">
          <Select
            label="Queue"
            placeholder={queuesQuery.loading ? 'Loading…' : 'No queue you work'}
            data={workable.map((queue) => ({ value: queue.id, label: `${queue.name} (${queue.waitingCount} waiting)` }))}
            value={activeQueueId}
            onChange={setQueueId}
            allowDeselect={false}
            w={340}
            data-testid="queue-picker"
          />
          <Button onClick={() => void claim()} loading={busy === 'claim'} disabled={!activeQueueId}>
            Claim next <Kbd ml={6} size="xs">n</Kbd>
          </Button>
          {claimMessage && (
            <Text size="sm" c="dimmed" data-testid="claim-message">
              {claimMessage}
            </Text>
          )}
          {held.length > 0 && (
            <Group gap={4} ml="auto">
              <Text size="xs" c="dimmed">
                Also held by you:
              </Text>
              {held.map((node) => (
                <Badge key={node.id} component="button" variant="light" tt="none" style={{ cursor: 'pointer' }} onClick={() => open(node)}>
                  {node.authorName ?? node.authorId}
                </Badge>
              ))}
            </Group>
          )}
        </Group>
      </Paper>
      {!conversation ? (
        <Text c="dimmed" p="md">
          Press <Kbd>n</Kbd> or “Claim next” to take the next conversation of the queue.
        </Text>
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <ConversationHistory conversation={conversation} page={page} lease={lease} held={isMine} names={names} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack>
              {done && (
                <Alert color="green" p="xs" data-testid="worked-done">
                  This conversation is {conversation.state.toLowerCase().replace('_', ' ')}. Press <Kbd size="xs">n</Kbd> for the next one.
                </Alert>
              )}
              <ReplyBox
                key={conversation.id}
                pageId={conversation.pageId}
                conversationLanguage={conversation.language ?? null}
                pageLanguages={page?.languages ?? []}
                preview={{ authorName: conversation.authorName ?? null, pageName: page?.name ?? '', moderatorName: me?.displayName ?? '' }}
                sending={busy === 'reply'}
                error={replyError}
                textRef={refs.reply}
                cannedRef={refs.canned}
                onActivity={onActivity}
                onSend={sendReply}
              />
              <ConversationActions
                key={`actions-${conversation.id}`}
                refs={refs}
                queues={allQueues.filter((queue) => queue.id !== conversation.queueId)}
                busy={busy}
                error={actionError}
                onActivity={onActivity}
                onNote={sendNote}
                onEscalate={sendEscalation}
                onSnooze={sendSnooze}
                onResolve={sendResolve}
              />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
