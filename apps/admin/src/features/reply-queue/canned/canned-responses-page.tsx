import { useMutation, useQuery } from '@apollo/client/react';
import { asSubject } from '@pivot/domain';
import { Alert, Badge, Button, Grid, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useAbility } from '../../../app/ability';
import { ShellQuery } from '../../../app/shell.graphql';
import type { CannedResponseFieldsFragment } from '../../../gql/graphql';
import { useBrandTree } from '../../hierarchy/use-brand-tree';
import { workErrorMessage } from '../workspace/workspace-model';
import { CannedResponseForm } from './canned-response-form';
import { CannedResponsesQuery, DeleteCannedResponseMutation } from './canned.graphql';
import { scopeOptions } from '../conversation-model';

/** Canned responses usable on a page (its own and those inherited), edited where one may. */
export default function CannedResponsesPage() {
  const ability = useAbility();
  const allowed = ability.can('create', 'CannedResponse');
  const shell = useQuery(ShellQuery, { fetchPolicy: 'cache-first' });
  const tree = useBrandTree();
  const pages = useMemo(() => tree.data?.brand.pages ?? [], [tree.data]);
  const pageById = useMemo(() => new Map(pages.map((page) => [page.id, page])), [pages]);
  const scopes = useMemo(() => scopeOptions(pages, ability, 'create', 'CannedResponse'), [pages, ability]);
  const [picked, setPicked] = useState<string | null>(null);
  const scopePageId = picked ?? scopes[0]?.value ?? null;
  const list = useQuery(CannedResponsesQuery, { variables: { pageId: scopePageId }, skip: !allowed || !scopePageId, fetchPolicy: 'cache-and-network' });
  const responses = list.data?.cannedResponses.edges.map((edge) => edge.node) ?? [];
  const [editing, setEditing] = useState<{ canned: CannedResponseFieldsFragment | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [remove] = useMutation(DeleteCannedResponseMutation);

  if (!allowed) return <Alert color="gray" title="Canned responses">Your roles do not let you edit canned responses.</Alert>;
  const scopePage = scopePageId ? pageById.get(scopePageId) : undefined;
  const mayEdit = (canned: CannedResponseFieldsFragment) => {
    const page = pageById.get(canned.scopePageId);
    return !!page && ability.can('update', asSubject('CannedResponse', { brandId: page.brandId, scopeIds: [...page.scopeIds] }));
  };

  return (
    <Stack>
      <Group gap="xs">
        <Title order={2}>Reply queues</Title>
        <Text c="dimmed">Canned responses</Text>
        <Button component={Link} to="/reply-queues" variant="subtle" size="xs">
          Conversations
        </Button>
      </Group>
      <Paper withBorder radius="md" p="sm">
        <Group align="flex-end" justify="space-between">
          <Select label="Usable on" data={scopes} value={scopePageId} onChange={(value) => { setPicked(value); setEditing(null); }} searchable allowDeselect={false} w={320} data-testid="canned-scope" />
          <Button onClick={() => setEditing({ canned: null })} disabled={!scopePageId || !!editing}>
            New canned response
          </Button>
        </Group>
      </Paper>
      {error && <Alert color="red" p="xs">{error}</Alert>}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Paper withBorder radius="md">
            <Table verticalSpacing="xs" data-testid="canned-list">
              <Table.Tbody>
                {responses.length === 0 && (
                  <Table.Tr>
                    <Table.Td>
                      <Text c="dimmed" size="sm">No canned response for this page yet.</Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {responses.map((canned) => (
                  <Table.Tr key={canned.id} data-testid="canned-row">
                    <Table.Td>
                      <Text size="sm" fw={600}>{canned.name}</Text>
                      <Text size="xs" c="dimmed">from {pageById.get(canned.scopePageId)?.name ?? canned.scopePageId}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {canned.variants.map((variant) => <Badge key={variant.language} variant="outline" size="sm">{variant.language}</Badge>)}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {mayEdit(canned) && (
                        <Group gap={4} justify="flex-end">
                          <Button size="xs" variant="default" onClick={() => setEditing({ canned })}>Edit</Button>
                          <Button size="xs" variant="subtle" color="red"
                            onClick={() => void remove({ variables: { id: canned.id } }).then(() => list.refetch()).catch((failure: unknown) => setError(workErrorMessage(failure)))}>
                            Delete
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          {editing && scopePageId && (
            <CannedResponseForm
              key={editing.canned?.id ?? 'new'}
              scopePageId={scopePageId}
              pageName={scopePage?.name ?? ''}
              moderatorName={shell.data?.me.displayName ?? ''}
              canned={editing.canned}
              onDone={() => {
                setEditing(null);
                void list.refetch();
              }}
              onCancel={() => setEditing(null)}
            />
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
