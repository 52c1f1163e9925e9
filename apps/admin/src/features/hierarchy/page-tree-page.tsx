import { Alert, Badge, Grid, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { PAGE_KINDS, type PageKind, type PageStatus } from '@pivot/domain';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ScreenLoader } from '../../shared/screen-loader';
import { PageDetailPanel } from './page-detail-panel';
import { PageFormModal, type PageFormTarget } from './page-form-modal';
import { buildTreeView, networksOf, type TreeFilters } from './page-tree-model';
import { PageTreeList } from './page-tree-list';
import { useBrandTree } from './use-brand-tree';

const LEVEL_LABELS: Record<PageKind, string> = { GLOBAL: 'Global', REGION: 'Regions', MARKET: 'Markets', SEGMENT: 'Segments' };

/** The brand's page tree with search and filters, the selected page's details and its forms. */
export default function PageTreePage() {
  const { data, loading, error } = useBrandTree();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debouncedSearch] = useDebouncedValue(search, 150);
  const [status, setStatus] = useState<PageStatus | 'ALL'>('ALL');
  const [kind, setKind] = useState<PageKind | 'ALL'>('ALL');
  const [form, setForm] = useState<PageFormTarget | null>(null);
  const selectedId = params.get('page');
  const brand = data?.brand;
  const selected = brand?.pages.find((page) => page.id === selectedId) ?? null;
  const [networkChoice, setNetworkChoice] = useState<string | null>(null);
  const network = selected?.network ?? networkChoice ?? brand?.defaultNetwork ?? 'facebook';

  const filters: TreeFilters = { network, status, kind, search: debouncedSearch };
  const view = useMemo(() => (brand ? buildTreeView(brand.pages, filters) : null), [brand, network, status, kind, debouncedSearch]); // eslint-disable-line react-hooks/exhaustive-deps

  function select(id: string) {
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      next.set('page', id);
      return next;
    });
  }

  if (!brand) return loading ? <ScreenLoader label="Loading the page tree…" /> : <Alert color="red">{error?.message ?? 'No brand'}</Alert>;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Pages</Title>
        <Group gap="xs" data-testid="level-counts">
          {PAGE_KINDS.map((level) => (
            <Badge key={level} variant="light" size="lg">
              {LEVEL_LABELS[level]}: {view?.counts[level] ?? 0}
            </Badge>
          ))}
        </Group>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder radius="md" p="sm">
            <Stack gap="xs">
              <TextInput
                placeholder="Search by name or country (FR, France)"
                aria-label="Search pages"
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
              />
              <Group grow gap="xs">
                <Select
                  aria-label="Network"
                  data={networksOf(brand.pages, brand.defaultNetwork)}
                  value={network}
                  onChange={(value) => {
                    setNetworkChoice(value);
                    if (selected && value !== selected.network) setParams({});
                  }}
                  allowDeselect={false}
                />
                <Select
                  aria-label="Status"
                  data={[
                    { value: 'ALL', label: 'Any status' },
                    { value: 'ACTIVE', label: 'Active' },
                    { value: 'ARCHIVED', label: 'Archived' },
                  ]}
                  value={status}
                  onChange={(value) => setStatus((value ?? 'ALL') as PageStatus | 'ALL')}
                  allowDeselect={false}
                />
                <Select
                  aria-label="Kind"
                  data={[{ value: 'ALL', label: 'Any kind' }, ...PAGE_KINDS.map((value) => ({ value, label: LEVEL_LABELS[value] }))]}
                  value={kind}
                  onChange={(value) => setKind((value ?? 'ALL') as PageKind | 'ALL')}
                  allowDeselect={false}
                />
              </Group>
              {loading && (
                <Text size="xs" c="dimmed">
                  Refreshing…
                </Text>
              )}
              <PageTreeList rows={view?.rows ?? []} selectedId={selectedId} onSelect={select} />
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          {selected ? (
            <PageDetailPanel page={selected} brand={brand} onOpenForm={setForm} onSelect={select} />
          ) : (
            <Paper withBorder p="md" radius="md">
              <Text c="dimmed">Select a page to see every field and what you can do with it.</Text>
            </Paper>
          )}
        </Grid.Col>
      </Grid>
      {form && (
        <PageFormModal
          key={form.mode === 'edit' ? form.page.id : `${form.kind}-${form.parent.id}`}
          target={form}
          brand={brand}
          onClose={() => setForm(null)}
          onSaved={(page) => {
            setForm(null);
            select(page.id);
          }}
        />
      )}
    </Stack>
  );
}
