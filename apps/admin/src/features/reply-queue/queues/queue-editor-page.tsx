import { useQuery } from '@apollo/client/react';
import { Can } from '@casl/react';
import { Alert, Badge, Button, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { asSubject } from '@pivot/domain';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useAbility } from '../../../app/ability';
import type { ReplyQueueFieldsFragment } from '../../../gql/graphql';
import { LoadMoreButton } from '../../../shared/load-more';
import { ScreenLoader } from '../../../shared/screen-loader';
import { useBrandTree } from '../../hierarchy/use-brand-tree';
import { QueueForm } from './queue-form';
import { ASSIGNMENT_MODE_LABELS, suggestedTimeZone } from './queue-form-model';
import { QueueMembers } from './queue-members';
import { ReplyQueuesQuery } from './queues.graphql';
import { scopeOptions } from '../conversation-model';

const PAGE_SIZE = 100;
type Editing = { queue: ReplyQueueFieldsFragment | null } | null;

/**
 * Reply queues, set up: the queues the caller may read; creating one (where they manage
 * queues), editing its SLA policy and hours, and its members, as far as their roles allow.
 */
export default function QueueEditorPage() {
  const ability = useAbility();
  const allowed = ability.can('read', 'ReplyQueue');
  const tree = useBrandTree();
  const list = useQuery(ReplyQueuesQuery, { variables: { first: PAGE_SIZE }, skip: !allowed, notifyOnNetworkStatusChange: true });
  const pages = useMemo(() => tree.data?.brand.pages ?? [], [tree.data]);
  const pageNames = useMemo(() => new Map(pages.map((page) => [page.id, page.name])), [pages]);
  const scopes = useMemo(() => scopeOptions(pages, ability, 'create', 'ReplyQueue'), [pages, ability]);
  const connection = list.data?.replyQueues;
  const queues = useMemo(() => connection?.edges.map((edge) => edge.node) ?? [], [connection]);
  const queueOptions = useMemo(() => queues.map((queue) => ({ value: queue.id, label: queue.name })), [queues]);
  const zoneFor = useCallback(
    (pageId: string) => suggestedTimeZone(pages.find((page) => page.id === pageId)?.scopeIds ?? [], queues, Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'),
    [pages, queues],
  );
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const selected = queues.find((queue) => queue.id === selectedId) ?? null;

  if (!allowed) return <Alert color="gray" title="Queues">Your roles do not let you read reply queues.</Alert>;

  const mayUpdate = (queue: ReplyQueueFieldsFragment) => ability.can('update', asSubject('ReplyQueue', { brandId: queue.brandId, scopeIds: [...queue.scopeIds] }));
  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={2}>Reply queues</Title>
          <Text c="dimmed">Queues</Text>
          <Button component={Link} to="/reply-queues" variant="subtle" size="xs">
            Conversations
          </Button>
          <Button component={Link} to="/reply-queues/overview" variant="subtle" size="xs">
            Queue overview
          </Button>
        </Group>
        <Can I="create" a="ReplyQueue">
          {scopes.length > 0 && (
            <Button onClick={() => setEditing({ queue: null })} disabled={!!editing}>
              New queue
            </Button>
          )}
        </Can>
      </Group>
      {list.error && !list.data && <Alert color="red">{list.error.message}</Alert>}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          {!list.data && list.loading ? (
            <ScreenLoader label="Loading queues…" />
          ) : (
            <Paper withBorder radius="md">
              <Table verticalSpacing="xs" highlightOnHover data-testid="queue-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Queue</Table.Th>
                    <Table.Th>Assignment</Table.Th>
                    <Table.Th>SLA</Table.Th>
                    <Table.Th ta="right">Members</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {queues.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={4}>
                        <Text c="dimmed" size="sm">No queue you may read.</Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {queues.map((queue) => (
                    <Table.Tr
                      key={queue.id}
                      data-testid="queue-row"
                      aria-selected={queue.id === selectedId}
                      onClick={() => {
                        setSelectedId(queue.id);
                        setEditing(null);
                      }}
                      style={{ cursor: 'pointer', background: queue.id === selectedId ? 'var(--mantine-color-indigo-0)' : undefined }}
                    >
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {queue.name} {queue.isDefault && <Badge size="xs" variant="light">default</Badge>}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {pageNames.get(queue.scopePageId) ?? queue.scopePageId}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{ASSIGNMENT_MODE_LABELS[queue.assignmentMode]}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">
                          {queue.firstResponseMinutes} / {queue.nextResponseMinutes} min · {queue.businessHours.timeZone}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">{queue.members.length}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
          <LoadMoreButton mt="xs" pageInfo={connection?.pageInfo} loading={list.loading} fetchMore={list.fetchMore} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack>
            {editing && (
              <QueueForm
                key={editing.queue?.id ?? 'new'}
                queue={editing.queue}
                scopes={scopes}
                queues={queueOptions}
                zoneFor={zoneFor}
                onDone={(saved) => {
                  setEditing(null);
                  setSelectedId(saved.id);
                  void list.refetch().catch(() => undefined);
                }}
                onCancel={() => setEditing(null)}
              />
            )}
            {selected && !editing && (
              <Group justify="space-between">
                <Title order={4}>{selected.name}</Title>
                <Can I="update" this={asSubject('ReplyQueue', { brandId: selected.brandId, scopeIds: [...selected.scopeIds] })}>
                  <Button variant="default" size="xs" onClick={() => setEditing({ queue: selected })}>
                    Edit queue
                  </Button>
                </Can>
              </Group>
            )}
            {selected && <QueueMembers key={selected.id} queue={selected} editable={mayUpdate(selected)} />}
            {!selected && !editing && (
              <Text c="dimmed" p="md">
                Pick a queue to see its members{ability.can('create', 'ReplyQueue') ? ', or create one' : ''}.
              </Text>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
