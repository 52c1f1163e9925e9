import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Modal, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { asSubject, type PivotAbility } from '@pivot/domain';
import { useMemo, useState } from 'react';
import { useCurrentBrand } from '../../app/brand-context';
import type { PublishingFreezeFieldsFragment } from '../../gql/graphql';
import { apiErrorsOf } from '../../shared/api-field-errors';
import { ScreenLoader } from '../../shared/screen-loader';
import { useBrandTree } from '../hierarchy/use-brand-tree';
import { visibleFreezes } from './calendar-model';
import { PublishingFreezesQuery, SetPublishingFreezeMutation } from './publishing-freeze.graphql';

/** The freeze switch is the brand's governors' (`setPublishingFreeze` authorizes `update` on the Brand). */
export function mayFreeze(ability: PivotAbility, brandId: string): boolean {
  return ability.can('update', asSubject('Brand', { id: brandId }));
}

/** The brand's freezes the user should know about, with the names of the frozen markets. */
function useVisibleFreezes() {
  const brand = useCurrentBrand();
  const tree = useBrandTree();
  const { data } = useQuery(PublishingFreezesQuery, { variables: { brandId: brand.id } });
  return useMemo(() => {
    const pages = tree.data?.brand.pages ?? [];
    const names = new Map(pages.map((page) => [page.id, page.name]));
    const freezes = visibleFreezes(data?.publishingFreezes ?? [], new Set(names.keys()));
    return { loaded: !!data && !!tree.data, freezes, nameOf: (id: string) => names.get(id) ?? 'a market', pages };
  }, [data, tree.data]);
}

/** Shown over every Content screen while a freeze holds something the user sees. */
export function FreezeBanner() {
  const { freezes, nameOf } = useVisibleFreezes();
  if (freezes.length === 0) return null;
  const brandWide = freezes.some((freeze) => !freeze.marketPageId);
  const markets = freezes.filter((freeze) => freeze.marketPageId).map((freeze) => nameOf(freeze.marketPageId!));
  return (
    <Alert color="orange" title="Publishing is frozen" data-testid="freeze-banner">
      {brandWide ? 'Nothing goes out for the whole brand' : `Nothing goes out for ${markets.join(', ')}`} until the brand team lifts the freeze; due posts wait and show as held.
    </Alert>
  );
}

type Pending = { marketPageId: string | null; label: string };

/** `content/freeze`: the brand-wide switch and one per market, each freeze confirmed first. */
export function FreezeSwitchScreen() {
  const brand = useCurrentBrand();
  const { loaded, freezes, nameOf, pages } = useVisibleFreezes();
  const [setFreeze, setting] = useMutation(SetPublishingFreezeMutation, {
    // The answer is the list now in force: it replaces the cached query's.
    update(cache, { data }) {
      if (data) cache.writeQuery({ query: PublishingFreezesQuery, variables: { brandId: brand.id }, data: { publishingFreezes: data.setPublishingFreeze } });
    },
  });
  const [market, setMarket] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!loaded) return <ScreenLoader label="Loading the freezes…" />;

  const brandFreeze = freezes.find((freeze) => !freeze.marketPageId) ?? null;
  const marketFreezes = freezes.filter((freeze) => freeze.marketPageId);
  const frozenIds = new Set(marketFreezes.map((freeze) => freeze.marketPageId));
  const markets = pages.filter((page) => page.kind === 'MARKET' && page.status === 'ACTIVE' && !frozenIds.has(page.id));

  async function apply(marketPageId: string | null, frozen: boolean) {
    setError(null);
    try {
      await setFreeze({ variables: { brandId: brand.id, frozen, marketPageId, reason: frozen ? reason.trim() || null : null } });
      if (frozen) {
        setReason('');
        setMarket(null);
      }
    } catch (failure) {
      const { fields, general } = apiErrorsOf(failure);
      setError(general ?? Object.values(fields).flat().join(' '));
    }
  }

  return (
    <Stack maw={720}>
      <Title order={3}>Publishing freeze</Title>
      <Text size="sm" c="dimmed">
        While frozen, nothing goes out: posts that fall due wait, shown as held, and go out once the freeze is lifted.
      </Text>
      {error && (
        <Alert color="red" data-testid="freeze-error">
          {error}
        </Alert>
      )}
      <TextInput label="Reason (optional)" placeholder="e.g. national mourning" value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={420} />
      <Paper withBorder radius="md" p="sm" data-testid="freeze-brand">
        <Group justify="space-between">
          <Stack gap={2}>
            <Text fw={500}>{brand.name}, brand-wide</Text>
            {brandFreeze && <FreezeLine freeze={brandFreeze} />}
          </Stack>
          {brandFreeze ? (
            <Button variant="default" loading={setting.loading} onClick={() => void apply(null, false)}>
              Unfreeze the brand
            </Button>
          ) : (
            <Button color="orange" onClick={() => setConfirming({ marketPageId: null, label: `the whole of ${brand.name}` })}>
              Freeze the brand
            </Button>
          )}
        </Group>
      </Paper>
      <Paper withBorder radius="md" p="sm">
        <Stack gap="xs">
          <Title order={5}>Markets</Title>
          <Group align="flex-end">
            <Select label="Market" placeholder="Pick a market" data={markets.map((page) => ({ value: page.id, label: `${page.name} · ${page.network}` }))} value={market} onChange={setMarket} searchable w={360} />
            <Button color="orange" disabled={!market} onClick={() => market && setConfirming({ marketPageId: market, label: nameOf(market) })}>
              Freeze market
            </Button>
          </Group>
          {marketFreezes.length === 0 && (
            <Text size="sm" c="dimmed">
              No market is frozen.
            </Text>
          )}
          {marketFreezes.map((freeze) => (
            <Group key={freeze.id} justify="space-between" data-testid="market-freeze" data-market-id={freeze.marketPageId}>
              <Stack gap={2}>
                <Text size="sm" fw={500}>
                  {nameOf(freeze.marketPageId!)}
                </Text>
                <FreezeLine freeze={freeze} />
              </Stack>
              <Button size="xs" variant="default" loading={setting.loading} onClick={() => void apply(freeze.marketPageId!, false)}>
                Unfreeze {nameOf(freeze.marketPageId!)}
              </Button>
            </Group>
          ))}
        </Stack>
      </Paper>
      <Modal opened={!!confirming} onClose={() => setConfirming(null)} title="Freeze publishing?">
        <Stack>
          <Text size="sm">Nothing will go out for {confirming?.label} until the freeze is lifted. Posts that fall due meanwhile wait.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              Cancel
            </Button>
            <Button
              color="orange"
              loading={setting.loading}
              onClick={() => {
                const pending = confirming!;
                setConfirming(null);
                void apply(pending.marketPageId, true);
              }}
            >
              Freeze
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function FreezeLine({ freeze }: { freeze: PublishingFreezeFieldsFragment }) {
  return (
    <Group gap={6}>
      <Badge color="orange" variant="light">
        frozen
      </Badge>
      <Text size="xs" c="dimmed">
        since <time dateTime={freeze.createdAt}>{new Date(freeze.createdAt).toLocaleString()}</time>
        {freeze.reason && ` · ${freeze.reason}`}
      </Text>
    </Group>
  );
}
