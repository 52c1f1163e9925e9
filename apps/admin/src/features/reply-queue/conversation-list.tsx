import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { STATE_COLORS, STATE_LABELS, type ConversationNode } from './conversation-model';

interface ListProps {
  conversations: readonly ConversationNode[];
  /** The keyboard cursor (j/k); Enter opens it. */
  cursorId: string | null;
  openId: string | null;
  pageNames: ReadonlyMap<string, string>;
  /** Who holds each held conversation, by conversation id (claims follow live). */
  holders: ReadonlyMap<string, string>;
  onOpen: (id: string) => void;
}

/** The conversations, latest activity first; the cursor row is highlighted and kept in view. */
export function ConversationList({ conversations, cursorId, openId, pageNames, holders, onOpen }: ListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!cursorId) return;
    listRef.current?.querySelector(`[data-conversation-id="${cursorId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [cursorId]);

  if (conversations.length === 0) {
    return (
      <Text c="dimmed" p="md">
        No conversation matches.
      </Text>
    );
  }
  return (
    <Stack gap={4} ref={listRef} role="listbox" aria-label="Conversations" data-testid="conversation-list">
      {conversations.map((conversation) => {
        const current = conversation.id === cursorId;
        return (
          <UnstyledButton
            key={conversation.id}
            role="option"
            aria-selected={current}
            aria-current={conversation.id === openId ? 'true' : undefined}
            data-testid="conversation-row"
            data-conversation-id={conversation.id}
            onClick={() => onOpen(conversation.id)}
            px="sm"
            py={6}
            style={{
              borderRadius: 6,
              background: current ? 'var(--mantine-color-indigo-0)' : undefined,
              borderLeft: current ? '3px solid var(--mantine-color-indigo-6)' : '3px solid transparent',
            }}
          >
            <Group justify="space-between" wrap="nowrap">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={500} truncate>
                  {conversation.authorName ?? conversation.authorId}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {pageNames.get(conversation.pageId) ?? conversation.pageId} · {conversation.network}
                </Text>
              </Stack>
              <Group gap={6} wrap="nowrap">
                {holders.has(conversation.id) && (
                  <Badge size="sm" variant="outline" color="teal" tt="none" data-testid="holder">
                    {holders.get(conversation.id)}
                  </Badge>
                )}
                <Badge size="sm" variant="light" color={STATE_COLORS[conversation.state]} tt="none">
                  {STATE_LABELS[conversation.state]}
                </Badge>
                <Badge size="sm" variant="outline" color="gray" data-testid="item-count" title="items">
                  {conversation.itemCount}
                </Badge>
                <Text size="xs" c="dimmed" w={130} ta="right">
                  <time dateTime={conversation.lastItemAt}>{new Date(conversation.lastItemAt).toLocaleString()}</time>
                </Text>
              </Group>
            </Group>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}
