import { Box, Group, Paper, Text } from '@mantine/core';
import { useMemo, useState, type MouseEvent, type ReactNode } from 'react';
import { countryShapes, MAP_HEIGHT, MAP_WIDTH, type CountryShape } from './world-geometry';

/** Shapes without an ISO code, and countries a mode has nothing for. */
export const NO_CODE_COLOR = 'var(--mantine-color-gray-1)';

/** How one country is drawn: its fill, data attributes tests and tools read, whether it is clickable. */
export interface CountryPaint {
  fill: string;
  data?: Record<string, string | undefined>;
  clickable?: boolean;
}

export interface MapLegendEntry {
  color: string;
  label: ReactNode;
}

interface WorldMapProps {
  /** The map's accessible name. */
  label: string;
  paint: (country: string | null) => CountryPaint;
  /** What the tooltip says about the hovered shape. */
  tooltip: (shape: CountryShape) => ReactNode;
  onSelect?: (country: string) => void;
}

interface Hover {
  shape: CountryShape;
  x: number;
  y: number;
  /** The map's rendered width, to keep the tooltip inside it. */
  width: number;
}

/**
 * The world, one path per country, coloured by the caller: the coverage map paints how the
 * pivot reaches each country, Insights paints a metric or the pivot demand. One map, many modes.
 */
export function WorldMap({ label, paint, tooltip, onSelect }: WorldMapProps) {
  const shapes = useMemo(() => countryShapes(), []);
  const [hover, setHover] = useState<Hover | null>(null);

  function track(event: MouseEvent, shape: CountryShape) {
    const box = (event.currentTarget as SVGElement).ownerSVGElement!.getBoundingClientRect();
    setHover({ shape, x: event.clientX - box.left, y: event.clientY - box.top, width: box.width });
  }

  return (
    <Paper withBorder radius="md" p="xs" pos="relative">
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} width="100%" role="img" aria-label={label} onMouseLeave={() => setHover(null)}>
        {shapes.map((shape, i) => {
          const painted = paint(shape.country);
          const dataAttributes = Object.fromEntries(Object.entries(painted.data ?? {}).map(([key, value]) => [`data-${key}`, value]));
          return (
            <path
              key={`${shape.country ?? shape.name}-${i}`}
              d={shape.path}
              data-country={shape.country ?? undefined}
              {...dataAttributes}
              fill={painted.fill}
              stroke="white"
              strokeWidth={0.5}
              style={{ cursor: painted.clickable ? 'pointer' : 'default' }}
              onMouseMove={(event) => track(event, shape)}
              onClick={() => painted.clickable && shape.country && onSelect?.(shape.country)}
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
          {tooltip(hover.shape)}
        </Paper>
      )}
    </Paper>
  );
}

export function MapLegend({ entries, testId }: { entries: readonly MapLegendEntry[]; testId?: string }) {
  return (
    <Group gap="md" data-testid={testId}>
      {entries.map((entry, i) => (
        <Group key={i} gap={6}>
          <Box w={14} h={14} style={{ background: entry.color, borderRadius: 3 }} />
          <Text size="sm">{entry.label}</Text>
        </Group>
      ))}
    </Group>
  );
}
