import { Group, Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import type { ConversationState } from '../../gql/graphql';
import { STATE_COLORS, STATE_LABELS, STATES, waitedFor } from './conversation-model';

interface Oldest {
  id: string;
  authorId: string;
  authorName: string | null;
  firstItemAt: string;
}

interface CountsProps {
  counts: Record<ConversationState, number> | null;
  oldest: Oldest | null;
  /** The open conversations looked at for the oldest, when there are more open than that. */
  oldestAmong: number | null;
  now: number;
  onPickState: (state: ConversationState) => void;
  onOpen: (id: string) => void;
}

/** The top of the screen: how many conversations in each state, and who has waited longest. */
export function ConversationCounts({ counts, oldest, oldestAmong, now, onPickState, onOpen }: CountsProps) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="xs" data-testid="conversation-counts">
      {STATES.map((state) => (
        <Paper
          key={state}
          withBorder
          radius="md"
          p="xs"
          component="button"
          type="button"
          onClick={() => onPickState(state)}
          style={{ cursor: 'pointer', textAlign: 'left' }}
          aria-label={`${STATE_LABELS[state]}: ${counts ? counts[state] : '…'} conversations`}
        >
          <Text size="xs" c="dimmed">
            {STATE_LABELS[state]}
          </Text>
          <Text size="xl" fw={700} c={STATE_COLORS[state]} data-testid={`count-${state}`}>
            {counts ? counts[state] : '…'}
          </Text>
        </Paper>
      ))}
      <Paper withBorder radius="md" p="xs" data-testid="oldest-waiting">
        <Text size="xs" c="dimmed">
          Oldest waiting{oldestAmong ? ` (of the ${oldestAmong} latest)` : ''}
        </Text>
        {oldest ? (
          <Group gap={6} wrap="nowrap" justify="space-between">
            <Text size="xl" fw={700} style={{ whiteSpace: 'nowrap' }}>
              {waitedFor(oldest.firstItemAt, now)}
            </Text>
            <UnstyledButton onClick={() => onOpen(oldest.id)} style={{ minWidth: 0 }} title="Open it">
              <Text size="xs" c="indigo" truncate>
                {oldest.authorName ?? oldest.authorId}
              </Text>
            </UnstyledButton>
          </Group>
        ) : (
          <Text size="xl" fw={700} c="dimmed">
            —
          </Text>
        )}
      </Paper>
    </SimpleGrid>
  );
}
