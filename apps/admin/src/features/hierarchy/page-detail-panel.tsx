import { useMutation } from '@apollo/client/react';
import { Anchor, Badge, Button, Divider, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { countryName } from '@pivot/domain';
import { useMemo, type ReactNode } from 'react';
import { useAbility } from '../../app/ability';
import { ArchivePageMutation, RestorePageMutation } from './archive-page.graphql';
import { BrandTreeQuery } from './brand-tree.graphql';
import { MarketAliases } from './market-aliases';
import type { PageFormTarget } from './page-form-modal';
import { pagePermissions } from './page-permissions';
import type { BrandPage } from './page-tree-model';

interface Props {
  page: BrandPage;
  brand: { id: string; pages: readonly BrandPage[]; aliases: readonly { id: string; country: string; network: string; marketPageId: string }[] };
  onOpenForm: (target: PageFormTarget) => void;
  onSelect: (id: string) => void;
}

const none = (
  <Text span c="dimmed" size="sm">
    —
  </Text>
);
const list = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : none);
const text = (value: string | null) => (value ? value : none);

/** Every field of one page, and what can be done to it. */
export function PageDetailPanel({ page, brand, onOpenForm, onSelect }: Props) {
  const refetch = { refetchQueries: [BrandTreeQuery], awaitRefetchQueries: true };
  const [archive, archiving] = useMutation(ArchivePageMutation, refetch);
  const [restore, restoring] = useMutation(RestorePageMutation, refetch);
  const parent = page.parentId ? brand.pages.find((candidate) => candidate.id === page.parentId) : undefined;
  const children = brand.pages.filter((candidate) => candidate.parentId === page.id);
  const archived = page.status === 'ARCHIVED';
  // Only what the user's role allows on this page is offered: the API would refuse the rest.
  const ability = useAbility();
  const can = useMemo(() => pagePermissions(ability, page), [ability, page]);

  async function toggleArchive() {
    try {
      if (archived) await restore({ variables: { id: page.id } });
      else await archive({ variables: { id: page.id } });
      notifications.show({ color: 'green', message: `${page.name} ${archived ? 'restored' : 'archived'}` });
    } catch {
      // The global error toast has said why.
    }
  }

  const rows: [string, ReactNode][] = [
    ['Kind', page.kind],
    ['Status', <Badge key="s" color={archived ? 'gray' : 'green'} variant="light">{page.status}</Badge>],
    ['Network', page.network],
    ['Parent', parent ? <Anchor key="p" component="button" size="sm" onClick={() => onSelect(parent.id)}>{parent.name}</Anchor> : none],
    ['URL', <Anchor key="u" href={page.url} target="_blank" rel="noreferrer" size="sm">{page.url}</Anchor>],
    ['Country', page.country ? `${page.country} · ${countryName(page.country) ?? ''}` : none],
    ['Languages', list(page.languages)],
    ['Segment', text(page.segment)],
    ['Default variant', page.kind === 'MARKET' ? (page.defaultVariant ? 'yes' : 'no') : none],
    ['Region countries', list(page.regionCountries)],
    ['Handle', text(page.handle)],
    ['External id', text(page.externalId)],
    ['Description', text(page.description)],
    ['Website', text(page.website)],
    ['Picture URL', text(page.pictureUrl)],
    ['Keywords', list(page.keywords)],
    ['Sub-pages', String(children.length)],
    ['Version', String(page.version)],
    ['Created', new Date(page.createdAt).toLocaleString()],
    ['Updated', new Date(page.updatedAt).toLocaleString()],
    ['Id', <Text key="i" size="xs" ff="monospace">{page.id}</Text>],
  ];

  return (
    <Paper withBorder p="md" radius="md" data-testid="page-detail">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3}>{page.name}</Title>
            <Text size="sm" c="dimmed">
              {page.kind.toLowerCase()} page on {page.network}
            </Text>
          </div>
          <Group gap="xs">
            {can.editable.size > 0 && (
              <Button size="xs" onClick={() => onOpenForm({ mode: 'edit', page })} disabled={archived}>
                Edit
              </Button>
            )}
            {can.archive && (
              <Button size="xs" variant="light" color={archived ? 'green' : 'red'} loading={archiving.loading || restoring.loading} onClick={toggleArchive}>
                {archived ? 'Restore' : 'Archive'}
              </Button>
            )}
          </Group>
        </Group>
        {!archived && (can.addMarket || can.addSegment) && (
          <Group gap="xs">
            {can.addMarket && (
              <Button size="xs" variant="default" onClick={() => onOpenForm({ mode: 'create', kind: 'MARKET', parent: page })}>
                Add market page
              </Button>
            )}
            {can.addSegment && (
              <Button size="xs" variant="default" onClick={() => onOpenForm({ mode: 'create', kind: 'SEGMENT', parent: page })}>
                Add segment page
              </Button>
            )}
          </Group>
        )}
        <Table withRowBorders={false} verticalSpacing={4} fz="sm">
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={140} c="dimmed" fw={500}>
                  {label}
                </Table.Th>
                <Table.Td data-field={label}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {page.kind === 'MARKET' && !archived && (
          <>
            <Divider />
            <MarketAliases brandId={brand.id} market={page} aliases={brand.aliases} pages={brand.pages} editable={can.setAlias} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
