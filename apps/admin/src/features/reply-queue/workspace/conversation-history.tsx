import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import type { WorkedConversationFragment } from '../../../gql/graphql';
import { ScreenLoader } from '../../../shared/screen-loader';
import { STATE_COLORS, STATE_LABELS } from '../conversation-model';
import type { PageInfo } from '../conversation-detail-panel';
import { ConversationHistoryQuery } from './workspace.graphql';

interface HistoryProps {
  conversation: WorkedConversationFragment;
  page: PageInfo | null;
  lease: string;
  held: boolean;
  /** Names of the people notes are by (the queue's members); others show as "a colleague". */
  names: ReadonlyMap<string, string>;
}

/** The claimed conversation: where it came from, who holds it, the customer's items and the team's notes. */
export function ConversationHistory({ conversation, page, lease, held, names }: HistoryProps) {
  const history = useQuery(ConversationHistoryQuery, { variables: { conversationId: conversation.id }, fetchPolicy: 'cache-and-network' });
  const items = history.data?.conversationItems.edges.map((edge) => edge.node) ?? [];
  const notes = history.data?.conversationNotes.edges.map((edge) => edge.node) ?? [];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Conversation" data-testid="worked-conversation">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={4} data-testid="worked-author">
            {conversation.authorName ?? conversation.authorId}
          </Title>
          <Text size="sm" data-testid="worked-page">
            on {page ? page.name : conversation.pageId}
            {page && (
              <>
                {' · '}
                <Anchor href={page.url} target="_blank" rel="noreferrer" size="sm">
                  {page.url}
                </Anchor>
              </>
            )}
          </Text>
        </Stack>
        <Group gap={6}>
          <Badge variant="light" color={STATE_COLORS[conversation.state]} tt="none" data-testid="worked-state">
            {STATE_LABELS[conversation.state]}
          </Badge>
          <Badge variant="outline" tt="none">
            {conversation.priority.toLowerCase()}
          </Badge>
          {conversation.language && <Badge variant="outline">{conversation.language}</Badge>}
          {conversation.tags.map((tag) => (
            <Badge key={tag} variant="dot" tt="none">
              {tag}
            </Badge>
          ))}
        </Group>
      </Group>
      <Text size="sm" mt={4} c={held ? 'teal' : 'orange'} data-testid="lease">
        {lease}
      </Text>
      <ScrollArea.Autosize mah={360} mt="sm">
        {history.loading && !history.data ? (
          <ScreenLoader label="Loading the history…" />
        ) : (
          <Stack gap="xs" data-testid="history">
            {items.map((item) => (
              <Paper key={item.id} p="xs" radius="sm" bg="var(--mantine-color-gray-0)" data-testid="history-item">
                <Group justify="space-between" gap="xs">
                  <Text size="xs" fw={600}>
                    {item.authorName ?? 'Customer'} <Text span c="dimmed" size="xs">({item.kind.toLowerCase()})</Text>
                  </Text>
                  <time dateTime={item.occurredAt} style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>
                    {new Date(item.occurredAt).toLocaleString()}
                  </time>
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {item.text}
                </Text>
              </Paper>
            ))}
            {notes.map((note) => (
              <Paper key={note.id} p="xs" radius="sm" bg="var(--mantine-color-yellow-0)" data-testid="history-note">
                <Text size="xs" fw={600}>
                  Note by {names.get(note.authorId) ?? 'a colleague'} · {new Date(note.createdAt).toLocaleString()}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {note.text}
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
      </ScrollArea.Autosize>
    </Paper>
  );
}
