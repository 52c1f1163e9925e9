import { useQuery } from '@apollo/client/react';
import { Alert, Button, Grid, Group, MultiSelect, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useAbility } from '../../app/ability';
import type { ConversationState } from '../../gql/graphql';
import { isTyping } from '../../shared/keyboard';
import { LoadMoreButton } from '../../shared/load-more';
import { ScreenLoader } from '../../shared/screen-loader';
import { useNow } from '../../shared/use-now';
import { useBrandTree } from '../hierarchy/use-brand-tree';
import { ConversationCountsQuery } from './conversation-counts.graphql';
import { ConversationCounts } from './conversation-counts';
import { ConversationDetailPanel } from './conversation-detail-panel';
import { ConversationList } from './conversation-list';
import { LiveBadge } from './live-badge';
import { countOf, countsByState, holdersOf, movedIndex, oldestWaiting, pageFilterOptions, STATE_LABELS, STATES } from './conversation-model';
import { ConversationsQuery } from './conversations.graphql';
import { useLiveConversations } from './use-live-conversations';
import { WorkspaceQueuesQuery } from './workspace/workspace.graphql';

const PAGE_SIZE = 30;
const OLDEST_LOOKED_AT = 200;

/** The Reply queues area's other screens, each for those who may use it (DESIGN §4). */
const REPLY_QUEUE_SCREENS = [
  { to: '/reply-queues/overview', label: 'Queue overview', action: 'read', subject: 'ReplyQueue' },
  { to: '/reply-queues/queues', label: 'Queues', action: 'read', subject: 'ReplyQueue' },
  { to: '/reply-queues/work', label: 'Moderator workspace', action: 'work', subject: 'Conversation' },
  { to: '/reply-queues/routing', label: 'Routing rules', action: 'create', subject: 'RoutingRule' },
  { to: '/reply-queues/canned', label: 'Canned responses', action: 'create', subject: 'CannedResponse' },
] as const;

/**
 * Reply queues, first screen: the conversations the caller may read, counted by state, latest
 * activity first, filtered by state and page, kept live by the conversationReceived stream.
 * j/k move the cursor, Enter opens the conversation in the panel.
 */
