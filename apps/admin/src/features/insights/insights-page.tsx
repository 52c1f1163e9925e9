import '@mantine/charts/styles.css';
import { useQuery } from '@apollo/client/react';
import { Alert, Grid, Group, Select, Stack, Text, Title } from '@mantine/core';
import { asSubject } from '@pivot/domain';
import { useMemo } from 'react';
import { useAbility } from '../../app/ability';
import { ScreenLoader } from '../../shared/screen-loader';
import { useBrandTree } from '../hierarchy/use-brand-tree';
import { CsvButtons } from './csv-buttons';
import { FunnelView } from './funnel-view';
import { HealthTable } from './health-table';
import { InsightsCharts } from './insights-charts';
import { InsightsQuery } from './insights.graphql';
import { InsightsMap } from './insights-map';
import { chartPoints } from './insights-model';
import { daysIn, formatRange } from './insights-range';
import { KpiCards } from './kpi-cards';
import { MarketComparisonQuery } from './market-comparison.graphql';
import { MarketTable } from './market-table';
import { PageHealthQuery } from './page-health.graphql';
import { PivotDemandQuery } from './pivot-demand.graphql';
import { RangePicker } from './range-picker';
import { scopeOptions } from './scope-options';
import { SectionError } from './section-error';
import { useInsightsParams } from './use-insights-params';

/**
 * Insights (DESIGN §7): do the pages of a scope converse, and are they answered well? KPIs
 * against the previous period, charts, the funnel, markets side by side, the map, page health.
 * Lazy-loaded: the charts (recharts) are the heaviest code of the admin.
 */
export default function InsightsPage() {
  const ability = useAbility();
  const tree = useBrandTree();
  const params = useInsightsParams();
  const brand = tree.data?.brand ?? null;

  const options = useMemo(() => {
    if (!brand) return [];
    const networks = new Set(brand.pages.map((page) => page.network));
    return scopeOptions(brand.pages, (page) => ability.can('read', asSubject('Metrics', { brandId: page.brandId, scopeIds: page.scopeIds })), networks.size > 1);
  }, [brand, ability]);
  const depthOf = useMemo(() => new Map(options.map((option) => [option.value, option.depth])), [options]);
  const scopeId = options.find((option) => option.value === params.scopeId)?.value ?? options[0]?.value ?? null;
  const scopePage = brand?.pages.find((page) => page.id === scopeId) ?? null;

  const range = { ...params.range, granularity: params.granularity };
  const variables = { scopePageId: scopeId ?? '', range };
  const skip = !scopeId;
  const insights = useQuery(InsightsQuery, { variables, skip });
  const markets = useQuery(MarketComparisonQuery, { variables, skip });
  const health = useQuery(PageHealthQuery, { variables, skip });
  const demand = useQuery(PivotDemandQuery, { variables: { brandId: brand?.id, range }, skip });

  // Keep showing figures of the same question only: a changed scope or range shows skeletons.
  const current = insights.data?.insights;
  const fresh = current && current.scopePage.id === scopeId && current.from === params.range.from && current.to === params.range.to ? current : null;
  const points = useMemo(() => (fresh ? chartPoints(fresh.series, fresh.granularity) : null), [fresh]);

  if (!brand) return tree.loading ? <ScreenLoader label="Loading your pages…" /> : <Alert color="red">{tree.error?.message ?? 'No brand'}</Alert>;
  if (!scopeId || !scopePage) {
    return (
      <Stack>
        <Title order={2}>Insights</Title>
        <Alert color="gray" title="No page to look at">
          Your roles do not let you read the metrics of any page. Ask a brand admin for an analyst role on the market you follow.
        </Alert>
      </Stack>
    );
  }

  const days = daysIn(params.range);
  const figuresFailed = !!insights.error && !fresh;
  const previousLabel = fresh ? formatRange({ from: fresh.previousFrom, to: fresh.previousTo }) : 'the previous period';

  return (
    <Stack>
      <Title order={2}>Insights</Title>
      <Group align="flex-start" wrap="wrap" gap="md">
        <Select
          label="Scope"
          searchable
          allowDeselect={false}
          data={options.map(({ value, label }) => ({ value, label }))}
          renderOption={({ option }) => <span style={{ paddingLeft: (depthOf.get(option.value) ?? 0) * 14 }}>{option.label}</span>}
          value={scopeId}
          onChange={(value) => value && params.setScope(value)}
          w={{ base: '100%', sm: 320 }}
          comboboxProps={{ width: 'target' }}
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            Date range
          </Text>
          <RangePicker key={`${params.preset}-${params.range.from}-${params.range.to}`} preset={params.preset} range={params.range} onPreset={params.setPreset} onCustom={params.setCustom} />
        </div>
        {/* Below the title, not in the top corner, where the "download ready" notice would cover it. */}
        <div>
          <Text size="sm" fw={500} mb={4}>
            Download
          </Text>
          <CsvButtons scopePageId={scopeId} range={params.range} granularity={params.granularity} />
        </div>
      </Group>
      <Text size="sm" c="dimmed" role="status" data-testid="insights-status">
        {scopePage.name} · {formatRange(params.range)} ({days} {days === 1 ? 'day' : 'days'}), compared with {previousLabel}
        {!fresh && ' · loading…'}
      </Text>
      {params.scopeId && params.scopeId !== scopeId && (
        <Alert color="yellow" data-testid="scope-fallback">
          The scope in this link is not a page whose metrics you may read: showing {scopePage.name} instead.
        </Alert>
      )}
      {figuresFailed ? (
        <SectionError title="The figures could not be loaded" message={insights.error?.message ?? ''} onRetry={() => void insights.refetch().catch(() => undefined)} />
      ) : (
        <>
          <KpiCards totals={fresh?.totals ?? null} previous={fresh?.previous ?? null} previousLabel={previousLabel} />
          <InsightsCharts points={points} />
        </>
      )}
      <Grid gap="sm">
        {!figuresFailed && (
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <FunnelView funnel={fresh?.funnel ?? null} />
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, lg: figuresFailed ? 12 : 8 }}>
          <InsightsMap
            markets={markets.data?.marketComparison ?? null}
            demand={demand.data?.pivotDemand ?? null}
            failure={(markets.error && !markets.data ? markets.error.message : null) ?? (demand.error && !demand.data ? demand.error.message : null)}
            brand={brand}
            network={scopePage.network}
            days={days}
          />
        </Grid.Col>
      </Grid>
      {markets.error && !markets.data ? (
        <SectionError title="The markets could not be loaded" message={markets.error.message} onRetry={() => void markets.refetch().catch(() => undefined)} />
      ) : (
        <MarketTable rows={markets.data?.marketComparison ?? null} scopeId={scopeId} onOpen={(row) => params.setScope(row.page.id)} />
      )}
      {health.error && !health.data ? (
        <SectionError title="Page health could not be loaded" message={health.error.message} onRetry={() => void health.refetch().catch(() => undefined)} />
      ) : (
        <HealthTable rows={health.data?.pageHealth ?? null} />
      )}
    </Stack>
  );
}
