import { useQuery } from '@apollo/client/react';
import { Alert, Autocomplete, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { SUBJECT_TYPES } from '@pivot/domain';
import { useMemo, useState, type FormEvent } from 'react';
import type { AuditEntriesQuery as AuditEntriesData } from '../../gql/graphql';
import { LoadMoreButton } from '../../shared/load-more';
import { ScreenLoader } from '../../shared/screen-loader';
import { TeamUsersQuery } from '../access/team-users.graphql';
import { useBrandTree } from '../hierarchy/use-brand-tree';
import { AuditEntriesQuery } from './audit-entries.graphql';
import { actorLabel, auditFilterOf, diffRows, EMPTY_FILTER, type AuditFilterValues } from './audit-model';

const PAGE_SIZE = 30;
type Entry = AuditEntriesData['auditEntries']['edges'][number]['node'];

/** The history the caller may read, newest first, filtered by actor, subject, action and time. */
export default function AuditPage() {
  const [draft, setDraft] = useState<AuditFilterValues>(EMPTY_FILTER);
  const [applied, setApplied] = useState<AuditFilterValues>(EMPTY_FILTER);
  const team = useQuery(TeamUsersQuery, { variables: { first: 100, search: null } });
  const users = useMemo(() => team.data?.users.edges.map((edge) => edge.node) ?? [], [team.data]);
  const filter = useMemo(() => auditFilterOf(applied, users), [applied, users]);
  const { data, loading, error, fetchMore } = useQuery(AuditEntriesQuery, { variables: { first: PAGE_SIZE, filter }, notifyOnNetworkStatusChange: true });
  const tree = useBrandTree();
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const page of tree.data?.brand.pages ?? []) map.set(page.id, page.name);
    for (const user of users) map.set(user.id, user.displayName);
    return map;
  }, [tree.data, users]);

  const set = <K extends keyof AuditFilterValues>(field: K, value: AuditFilterValues[K]) => setDraft((previous) => ({ ...previous, [field]: value }));
  function apply(event: FormEvent) {
    event.preventDefault();
    setApplied(draft);
  }

  const connection = data?.auditEntries;
  const entries = connection?.edges.map((edge) => edge.node) ?? [];

  return (
    <Stack>
      <Title order={2}>Audit</Title>
      <Paper withBorder radius="md" p="sm">
        <form onSubmit={apply} aria-label="Audit filters">
          <Group align="flex-end" gap="xs">
            <Autocomplete
              label="Actor"
              placeholder="Name, email or user id"
              data={users.map(actorLabel)}
              value={draft.actor}
              onChange={(value) => set('actor', value)}
              w={220}
            />
            <Select
              label="Subject type"
              placeholder="Any"
              data={[...SUBJECT_TYPES]}
              value={draft.subjectType}
              onChange={(value) => set('subjectType', value)}
              clearable
              w={140}
            />
            <TextInput label="Action" placeholder="page. or page.update" value={draft.action} onChange={(e) => set('action', e.currentTarget.value)} w={150} />
            <TextInput label="From" type="datetime-local" value={draft.from} onChange={(e) => set('from', e.currentTarget.value)} w={180} />
            <TextInput label="To" type="datetime-local" value={draft.to} onChange={(e) => set('to', e.currentTarget.value)} w={180} />
            <Button type="submit">Apply</Button>
            <Button
              variant="default"
              onClick={() => {
                setDraft(EMPTY_FILTER);
                setApplied(EMPTY_FILTER);
              }}
            >
              Reset
            </Button>
          </Group>
        </form>
      </Paper>
      {connection && (
        <Text size="sm" c="dimmed" data-testid="audit-count">
          {entries.length} of {connection.totalCount} entries, newest first
        </Text>
      )}
      {error && !data && <Alert color="red">{error.message}</Alert>}
      {!data && loading && <ScreenLoader label="Loading the history…" />}
      {data && entries.length === 0 && <Text c="dimmed">No entry matches.</Text>}
      <Stack gap="xs" data-testid="audit-list">
        {entries.map((entry) => (
          <AuditEntryCard key={entry.id} entry={entry} names={names} />
        ))}
      </Stack>
      <LoadMoreButton pageInfo={connection?.pageInfo} loading={loading} fetchMore={fetchMore} />
    </Stack>
  );
}

function AuditEntryCard({ entry, names }: { entry: Entry; names: ReadonlyMap<string, string> }) {
  const rows = diffRows(entry.changes);
  const subjectName = names.get(entry.subjectId);
  return (
    <Paper withBorder radius="md" p="sm" data-testid="audit-entry">
      <Group justify="space-between" align="flex-start">
        <Group gap="xs">
          <Badge variant="light" tt="none">
            {entry.action}
          </Badge>
          <Text size="sm">
            {entry.subjectType}{' '}
            <Text span fw={500}>
              {subjectName ?? entry.subjectId}
            </Text>
          </Text>
        </Group>
        <Stack gap={0} align="flex-end">
          <Text size="sm">
            by <Text span fw={500}>{entry.actorName ?? (entry.actorId ? entry.actorId : 'the system')}</Text>
          </Text>
          <Text size="xs" c="dimmed">
            <time dateTime={entry.occurredAt}>{new Date(entry.occurredAt).toLocaleString()}</time>
            {entry.requestId && <> · request {entry.requestId}</>}
          </Text>
        </Stack>
      </Group>
      {rows.length > 0 && (
        <Table mt="xs" withRowBorders={false} verticalSpacing={2} fz="sm">
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.field} data-testid="audit-change" data-field={row.field}>
                <Table.Td w={160} c="dimmed">
                  {row.field}
                </Table.Td>
                <Table.Td>
                  {row.before !== null && (
                    <Text span size="sm" c="red.7" td="line-through" bg="red.0" px={4} mr="xs" data-testid="before">
                      {row.before}
                    </Text>
                  )}
                  {row.after !== null && (
                    <Text span size="sm" c="green.8" bg="green.0" px={4} data-testid="after">
                      {row.after}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
