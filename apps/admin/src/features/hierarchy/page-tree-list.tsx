import { Badge, Box, Group, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { TreeRow } from './page-tree-model';

const ROW_HEIGHT = 36;
const KIND_COLOR = { GLOBAL: 'grape', REGION: 'blue', MARKET: 'teal', SEGMENT: 'orange' } as const;

/** The tree as one virtualized list: only the rows in view are in the DOM, so thousands of pages scroll smoothly. */
export function PageTreeList({ rows, selectedId, onSelect }: { rows: TreeRow[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  // A page selected from elsewhere (the map, a link) is scrolled into view.
  useEffect(() => {
    if (!selectedId) return;
    const index = rows.findIndex((row) => row.page.id === selectedId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedId, rows, virtualizer]);

  if (rows.length === 0) {
    return (
      <Text c="dimmed" p="md">
        No page matches these filters.
      </Text>
    );
  }

  return (
    <Box ref={scrollRef} h="calc(100vh - 260px)" mih={300} style={{ overflowY: 'auto' }} role="tree" aria-label="Page tree">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const { page, depth, matches } = rows[item.index]!;
          const selected = page.id === selectedId;
          return (
            <UnstyledButton
              key={page.id}
              role="treeitem"
              aria-selected={selected}
              aria-level={depth + 1}
              data-testid="tree-row"
              data-page-id={page.id}
              onClick={() => onSelect(page.id)}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                height: ROW_HEIGHT,
                transform: `translateY(${item.start}px)`,
                paddingLeft: 8 + depth * 20,
                paddingRight: 8,
                background: selected ? 'var(--mantine-color-indigo-0)' : undefined,
                borderLeft: selected ? '3px solid var(--mantine-color-indigo-6)' : '3px solid transparent',
              }}
            >
              <Group gap="xs" wrap="nowrap">
                <Badge size="xs" variant="light" color={KIND_COLOR[page.kind]} w={70}>
                  {page.kind}
                </Badge>
                <Text size="sm" truncate fw={matches ? 500 : 400} c={matches ? undefined : 'dimmed'} td={page.status === 'ARCHIVED' ? 'line-through' : undefined}>
                  {page.name}
                </Text>
                {page.country && (
                  <Badge size="xs" variant="outline" color="gray">
                    {page.country}
                  </Badge>
                )}
                {page.segment && (
                  <Text size="xs" c="dimmed">
                    {page.segment}
                  </Text>
                )}
                {page.status === 'ARCHIVED' && (
                  <Badge size="xs" color="gray">
                    archived
                  </Badge>
                )}
              </Group>
            </UnstyledButton>
          );
        })}
      </div>
    </Box>
  );
}
