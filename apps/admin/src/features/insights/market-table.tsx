import { Anchor, Badge, Paper, Skeleton, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { MarketComparisonQuery } from '../../gql/graphql';
import { healthColor } from './health-reasons';
import { formatFigure, type FigureKind } from './insights-format';
import { nextSort, sortRows, type SortDirection, type SortState } from './insights-model';

export type MarketRow = MarketComparisonQuery['marketComparison'][number];
type Column = 'name' | Exclude<keyof MarketRow, 'page' | '__typename'>;

const COLUMNS: readonly { key: Column; label: string; kind?: FigureKind; first: SortDirection }[] = [
  { key: 'name', label: 'Market', first: 'asc' },
  { key: 'followers', label: 'Followers', kind: 'count', first: 'desc' },
  { key: 'followerGrowth', label: 'Growth', kind: 'count', first: 'desc' },
  { key: 'conversationRate', label: 'Conversation rate', kind: 'rate', first: 'desc' },
  { key: 'responseRate', label: 'Response rate', kind: 'rate', first: 'desc' },
  { key: 'firstResponseP50Seconds', label: 'First response p50', kind: 'duration', first: 'asc' },
  { key: 'firstResponseP90Seconds', label: 'First response p90', kind: 'duration', first: 'asc' },
  { key: 'slaAttainment', label: 'SLA', kind: 'rate', first: 'desc' },
  { key: 'backlog', label: 'Backlog', kind: 'count', first: 'desc' },
  { key: 'healthScore', label: 'Health', first: 'asc' },
];

const valueOf = (row: MarketRow, column: Column) => (column === 'name' ? row.page.name : row[column]);

interface MarketTableProps {
  rows: readonly MarketRow[] | null;
  /** The scope being looked at: its own row (below a market) is not a drill-in. */
  scopeId: string;
  onOpen: (row: MarketRow) => void;
}

/** One row per market under the scope; any column sorts, a market's name drills into it. */
export function MarketTable({ rows, scopeId, onOpen }: MarketTableProps) {
  const [sort, setSort] = useState<SortState<Column>>({ column: 'name', direction: 'asc' });
  const sorted = useMemo(() => (rows ? sortRows(rows, sort, valueOf, (row) => row.page.name) : []), [rows, sort]);

  return (
    <Paper withBorder radius="md" p="sm" data-testid="market-comparison">
      <Title order={3} size="h4" mb="xs">
        Markets
      </Title>
      {!rows ? (
        <Skeleton height={160} />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No market page under this scope: add market pages in Pages, or pick a region or the global page as scope.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={960}>
          <Table highlightOnHover verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                {COLUMNS.map((column) => {
                  const active = sort.column === column.key;
                  return (
                    <Table.Th key={column.key} ta={column.key === 'name' ? 'left' : 'right'} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                      <UnstyledButton fw={700} fz="sm" onClick={() => setSort((current) => nextSort(current, column.key, column.first))}>
                        {column.label} {active ? (sort.direction === 'asc' ? '↑' : '↓') : ''}
                      </UnstyledButton>
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((row) => {
                const drillable = row.page.id !== scopeId;
                return (
                  <Table.Tr
                    key={row.page.id}
                    data-testid="market-row"
                    data-country={row.page.country ?? undefined}
                    style={{ cursor: drillable ? 'pointer' : undefined }}
                    onClick={() => drillable && onOpen(row)}
                  >
                    <Table.Td>
                      {drillable ? (
                        <Anchor component="button" type="button" fz="sm" fw={500} ta="left" onClick={(event) => (event.stopPropagation(), onOpen(row))}>
                          {row.page.name}
                        </Anchor>
                      ) : (
                        <Text fz="sm" fw={500}>
                          {row.page.name}
                        </Text>
                      )}
                    </Table.Td>
                    {COLUMNS.slice(1).map((column) => (
                      <Table.Td key={column.key} ta="right" data-column={column.key} style={{ whiteSpace: 'nowrap' }}>
                        {column.key === 'healthScore' ? (
                          <Badge size="sm" variant="light" color={healthColor(row.healthScore)}>
                            {row.healthScore}
                          </Badge>
                        ) : (
                          formatFigure(column.kind!, row[column.key as Exclude<Column, 'name' | 'healthScore'>])
                        )}
                      </Table.Td>
                    ))}
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
