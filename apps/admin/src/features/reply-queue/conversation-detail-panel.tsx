import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useAbility } from '../../app/ability';
import { STATE_COLORS, STATE_LABELS, type ConversationNode } from './conversation-model';
import { WorkspaceQueuesQuery } from './workspace/workspace.graphql';
import { currentHolder } from './workspace/workspace-model';

export interface PageInfo {
  name: string;
  kind: string;
  url: string;
}

/** One conversation's fields and the page it came from. */
export function ConversationDetailPanel({ conversation, page }: { conversation: ConversationNode; page: PageInfo | null }) {
  const ability = useAbility();
  // The queues' members name the lease holder (the API gives only their id on the conversation).
  const queues = useQuery(WorkspaceQueuesQuery, { fetchPolicy: 'cache-first' });
  const names = useMemo(
    () => new Map((queues.data?.replyQueues.edges ?? []).flatMap((edge) => edge.node.members.map((member) => [member.userId, member.displayName] as const))),
    [queues.data],
  );
  const queueName = queues.data?.replyQueues.edges.find((edge) => edge.node.id === conversation.queueId)?.node.name;
  const holder = currentHolder(conversation, Date.now());
  const rows: [string, React.ReactNode][] = [
    ['State', <Badge variant="light" color={STATE_COLORS[conversation.state]} tt="none">{STATE_LABELS[conversation.state]}</Badge>],
    [
      'Page',
      page ? (
        <Stack gap={0}>
          <Text size="sm" data-testid="detail-page">
            {page.name} <Text span c="dimmed" size="xs">({page.kind.toLowerCase()})</Text>
          </Text>
          <Anchor href={page.url} target="_blank" rel="noreferrer" size="xs">
            {page.url}
          </Anchor>
        </Stack>
      ) : (
        conversation.pageId
      ),
    ],
    ['Network', conversation.network],
    ['Author id', conversation.authorId],
    ['Thread', conversation.threadId],
    ['Items', String(conversation.itemCount)],
    ['First item', <time dateTime={conversation.firstItemAt}>{new Date(conversation.firstItemAt).toLocaleString()}</time>],
    ['Latest item', <time dateTime={conversation.lastItemAt}>{new Date(conversation.lastItemAt).toLocaleString()}</time>],
    ['Queue', conversation.queueId ? <Text size="sm" data-testid="detail-queue">{queueName ?? conversation.queueId}</Text> : 'not routed yet'],
    [
      'Held by',
      <Text size="sm" data-testid="detail-holder">
        {holder ? `${names.get(holder) ?? 'another moderator'} until ${new Date(conversation.leaseExpiresAt!).toLocaleTimeString()}` : 'nobody'}
      </Text>,
    ],
  ];
  return (
    <Paper withBorder radius="md" p="md" data-testid="conversation-detail" aria-label="Conversation">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{conversation.authorName ?? conversation.authorId}</Title>
        {ability.can('work', 'Conversation') && (
          <Button component={Link} to="/reply-queues/work" state={{ conversation }} size="xs" variant="light">
            Open in workspace
          </Button>
        )}
      </Group>
      <Table withRowBorders={false} verticalSpacing={4} fz="sm">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Td w={110} c="dimmed">
                {label}
              </Table.Td>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
