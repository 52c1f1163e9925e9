import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { ScreenLoader } from '../../shared/screen-loader';
import { DiffView } from './cascade-panels';
import { StateBadge } from './post-list';
import { excerpt, notFound } from './post-model';
import { boardOrder, jobProgress, jobRunning, ROLLOUT_COLORS, ROLLOUT_LABELS, rolloutCounts } from './rollout-model';
import { RolloutQuery } from './rollout.graphql';

const POLL_MS = 500;

/** `content/posts/:id/rollout`: a row per market the user reads, its state, its child and whether the global post moved on. */
export function RolloutBoardScreen() {
  const { id } = useParams();
  const { data, error, startPolling, stopPolling } = useQuery(RolloutQuery, { variables: { postId: id! }, fetchPolicy: 'cache-and-network' });
  const running = jobRunning(data?.rollout.latestJob);
  // While the cascade still runs, the board fills in as children are made.
  useEffect(() => {
    if (!running) return undefined;
    startPolling(POLL_MS);
    return () => stopPolling();
  }, [running, startPolling, stopPolling]);
  const cells = useMemo(() => boardOrder(data?.rollout.cells ?? []), [data]);
  const counts = useMemo(() => rolloutCounts(data?.rollout.cells ?? []), [data]);

  if (error && !data) {
    return notFound(error) ? (
      <Alert color="gray" title="No rollout here" data-testid="rollout-missing">
        There is no such post, or neither it nor any of its localizations is yours to see.
      </Alert>
    ) : (
      <Alert color="red">{error.message}</Alert>
    );
  }
  if (!data) return <ScreenLoader label="Loading the rollout…" />;
  const { post, latestJob } = data.rollout;
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={3}>Rollout</Title>
          {/* A market team reads its own localizations, not the brand team's global post. */}
          <Text size="sm" c={post ? undefined : 'dimmed'} data-testid="rollout-global">
            {post ? <Link to={`/content/posts/${post.id}`}>{excerpt(post.body, 100)}</Link> : 'Your localizations of a global post of the brand team'}
          </Text>
        </Stack>
        {post && <StateBadge state={post.state} />}
      </Group>
      {latestJob && running && (
        <Paper withBorder radius="md" p="sm" data-testid="rollout-job">
          <Progress value={jobProgress(latestJob).percent} animated aria-label="Cascade progress" />
          <Text size="xs" c="dimmed" mt={4}>
            {jobProgress(latestJob).label}
          </Text>
        </Paper>
      )}
      <Group gap="xs" data-testid="rollout-counts">
        {counts.map(({ state, count }) => (
          <Badge key={state} color={ROLLOUT_COLORS[state]} variant={count > 0 ? 'filled' : 'light'} size="lg" tt="none" data-testid="rollout-count" data-state={state} data-count={count}>
            {ROLLOUT_LABELS[state]}: {count}
          </Badge>
        ))}
      </Group>
      <Table striped withTableBorder verticalSpacing="xs" data-testid="rollout-board">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Market</Table.Th>
            <Table.Th>Page</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Localization</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cells.map((cell) => (
            <Table.Tr key={cell.child?.id ?? cell.market.id} data-testid="rollout-cell" data-market={cell.market.country ?? cell.market.id} data-state={cell.state}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {cell.market.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {cell.market.country} · {cell.market.network}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{cell.targetPage ? cell.targetPage.name : '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Badge color={ROLLOUT_COLORS[cell.state]} variant="light" data-testid="rollout-state">
                  {ROLLOUT_LABELS[cell.state]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  {cell.child ? (
                    <Group gap="xs">
                      <Button component={Link} to={`/content/posts/${cell.child.id}`} size="compact-xs" variant="default" data-testid="rollout-child-link">
                        Open the {cell.child.locale} draft
                      </Button>
                      {cell.globalChanged && (
                        <Badge color="yellow" data-testid="rollout-global-changed">
                          global changed
                        </Badge>
                      )}
                    </Group>
                  ) : (
                    <Text size="xs" c="dimmed">
                      Not cascaded here
                    </Text>
                  )}
                  {cell.globalChanged && <DiffView segments={cell.diff} />}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {cells.length === 0 && <Text c="dimmed">No market of this post is yours to see.</Text>}
    </Stack>
  );
}
