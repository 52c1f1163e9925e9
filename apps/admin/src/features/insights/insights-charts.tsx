import { LineChart } from '@mantine/charts';
import { Paper, SimpleGrid, Skeleton, Text, Title } from '@mantine/core';
import { formatCount, formatDuration, formatPercentNumber } from './insights-format';
import { hasPoints, type ChartPoint } from './insights-model';

interface ChartCardProps {
  title: string;
  points: readonly ChartPoint[] | null;
  keys: readonly (keyof Omit<ChartPoint, 'label'>)[];
  children: React.ReactNode;
  empty: string;
}

function ChartCard({ title, points, keys, children, empty }: ChartCardProps) {
  return (
    <Paper withBorder radius="md" p="sm" component="figure" m={0} aria-label={title} data-testid="insights-chart">
      <Title order={4} size="sm" mb="xs">
        {title}
      </Title>
      {!points ? (
        <Skeleton height={200} />
      ) : hasPoints(points, keys) ? (
        children
      ) : (
        <Text size="sm" c="dimmed" h={200} data-testid="chart-empty">
          {empty}
        </Text>
      )}
    </Paper>
  );
}

/** Followers, conversation rate and first response p50/p90 over the range, one point per bucket. */
export function InsightsCharts({ points }: { points: ChartPoint[] | null }) {
  // What the three charts share: one point per bucket, gaps bridged, no dots, readable by a screen reader.
  const line = { h: 200, data: points ?? [], dataKey: 'label', connectNulls: true, withDots: false, accessibilityLayer: true };
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
      <ChartCard title="Followers" points={points} keys={['followers']} empty="No follower figures in this range yet: the network metrics arrive daily.">
        <LineChart
          {...line}
          series={[{ name: 'followers', label: 'Followers', color: 'teal.6' }]}
          valueFormatter={(value) => formatCount(value)}
          yAxisProps={{ width: 60, domain: ['auto', 'auto'] }}
        />
      </ChartCard>
      <ChartCard title="Conversation rate (%)" points={points} keys={['conversationRate']} empty="Nobody wrote to these pages in this range, or they have no followers yet.">
        <LineChart
          {...line}
          series={[{ name: 'conversationRate', label: 'Conversation rate', color: 'indigo.6' }]}
          valueFormatter={(value) => `${formatPercentNumber(value)} %`}
          yAxisProps={{ width: 72, tickFormatter: (value: number) => formatPercentNumber(value) }}
        />
      </ChartCard>
      <ChartCard title="First response time" points={points} keys={['firstResponseP50', 'firstResponseP90']} empty="No conversation was answered in this range.">
        <LineChart
          {...line}
          series={[
            { name: 'firstResponseP50', label: 'p50', color: 'blue.6' },
            { name: 'firstResponseP90', label: 'p90', color: 'orange.6' },
          ]}
          valueFormatter={(value) => formatDuration(value)}
          yAxisProps={{ width: 64, tickFormatter: (value: number) => formatDuration(value).replace('.0 ', ' ') }}
          withLegend
        />
      </ChartCard>
    </SimpleGrid>
  );
}
