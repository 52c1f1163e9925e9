import { Badge, List, Paper, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { countryName, indexPivotTree } from '@pivot/domain';
import { useMemo, useState } from 'react';
import type { BrandTreeQuery, PivotDemandQuery } from '../../gql/graphql';
import { coverageOf, pivotTreeOf } from '../coverage/coverage-states';
import { MapLegend, NO_CODE_COLOR, WorldMap, type CountryPaint } from '../coverage/world-map';
import { healthColor } from './health-reasons';
import { formatCount, formatRate } from './insights-format';
import { bucketOf, demandByCountry, demandLine } from './insights-model';
import type { MarketRow } from './market-table';

type Mode = 'conversationRate' | 'health' | 'demand';
type DemandRow = PivotDemandQuery['pivotDemand'][number];
type Brand = NonNullable<BrandTreeQuery['brand']>;

const SCALE = ['indigo.1', 'indigo.3', 'indigo.5', 'indigo.7', 'indigo.9'].map((color) => `var(--mantine-color-${color.replace('.', '-')})`);
const DEMAND_SCALE = ['orange.1', 'orange.3', 'orange.5', 'orange.7', 'orange.9'].map((color) => `var(--mantine-color-${color.replace('.', '-')})`);
const HEALTH_FILL = { red: 'var(--mantine-color-red-5)', orange: 'var(--mantine-color-orange-4)', teal: 'var(--mantine-color-teal-5)' };
const NO_DATA = 'var(--mantine-color-gray-2)';
const OUTCOME_FALLBACK: Record<DemandRow['outcome'], string> = { MARKET: 'its market page', ALIAS: 'another market', REGION: 'the region page', GLOBAL: 'the global page' };

interface InsightsMapProps {
  markets: readonly MarketRow[] | null;
  demand: readonly DemandRow[] | null;
  /** Why the markets or the demand could not be loaded, shown in place of the map. */
  failure: string | null;
  /** The tree, to name the page the pivot sends a country without a market page to. */
  brand: Brand | null;
  network: string;
  days: number;
}

/** The coverage map's world, coloured by a market figure or by the pivot's demand. */
export function InsightsMap({ markets, demand, failure, brand, network, days }: InsightsMapProps) {
  const [mode, setMode] = useState<Mode>('conversationRate');
  const byCountry = useMemo(() => new Map((markets ?? []).filter((row) => row.page.country).map((row) => [row.page.country!, row])), [markets]);
  const demandOf = useMemo(() => demandByCountry(demand ?? []), [demand]);

  // Who a country's visitors were sent to: its market page, else whatever the pivot answers from the tree.
  const sentTo = useMemo(() => {
    let index: ReturnType<typeof indexPivotTree> | null = null;
    try {
      index = brand ? indexPivotTree(pivotTreeOf(brand, network)) : null;
    } catch {
      index = null; // a tree the user only partly reads: fall back to the outcome's words
    }
    return (row: DemandRow) => row.page?.name ?? (index ? coverageOf(index, row.country, null).answer.name : OUTCOME_FALLBACK[row.outcome]);
  }, [brand, network]);

  const maxRate = Math.max(0, ...[...byCountry.values()].map((row) => row.conversationRate ?? 0));
  const maxVisitors = Math.max(0, ...[...demandOf.values()].map((row) => row.visitors));
  const withoutPage = useMemo(() => [...demandOf.values()].filter((row) => row.outcome !== 'MARKET').sort((a, b) => b.visitors - a.visitors).slice(0, 8), [demandOf]);

  function paint(country: string | null): CountryPaint {
    if (!country) return { fill: NO_CODE_COLOR };
    if (mode === 'demand') {
      const row = demandOf.get(country);
      return row ? { fill: DEMAND_SCALE[bucketOf(row.visitors, maxVisitors, DEMAND_SCALE.length)]!, data: { visitors: String(row.visitors), outcome: row.outcome } } : { fill: NO_DATA };
    }
    const row = byCountry.get(country);
    if (!row) return { fill: NO_DATA };
    if (mode === 'health') return { fill: HEALTH_FILL[healthColor(row.healthScore)], data: { health: String(row.healthScore) } };
    return row.conversationRate === null || row.conversationRate === undefined
      ? { fill: NO_DATA }
      : { fill: SCALE[bucketOf(row.conversationRate, maxRate, SCALE.length)]!, data: { rate: String(row.conversationRate) } };
  }

  function tooltip(shape: { country: string | null; name: string }) {
    const name = shape.country ? `${countryName(shape.country) ?? shape.name} (${shape.country})` : shape.name;
    if (mode === 'demand') {
      const row = shape.country ? demandOf.get(shape.country) : undefined;
      return <Text size="sm">{row ? demandLine(row.country, row.visitors, sentTo(row), days) : `${name}: no pivot visitors in this range`}</Text>;
    }
    const row = shape.country ? byCountry.get(shape.country) : undefined;
    if (!row) return <Text size="sm">{name}: no market page in this scope</Text>;
    return (
      <Stack gap={2}>
        <Text fw={600}>{row.page.name}</Text>
        <Text size="sm">Conversation rate {formatRate(row.conversationRate)}</Text>
        <Text size="sm">Health {row.healthScore} / 100</Text>
      </Stack>
    );
  }

  const legend =
    mode === 'demand'
      ? [
          { color: DEMAND_SCALE[0]!, label: 'Few visitors' },
          { color: DEMAND_SCALE[4]!, label: maxVisitors > 0 ? `${formatCount(maxVisitors)} visitors` : 'Most visitors' },
        ]
      : mode === 'health'
        ? [
            { color: HEALTH_FILL.red, label: 'Below 50' },
            { color: HEALTH_FILL.orange, label: '50–79' },
            { color: HEALTH_FILL.teal, label: '80 and more' },
          ]
        : [
            { color: SCALE[0]!, label: 'Low' },
            { color: SCALE[4]!, label: maxRate > 0 ? `${formatRate(maxRate)} conversation rate` : 'Highest' },
          ];

  const loading = mode === 'demand' ? !demand : !markets;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="insights-map">
      <Stack gap="xs">
        <Title order={3} size="h4">
          Map
        </Title>
        <SegmentedControl
          aria-label="Colour the map by"
          size="xs"
          value={mode}
          onChange={(value) => setMode(value as Mode)}
          data={[
            { value: 'conversationRate', label: 'Conversation rate' },
            { value: 'health', label: 'Health' },
            { value: 'demand', label: 'Pivot demand' },
          ]}
        />
        <MapLegend entries={[...legend, { color: NO_DATA, label: 'No data' }]} testId="insights-map-legend" />
        {loading && failure ? (
          <Text size="sm" c="red" role="alert">
            The map could not be coloured: {failure}
          </Text>
        ) : loading ? <Skeleton height={240} /> : <WorldMap label={`World map of ${mode === 'demand' ? 'pivot demand' : mode === 'health' ? 'page health' : 'conversation rate'}`} paint={paint} tooltip={tooltip} />}
        {mode === 'demand' && demand && (
          <div data-testid="demand-without-page">
            <Text size="sm" fw={600}>
              Demand where there is no market page
            </Text>
            {withoutPage.length === 0 ? (
              <Text size="sm" c="dimmed">
                Every visitor in this range reached a market page of their own country.
              </Text>
            ) : (
              <List size="sm">
                {withoutPage.map((row) => (
                  <List.Item key={row.country}>
                    {demandLine(row.country, row.visitors, sentTo(row), days)}{' '}
                    <Badge size="xs" variant="light" color="gray">
                      {row.outcome.toLowerCase()}
                    </Badge>
                  </List.Item>
                ))}
              </List>
            )}
          </div>
        )}
      </Stack>
    </Paper>
  );
}
