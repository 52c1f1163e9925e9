import { Badge, Paper, SimpleGrid, Skeleton, Text, Tooltip } from '@mantine/core';
import { changeOf, formatFigure } from './insights-format';
import { KPIS, type KpiFigures } from './insights-model';

interface KpiCardsProps {
  totals: KpiFigures | null;
  previous: KpiFigures | null;
  /** "2 Oct – 31 Oct 2026", what the change is measured against. */
  previousLabel: string;
}

const CHANGE_COLOR = { true: 'teal', false: 'red', null: 'gray' } as const;

/** One card per headline figure, with its change against the previous period of the same length. */
export function KpiCards({ totals, previous, previousLabel }: KpiCardsProps) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" data-testid="kpi-cards">
      {KPIS.map((kpi) => {
        const value = totals?.[kpi.key];
        const change = totals && previous ? changeOf(kpi.kind, value, previous[kpi.key], kpi.better) : null;
        return (
          <Paper key={kpi.key} withBorder radius="md" p="sm" data-testid="kpi-card" data-kpi={kpi.key}>
            <Tooltip label={kpi.hint} withArrow>
              <Text size="xs" c="dimmed" tabIndex={0} style={{ width: 'fit-content' }}>
                {kpi.label}
              </Text>
            </Tooltip>
            {totals ? (
              <Text fw={700} size="xl" data-testid="kpi-value">
                {formatFigure(kpi.kind, value)}
              </Text>
            ) : (
              <Skeleton height={28} mt={4} width="70%" />
            )}
            {totals &&
              (change ? (
                <Badge
                  size="sm"
                  tt="none"
                  variant="light"
                  color={CHANGE_COLOR[String(change.good) as keyof typeof CHANGE_COLOR]}
                  aria-label={`${change.label} against ${previousLabel}${change.good === null ? '' : change.good ? ', better' : ', worse'}`}
                >
                  {change.direction === 'up' ? '▲' : change.direction === 'down' ? '▼' : '='} {change.label}
                </Badge>
              ) : (
                <Text size="xs" c="dimmed">
                  no figure for the previous period
                </Text>
              ))}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
