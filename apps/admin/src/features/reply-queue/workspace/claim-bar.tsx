import { Badge, Button, Group, Kbd, Paper, Select, Text } from '@mantine/core';
import type { WorkedConversationFragment } from '../../../gql/graphql';

interface ClaimBarProps {
  /** The queues one may claim from, with how many conversations wait in each. */
  queues: readonly { id: string; name: string; waitingCount: number }[];
  queuesLoading: boolean;
  queueId: string | null;
  onPickQueue: (queueId: string | null) => void;
  claiming: boolean;
  onClaim: () => void;
  /** Why the last claim brought nothing (an empty queue, a refusal). */
  message: string | null;
  /** The other conversations one holds, to go back to. */
  held: readonly WorkedConversationFragment[];
  onOpen: (conversation: WorkedConversationFragment) => void;
}

/** Pick a queue one works, claim its next conversation, or go back to one still held. */
export function ClaimBar({ queues, queuesLoading, queueId, onPickQueue, claiming, onClaim, message, held, onOpen }: ClaimBarProps) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Group align="flex-end" gap="xs">
        <Select
          label="Queue"
          placeholder={queuesLoading ? 'Loading…' : 'No queue you work'}
          data={queues.map((queue) => ({ value: queue.id, label: `${queue.name} (${queue.waitingCount} waiting)` }))}
          value={queueId}
          onChange={onPickQueue}
          allowDeselect={false}
          w={340}
          data-testid="queue-picker"
        />
        <Button onClick={onClaim} loading={claiming} disabled={!queueId}>
          Claim next <Kbd ml={6} size="xs">n</Kbd>
        </Button>
        {message && (
          <Text size="sm" c="dimmed" data-testid="claim-message">
            {message}
          </Text>
        )}
        {held.length > 0 && (
          <Group gap={4} ml="auto">
            <Text size="xs" c="dimmed">
              Also held by you:
            </Text>
            {held.map((node) => (
              <Badge key={node.id} component="button" variant="light" tt="none" style={{ cursor: 'pointer' }} onClick={() => onOpen(node)}>
                {node.authorName ?? node.authorId}
              </Badge>
            ))}
          </Group>
        )}
      </Group>
    </Paper>
  );
}