export default function ConversationsPage() {
  const ability = useAbility();
  // The route is reachable by URL: without the right, nothing is asked of the API.
  const allowed = ability.can('read', 'Conversation');
  const tree = useBrandTree();
  const [states, setStates] = useState<ConversationState[]>([]);
  const [pageId, setPageId] = useState<string | null>(null);
  const [cursorId, setCursorId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const now = useNow(30_000);

  const variables = useMemo(() => ({ first: PAGE_SIZE, filter: { pageId, states: states.length ? states : null } }), [pageId, states]);
  const list = useQuery(ConversationsQuery, { variables, notifyOnNetworkStatusChange: true, skip: !allowed });
  const counts = useQuery(ConversationCountsQuery, { variables: { pageId }, fetchPolicy: 'no-cache', skip: !allowed });
  const { refetch: refetchList } = list;
  const { refetch: refetchCountsQuery } = counts;
  const refetchCounts = useCallback(() => void refetchCountsQuery().catch(() => undefined), [refetchCountsQuery]);
  const resync = useCallback(() => {
    void refetchList().catch(() => undefined);
    refetchCounts();
  }, [refetchList, refetchCounts]);
  const pages = useMemo(() => tree.data?.brand.pages ?? [], [tree.data]);
  const pageById = useMemo(() => new Map(pages.map((page) => [page.id, page])), [pages]);
  const underFilter = useCallback((id: string) => !pageId || !!pageById.get(id)?.scopeIds.includes(pageId), [pageId, pageById]);
  const status = useLiveConversations({ pageId, states, list: variables, underFilter, refetchCounts, resync, skip: !allowed });
  // The queues' members name the lease holders (a conversation gives only the holder's id).
  const queues = useQuery(WorkspaceQueuesQuery, { fetchPolicy: 'cache-first', skip: !allowed });
  const memberNames = useMemo(
    () => new Map((queues.data?.replyQueues.edges ?? []).flatMap((edge) => edge.node.members.map((member) => [member.userId, member.displayName] as const))),
    [queues.data],
  );
  const pageNames = useMemo(() => new Map(pages.map((page) => [page.id, page.name])), [pages]);
  const pageOptions = useMemo(() => pageFilterOptions(pages, ability), [pages, ability]);
  const byState = counts.data ? countsByState(counts.data) : null;
  const open = counts.data?.open;
  const oldest = useMemo(() => oldestWaiting(open?.edges.map((edge) => edge.node) ?? []), [open]);

  const connection = list.data?.conversations;
  const conversations = useMemo(() => {
    // A conversation met again on a later page after it moved up (new item) is shown once.
    const seen = new Set<string>();
    return (connection?.edges ?? []).map((edge) => edge.node).filter((node) => !seen.has(node.id) && seen.add(node.id));
  }, [connection]);
  const holders = useMemo(() => holdersOf(conversations, memberNames, now), [conversations, memberNames, now]);
  const opened = conversations.find((conversation) => conversation.id === openId) ?? null;

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (event.key === 'Enter') {
        if (cursorId) {
          event.preventDefault();
          setOpenId(cursorId);
        }
        return;
      }
      const index = movedIndex(
        conversations.findIndex((conversation) => conversation.id === cursorId),
        event.key,
        conversations.length,
      );
      if (index === null) return;
      event.preventDefault();
      setCursorId(conversations[index]!.id);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [conversations, cursorId]);

  function openConversation(id: string) {
    setCursorId(id);
    setOpenId(id);
  }

  if (!allowed) {
    return <Alert color="gray" title="Reply queues">Your roles do not let you read conversations.</Alert>;
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={2}>Reply queues</Title>
          <Text c="dimmed">Conversations</Text>
          {REPLY_QUEUE_SCREENS.filter((screen) => ability.can(screen.action, screen.subject)).map((screen) => (
            <Button key={screen.to} component={Link} to={screen.to} variant="light" size="xs">
              {screen.label}
            </Button>
          ))}
        </Group>
        <LiveBadge status={status} title="New conversations, claims and counts show without reload while live" />
      </Group>
      <ConversationCounts
        counts={byState}
        oldest={oldest}
        oldestAmong={open && open.totalCount > OLDEST_LOOKED_AT ? OLDEST_LOOKED_AT : null}
        now={now}
        onPickState={(state) => setStates([state])}
        onOpen={openConversation}
      />
      <Paper withBorder radius="md" p="sm">
        <Group align="flex-end" gap="xs">
          <MultiSelect
            label="States"
            placeholder={states.length ? undefined : 'Every state'}
            data={STATES.map((state) => ({ value: state, label: STATE_LABELS[state] }))}
            value={states}
            onChange={(value) => setStates(value as ConversationState[])}
            clearable
            w={360}
          />
          <Select label="Page or market" placeholder="Every page you work on" data={pageOptions} value={pageId} onChange={setPageId} searchable clearable w={300} />
          <Text size="xs" c="dimmed" ml="auto">
            j / k to move, Enter to open
          </Text>
        </Group>
      </Paper>
      {connection && byState && (
        <Text size="sm" c="dimmed" data-testid="conversation-count">
          {conversations.length} of {countOf(byState, states)} conversations, latest activity first
        </Text>
      )}
      {list.error && !list.data && <Alert color="red">{list.error.message}</Alert>}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {!list.data && list.loading ? (
            <ScreenLoader label="Loading conversations…" />
          ) : (
            <ConversationList conversations={conversations} cursorId={cursorId} openId={openId} pageNames={pageNames} holders={holders} onOpen={openConversation} />
          )}
          <LoadMoreButton mt="xs" pageInfo={connection?.pageInfo} loading={list.loading} fetchMore={list.fetchMore} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {opened ? (
            <ConversationDetailPanel conversation={opened} page={pageById.get(opened.pageId) ?? null} />
          ) : (
            <Text c="dimmed" p="md">
              Pick a conversation (click, or j / k and Enter) to see it here.
            </Text>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
