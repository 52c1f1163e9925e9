import { useMutation, useQuery } from '@apollo/client/react';
import { ActionIcon, Alert, Badge, Button, Grid, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useAbility } from '../../../app/ability';
import type { RoutingRuleFieldsFragment } from '../../../gql/graphql';
import { useBrandTree } from '../../hierarchy/use-brand-tree';
import { WorkspaceQueuesQuery } from '../workspace/workspace.graphql';
import { workErrorMessage } from '../workspace/workspace-model';
import { RoutingRuleForm } from './routing-rule-form';
import { RoutingTester } from './routing-tester';
import { conditionsSummary } from './routing-form-model';
import { DeleteRoutingRuleMutation, MoveRoutingRuleMutation, RoutingRulesQuery } from './routing.graphql';
import { scopeOptions } from '../conversation-model';

type Editing = { rule: RoutingRuleFieldsFragment | null } | null;

/**
 * Routing rules, per scope page in the order they are tried: add, edit, delete, move up and
 * down; and the tester beside them. For those who may manage rules somewhere (DESIGN §4).
 */
export default function RoutingRulesPage() {
  const ability = useAbility();
  const allowed = ability.can('create', 'RoutingRule');
  const tree = useBrandTree();
  const pages = useMemo(() => tree.data?.brand.pages ?? [], [tree.data]);
  const scopes = useMemo(() => scopeOptions(pages, ability, 'create', 'RoutingRule'), [pages, ability]);
  const testPages = useMemo(
    () => pages.filter((page) => page.status === 'ACTIVE' && scopes.some((scope) => page.scopeIds.includes(scope.value))).map((page) => ({ value: page.id, label: page.name })),
    [pages, scopes],
  );
  const [picked, setPicked] = useState<string | null>(null);
  const scopePageId = picked ?? scopes[0]?.value ?? null;
  const rules = useQuery(RoutingRulesQuery, { variables: { scopePageId }, skip: !allowed || !scopePageId, fetchPolicy: 'cache-and-network' });
  const queues = useQuery(WorkspaceQueuesQuery, { skip: !allowed });
  const queueOptions = useMemo(() => (queues.data?.replyQueues.edges ?? []).map((edge) => ({ value: edge.node.id, label: edge.node.name })), [queues.data]);
  const queueName = new Map(queueOptions.map((queue) => [queue.value, queue.label]));
  const list = rules.data?.routingRules.edges.map((edge) => edge.node) ?? [];
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [move] = useMutation(MoveRoutingRuleMutation);
  const [remove] = useMutation(DeleteRoutingRuleMutation);

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      await rules.refetch();
    } catch (failure) {
      setError(workErrorMessage(failure));
    }
  }

  if (!allowed) return <Alert color="gray" title="Routing rules">Your roles do not let you manage routing rules.</Alert>;

  return (
    <Stack>
      <Group gap="xs">
        <Title order={2}>Reply queues</Title>
        <Text c="dimmed">Routing rules</Text>
        <Button component={Link} to="/reply-queues" variant="subtle" size="xs">
          Conversations
        </Button>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            <Paper withBorder radius="md" p="sm">
              <Group align="flex-end" justify="space-between">
                <Select label="Rules of" data={scopes} value={scopePageId} onChange={(value) => { setPicked(value); setEditing(null); }} searchable allowDeselect={false} w={320} data-testid="rule-scope" />
                <Button onClick={() => setEditing({ rule: null })} disabled={!scopePageId || !!editing}>
                  New rule
                </Button>
              </Group>
            </Paper>
            {(error || rules.error) && <Alert color="red" p="xs">{error ?? rules.error?.message}</Alert>}
            {editing && scopePageId && (
              <RoutingRuleForm
                key={editing.rule?.id ?? 'new'}
                scopePageId={scopePageId}
                rule={editing.rule}
                position={list.length}
                queues={queueOptions}
                onDone={() => {
                  setEditing(null);
                  void rules.refetch();
                }}
                onCancel={() => setEditing(null)}
              />
            )}
            <Paper withBorder radius="md">
              <Table verticalSpacing="xs" data-testid="rule-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={40}>#</Table.Th>
                    <Table.Th>Rule</Table.Th>
                    <Table.Th>Sends to</Table.Th>
                    <Table.Th w={230} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={4}>
                        <Text c="dimmed" size="sm">No rule: everything goes to the default queue of the nearest scope.</Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {list.map((rule, index) => (
                    <Table.Tr key={rule.id} data-testid="rule-row" opacity={rule.enabled ? 1 : 0.5}>
                      <Table.Td>{index + 1}</Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {rule.name} {!rule.enabled && <Badge size="xs" color="gray">off</Badge>}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {conditionsSummary(rule.conditions)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{queueName.get(rule.queueId) ?? rule.queueId}</Text>
                        <Text size="xs" c="dimmed">
                          {rule.priority.toLowerCase()}
                          {rule.tags.length ? ` · ${rule.tags.join(', ')}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} justify="flex-end">
                          <ActionIcon variant="default" aria-label={`Move ${rule.name} up`} disabled={index === 0} onClick={() => void run(() => move({ variables: { id: rule.id, position: index - 1 } }))}>
                            ↑
                          </ActionIcon>
                          <ActionIcon variant="default" aria-label={`Move ${rule.name} down`} disabled={index === list.length - 1} onClick={() => void run(() => move({ variables: { id: rule.id, position: index + 1 } }))}>
                            ↓
                          </ActionIcon>
                          <Button size="xs" variant="default" onClick={() => setEditing({ rule })}>
                            Edit
                          </Button>
                          {deleting === rule.id ? (
                            <Button size="xs" color="red" onClick={() => void run(() => remove({ variables: { id: rule.id } })).then(() => setDeleting(null))}>
                              Confirm delete
                            </Button>
                          ) : (
                            <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(rule.id)}>
                              Delete
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <RoutingTester pages={testPages} defaultPageId={scopePageId} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
