import { Badge, Group, List, Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import type { PageHealthQuery } from '../../gql/graphql';
import { HEALTH_KEY_LABELS, healthColor, healthReasonText } from './health-reasons';

type HealthRow = PageHealthQuery['pageHealth'][number];

/** Every active page under the scope, worst first (the API's order), with what to fix. */
export function HealthTable({ rows }: { rows: readonly HealthRow[] | null }) {
  return (
    <Paper withBorder radius="md" p="sm" data-testid="page-health">
      <Title order={3} size="h4" mb="xs">
        Page health
      </Title>
      {!rows ? (
        <Skeleton height={160} />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No active page under this scope: activate pages in Pages to score them.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Page</Table.Th>
                <Table.Th ta="right">Score</Table.Th>
                <Table.Th>Keys</Table.Th>
                <Table.Th>What to fix</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                // One code can fail two keys (no keywords: neither complete nor findable): say it once.
                const failing = [...new Map(row.reasons.filter((reason) => reason.status === 'FAIL').map((reason) => [reason.code, reason])).values()];
                const unknown = row.reasons.filter((reason) => reason.status === 'UNKNOWN');
                return (
                  <Table.Tr key={row.page.id} data-testid="health-row" data-score={row.score}>
                    <Table.Td fw={500}>{row.page.name}</Table.Td>
                    <Table.Td ta="right">
                      <Badge color={healthColor(row.score)} variant="filled">
                        {row.score}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {row.keys.map((key) => (
                          <Badge key={key.key} size="xs" variant="light" color={key.score === null ? 'gray' : healthColor(key.score)}>
                            {HEALTH_KEY_LABELS[key.key] ?? key.key} {key.score ?? '?'}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {failing.length === 0 ? (
                        <Text size="sm" c="teal.8">
                          Nothing failing.
                        </Text>
                      ) : (
                        <List size="sm" spacing={2}>
                          {failing.map((reason) => (
                            <List.Item key={reason.code} data-testid="health-reason">
                              {healthReasonText(reason.code)}
                            </List.Item>
                          ))}
                        </List>
                      )}
                      {unknown.length > 0 && (
                        <Text size="xs" c="dimmed" title={unknown.map((reason) => healthReasonText(reason.code)).join('\n')}>
                          {unknown.length} {unknown.length === 1 ? 'signal' : 'signals'} not known yet (not counted).
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
