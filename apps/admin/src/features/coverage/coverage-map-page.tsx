import { Alert, Badge, Box, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { countryName, indexPivotTree, PivotTreeError } from '@pivot/domain';
import { useMemo, useState, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { ScreenLoader } from '../../shared/screen-loader';
import { networksOf } from '../hierarchy/page-tree-model';
import { useBrandTree } from '../hierarchy/use-brand-tree';
import { countByState, COVERAGE_LABELS, COVERAGE_STATES, coverageOfCountries, pivotTreeOf, type CountryCoverage, type CoverageState } from './coverage-states';
import { countryShapes, MAP_HEIGHT, MAP_WIDTH } from './world-geometry';

export const STATE_COLORS: Record<CoverageState, string> = {
  MARKET: 'var(--mantine-color-teal-6)',
  ALIAS: 'var(--mantine-color-violet-5)',
  REGION: 'var(--mantine-color-blue-2)',
  GLOBAL: 'var(--mantine-color-gray-3)',
};
const NO_CODE_COLOR = 'var(--mantine-color-gray-1)';

interface Hover {
  coverage: CountryCoverage | null;
  name: string;
  x: number;
  y: number;
  /** The map's rendered width, to keep the tooltip inside it. */
  width: number;
}

/**
 * Every country coloured by how the pivot reaches it for the chosen segment, computed in the
 * browser with the domain's resolvePivot over the tree GraphQL loaded: the server's rules.
 */
export default function CoverageMapPage() {
  const { data, loading, error } = useBrandTree();
  const navigate = useNavigate();
  const [segment, setSegment] = useState<string | null>(null);
  const [networkChoice, setNetwork] = useState<string | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
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

  function track(event: MouseEvent, coverage: CountryCoverage | null, name: string) {
    const box = (event.currentTarget as SVGElement).ownerSVGElement!.getBoundingClientRect();
    setHover({ coverage, name, x: event.clientX - box.left, y: event.clientY - box.top, width: box.width });
  }

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
      <Group gap="md" data-testid="coverage-legend">
        {COVERAGE_STATES.map((state) => (
          <Group key={state} gap={6}>
            <Box w={14} h={14} style={{ background: STATE_COLORS[state], borderRadius: 3 }} />
            <Text size="sm">
              {COVERAGE_LABELS[state]}: {computed.counts?.[state] ?? 0}
            </Text>
          </Group>
        ))}
      </Group>
      <Paper withBorder radius="md" p="xs" pos="relative">
        <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} width="100%" role="img" aria-label="World coverage map" onMouseLeave={() => setHover(null)}>
          {shapes.map((shape, i) => {
            const coverage = shape.country ? (computed.coverage.get(shape.country) ?? null) : null;
            return (
              <path
                key={`${shape.country ?? shape.name}-${i}`}
                d={shape.path}
                data-country={shape.country ?? undefined}
                data-state={coverage?.state}
                fill={coverage ? STATE_COLORS[coverage.state] : NO_CODE_COLOR}
                stroke="white"
                strokeWidth={0.5}
                style={{ cursor: coverage ? 'pointer' : 'default' }}
                onMouseMove={(event) => track(event, coverage, shape.name)}
                onClick={() => coverage && navigate(`/pages?page=${coverage.answer.id}`)}
              />
            );
          })}
        </svg>
        {hover && (
          <Paper
            withBorder
            shadow="md"
            p="xs"
            data-testid="map-tooltip"
            style={{ position: 'absolute', left: Math.max(0, Math.min(hover.x + 16, hover.width - 340)), top: hover.y + 16, pointerEvents: 'none', maxWidth: 340 }}
          >
            {hover.coverage ? (
              <Stack gap={2}>
                <Text fw={600}>
                  {countryName(hover.coverage.country) ?? hover.name} ({hover.coverage.country})
                </Text>
                <Badge size="sm" variant="light" color="gray">
                  {COVERAGE_LABELS[hover.coverage.state]}
                </Badge>
                <Text size="sm">
                  Answered by <b>{hover.coverage.answer.name}</b>
                </Text>
                {hover.coverage.trail.map((line, i) => (
                  <Text key={i} size="xs" c="dimmed">
                    {line}
                  </Text>
                ))}
              </Stack>
            ) : (
              <Text size="sm">{hover.name}: no ISO country code</Text>
            )}
          </Paper>
        )}
      </Paper>
      <Text size="xs" c="dimmed">
        Click a country to open the page that would answer it in the tree.
      </Text>
    </Stack>
  );
}
