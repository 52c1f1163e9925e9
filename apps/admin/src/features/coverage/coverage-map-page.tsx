import { Alert, Badge, Group, Select, Stack, Text, Title } from '@mantine/core';
import { countryName, indexPivotTree, PivotTreeError } from '@pivot/domain';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { ScreenLoader } from '../../shared/screen-loader';
import { networksOf } from '../hierarchy/page-tree-model';
import { useBrandTree } from '../hierarchy/use-brand-tree';
import { countByState, COVERAGE_LABELS, COVERAGE_STATES, coverageOfCountries, pivotTreeOf, type CountryCoverage, type CoverageState } from './coverage-states';
import { MapLegend, NO_CODE_COLOR, WorldMap } from './world-map';
import { countryShapes } from './world-geometry';

export const STATE_COLORS: Record<CoverageState, string> = {
  MARKET: 'var(--mantine-color-teal-6)',
  ALIAS: 'var(--mantine-color-violet-5)',
  REGION: 'var(--mantine-color-blue-2)',
  GLOBAL: 'var(--mantine-color-gray-3)',
};

/**
 * Every country coloured by how the pivot reaches it for the chosen segment, computed in the
 * browser with the domain's resolvePivot over the tree GraphQL loaded: the server's rules.
 */
export default function CoverageMapPage() {
  const { data, loading, error } = useBrandTree();
  const navigate = useNavigate();
  const [segment, setSegment] = useState<string | null>(null);
  const [networkChoice, setNetwork] = useState<string | null>(null);
  const brand = data?.brand;
  const network = networkChoice ?? brand?.defaultNetwork ?? 'facebook';
  const shapes = useMemo(() => countryShapes(), []);

  const computed = useMemo(() => {
    if (!brand) return null;
    try {
      const index = indexPivotTree(pivotTreeOf(brand, network));
      const countries = shapes.flatMap((shape) => (shape.country ? [shape.country] : []));
      const coverage = coverageOfCountries(index, countries, segment);
      return { coverage, counts: countByState(coverage.values()), problem: null };
    } catch (failure) {
      if (failure instanceof PivotTreeError) return { coverage: new Map<string, CountryCoverage>(), counts: null, problem: failure.message };
      throw failure;
    }
  }, [brand, network, segment, shapes]);

  if (!brand || !computed) return loading ? <ScreenLoader label="Loading the page tree…" /> : <Alert color="red">{error?.message ?? 'No brand'}</Alert>;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Coverage map</Title>
        <Group gap="xs">
          <Select
            aria-label="Segment"
            placeholder="No segment"
            clearable
            data={brand.audiences}
            value={segment}
            onChange={setSegment}
            w={180}
          />
          <Select aria-label="Network" data={networksOf(brand.pages, brand.defaultNetwork)} value={network} onChange={setNetwork} allowDeselect={false} w={160} />
        </Group>
      </Group>
      {computed.problem && <Alert color="yellow">{computed.problem}</Alert>}
      <MapLegend
        testId="coverage-legend"
        entries={COVERAGE_STATES.map((state) => ({ color: STATE_COLORS[state], label: `${COVERAGE_LABELS[state]}: ${computed.counts?.[state] ?? 0}` }))}
      />
      <WorldMap
        label="World coverage map"
        paint={(country) => {
          const coverage = country ? computed.coverage.get(country) : undefined;
          return coverage ? { fill: STATE_COLORS[coverage.state], data: { state: coverage.state }, clickable: true } : { fill: NO_CODE_COLOR };
        }}
        onSelect={(country) => {
          const coverage = computed.coverage.get(country);
          if (coverage) navigate(`/pages?page=${coverage.answer.id}`);
        }}
        tooltip={(shape) => {
          const coverage = shape.country ? computed.coverage.get(shape.country) : undefined;
          return coverage ? (
            <Stack gap={2}>
              <Text fw={600}>
                {countryName(coverage.country) ?? shape.name} ({coverage.country})
              </Text>
              <Badge size="sm" variant="light" color="gray">
                {COVERAGE_LABELS[coverage.state]}
              </Badge>
              <Text size="sm">
                Answered by <b>{coverage.answer.name}</b>
              </Text>
              {coverage.trail.map((line, i) => (
                <Text key={i} size="xs" c="dimmed">
                  {line}
                </Text>
              ))}
            </Stack>
          ) : (
            <Text size="sm">{shape.name}: no ISO country code</Text>
          );
        }}
      />
      <Text size="xs" c="dimmed">
        Click a country to open the page that would answer it in the tree.
      </Text>
    </Stack>
  );
}
