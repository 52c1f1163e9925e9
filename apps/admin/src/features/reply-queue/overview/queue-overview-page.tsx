import { useQuery, useSubscription } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { useAbility } from '../../../app/ability';
import { useCurrentBrand } from '../../../app/brand-context';
import { LoadMoreButton } from '../../../shared/load-more';
import { ScreenLoader } from '../../../shared/screen-loader';
import { useNow } from '../../../shared/use-now';
import { LiveBadge } from '../live-badge';
import { useLiveStatus } from '../use-live-status';
import { QueueCountsChangedSubscription, QueueOverviewQuery } from './queue-overview.graphql';
import { groupByMarket, overviewTotals, receiveOverviewRow, urgencyOf, waitingAge, type OverviewRow } from './queue-overview-model';

const PAGE_SIZE = 100;
const URGENCY_BACKGROUND = { breached: 'var(--mantine-color-red-0)', 'at-risk': 'var(--mantine-color-orange-0)', ok: undefined } as const;

/**
 * Reply queues at a glance: per market (brand-wide queues apart), each queue's conversations by
 * state, how many wait and since when, SLA at risk and breached; the most urgent first. Rows
 * follow queueCountsChanged in place (the cache merges them by queueId); ages tick every 30 s.
 */
export default function QueueOverviewPage() {
  const ability = useAbility();
  const allowed = ability.can('read', 'ReplyQueue');
  const brand = useCurrentBrand();
  const variables = useMemo(() => ({ brandId: brand.id, first: PAGE_SIZE }), [brand.id]);
  const overview = useQuery(QueueOverviewQuery, { variables, notifyOnNetworkStatusChange: true, skip: !allowed });
  const now = useNow(30_000);

  const { refetch } = overview;
  const status = useLiveStatus(useCallback(() => void refetch().catch(() => undefined), [refetch]));
  useSubscription(QueueCountsChangedSubscription, {
    skip: !allowed,
    onData: ({ client, data }) => {
      const row = data.data?.queueCountsChanged;
      if (!row) return;
      // A queue already listed was merged by the cache; one created since joins the list.
      client.cache.updateQuery({ query: QueueOverviewQuery, variables }, (current) => {
        if (!current) return current;
        const edges = receiveOverviewRow(current.queueOverview.edges, row);
        return edges === current.queueOverview.edges ? current : { ...current, queueOverview: { ...current.queueOverview, edges, totalCount: current.queueOverview.totalCount + 1 } };
      });
    },
  });

  const connection = overview.data?.queueOverview;
  const groups = useMemo(() => {
    const seen = new Set<string>();
    return groupByMarket((connection?.edges ?? []).map((edge) => edge.node).filter((row) => !seen.has(row.queueId) && seen.add(row.queueId)));
  }, [connection]);
  const totals = useMemo(() => overviewTotals(groups.flatMap((group) => group.rows)), [groups]);

  if (!allowed) return <Alert color="gray" title="Queue overview">Your roles do not let you read reply queues.</Alert>;

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={2}>Reply queues</Title>
          <Text c="dimmed">Queue overview</Text>
          <Button component={Link} to="/reply-queues" variant="subtle" size="xs">
            Conversations
          </Button>
          <Button component={Link} to="/reply-queues/queues" variant="subtle" size="xs">
            Queues
          </Button>
        </Group>
        <LiveBadge status={status} title="Counts change without reload while live" />
      </Group>
      {overview.error && !overview.data && <Alert color="red">{overview.error.message}</Alert>}
      {!overview.data && overview.loading ? (
        <ScreenLoader label="Loading queues…" />
      ) : groups.length === 0 ? (
        <Text c="dimmed" p="md">
          No queue you may read.
        </Text>
      ) : (
        <Paper withBorder radius="md" p="sm">
          <Text size="sm" c="dimmed" mb="xs" data-testid="overview-summary">
            {totals.queues} queues · {totals.waiting} waiting · {totals.breached} breached · {totals.atRisk} at risk
          </Text>
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Queue</Table.Th>
                <Table.Th ta="right">Open</Table.Th>
                <Table.Th ta="right">Assigned</Table.Th>
                <Table.Th ta="right">Waiting for customer</Table.Th>
                <Table.Th ta="right">Snoozed</Table.Th>
                <Table.Th ta="right">Escalated</Table.Th>
                <Table.Th ta="right">Waiting</Table.Th>
                <Table.Th>Oldest waiting</Table.Th>
                <Table.Th>SLA</Table.Th>
              </Table.Tr>
            </Table.Thead>
            {groups.map((group) => (
              // One body per market: its name heads its rows.
              <Table.Tbody key={group.marketPageId ?? 'brand'} data-testid="overview-group" data-market={group.label}>
                <Table.Tr bg="var(--mantine-color-gray-0)">
                  <Table.Td colSpan={9}>
                    <Text fw={700} size="sm">
                      {group.label}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {group.rows.map((row) => (
                  <OverviewRowView key={row.queueId} row={row} now={now} />
                ))}
              </Table.Tbody>
            ))}
          </Table>
        </Paper>
      )}
      <LoadMoreButton pageInfo={connection?.pageInfo} loading={overview.loading} fetchMore={overview.fetchMore} label="Load more queues" />
    </Stack>
  );
}

function OverviewRowView({ row, now }: { row: OverviewRow; now: number }) {
  const urgency = urgencyOf(row);
  const count = (name: string, value: number) => (
    <Table.Td ta="right" data-testid={`overview-${name}`}>
      {value}
    </Table.Td>
  );
  return (
    <Table.Tr data-testid="overview-row" data-queue-id={row.queueId} data-urgency={urgency} style={{ background: URGENCY_BACKGROUND[urgency] }}>
      <Table.Td fw={500} pl="lg">
        {row.queueName}
      </Table.Td>
      {count('open', row.counts.open)}
      {count('assigned', row.counts.assigned)}
      {count('waiting-customer', row.counts.waitingCustomer)}
      {count('snoozed', row.counts.snoozed)}
      {count('escalated', row.counts.escalated)}
      <Table.Td ta="right" fw={700} data-testid="overview-waiting">
        {row.waiting}
      </Table.Td>
      <Table.Td data-testid="overview-oldest">
        {row.oldestWaitingAt ? <time dateTime={row.oldestWaitingAt}>{waitingAge(row.oldestWaitingAt, now)}</time> : '—'}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          {row.slaBreached > 0 && (
            <Badge color="red" size="sm" data-testid="sla-breached">
              {row.slaBreached} breached
            </Badge>
          )}
          {row.slaAtRisk > 0 && (
            <Badge color="orange" size="sm" variant="light" data-testid="sla-at-risk">
              {row.slaAtRisk} at risk
            </Badge>
          )}
          {urgency === 'ok' && (
            <Text size="xs" c="dimmed">
              on time
            </Text>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
