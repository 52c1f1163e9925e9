import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, CloseButton, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { asSubject } from '@pivot/domain';
import { useMemo, useState } from 'react';
import { Can } from '@casl/react';
import { useAbility } from '../../app/ability';
import { ShellQuery } from '../../app/shell.graphql';
import type { RoleAssignmentFieldsFragment, TeamUsersQuery as TeamUsersData } from '../../gql/graphql';
import { LoadMoreButton } from '../../shared/load-more';
import { ScreenLoader } from '../../shared/screen-loader';
import { useBrandTree } from '../hierarchy/use-brand-tree';
import { canDisable, canGrantToUser, choicesForUser, grantableChoices, NEW_USER_ID, type ScopePage } from './grant-choices';
import { RoleFormModal, roleLabel, type RoleFormTarget } from './role-form-modal';
import { DisableUserMutation, RevokeRoleMutation } from './role-mutations.graphql';
import { TeamUsersQuery } from './team-users.graphql';

const PAGE_SIZE = 25;
type TeamUser = TeamUsersData['users']['edges'][number]['node'];

/** The users in the caller's scope with the roles they may see, and what the caller may do about them. */
export default function TeamPage() {
  const ability = useAbility();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const [form, setForm] = useState<RoleFormTarget | null>(null);
  const { data, loading, error, fetchMore } = useQuery(TeamUsersQuery, {
    variables: { first: PAGE_SIZE, search: debouncedSearch || null },
    notifyOnNetworkStatusChange: true,
  });
  const tree = useBrandTree();
  const pages: readonly ScopePage[] = tree.data?.brand.pages ?? [];
  const pageNames = useMemo(() => new Map(pages.map((page) => [page.id, page.name])), [pages]);
  // Every (role, page) the caller may hand out; inviting also needs the right to invite (<Can> below).
  const grantChoices = useMemo(() => grantableChoices(ability, pages, NEW_USER_ID), [ability, pages]);
  const inviteChoices = grantChoices;

  const connection = data?.users;
  const users = connection?.edges.map((edge) => edge.node) ?? [];

  const grantTarget = form?.mode === 'grant' ? users.find((user) => user.id === form.user.id) : undefined;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Team</Title>
        <Can I="invite" a="User">
          {inviteChoices.length > 0 && <Button onClick={() => setForm({ mode: 'invite' })}>Invite a user</Button>}
        </Can>
      </Group>
      <Paper withBorder radius="md" p="sm">
        <Stack gap="xs">
          <Group justify="space-between">
            <TextInput placeholder="Search by email" aria-label="Search users" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={320} />
            {connection && (
              <Text size="sm" c="dimmed" data-testid="team-count">
                {users.length} of {connection.totalCount} users
              </Text>
            )}
          </Group>
          {error && !data && <Alert color="red">{error.message}</Alert>}
          {!data && loading ? (
            <ScreenLoader label="Loading the team…" />
          ) : (
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>User</Table.Th>
                  <Table.Th>Roles</Table.Th>
                  <Table.Th w={220} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.map((user) => (
                  <UserRow
                    key={user.id}
                    user={user}
                    pageNames={pageNames}
                    canGrant={canGrantToUser(ability, grantChoices, user.id)}
                    onGrant={() => setForm({ mode: 'grant', user })}
                  />
                ))}
                {users.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={3}>
                      <Text c="dimmed">No user matches.</Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          )}
          <LoadMoreButton pageInfo={connection?.pageInfo} loading={loading} fetchMore={fetchMore} />
        </Stack>
      </Paper>
      {form?.mode === 'invite' && <RoleFormModal target={form} choices={inviteChoices} onClose={() => setForm(null)} />}
      {form?.mode === 'grant' && grantTarget && (
        <RoleFormModal key={grantTarget.id} target={form} choices={choicesForUser(ability, grantChoices, grantTarget.id)} onClose={() => setForm(null)} />
      )}
    </Stack>
  );
}

interface RowProps {
  user: TeamUser;
  pageNames: ReadonlyMap<string, string>;
  canGrant: boolean;
  onGrant: () => void;
}

function UserRow({ user, pageNames, canGrant, onGrant }: RowProps) {
  const ability = useAbility();
  const [confirming, setConfirming] = useState(false);
  const refetch = { refetchQueries: [TeamUsersQuery, ShellQuery], awaitRefetchQueries: true };
  const [revoke, revoking] = useMutation(RevokeRoleMutation, refetch);
  const [disable, disabling] = useMutation(DisableUserMutation, refetch);
  const scopeName = (role: RoleAssignmentFieldsFragment) =>
    role.scopePageId ? (pageNames.get(role.scopePageId) ?? `page ${role.scopePageId.slice(0, 8)}`) : 'every brand';

  async function revokeRole(role: RoleAssignmentFieldsFragment) {
    try {
      await revoke({ variables: { assignmentId: role.id } });
      notifications.show({ color: 'green', message: `${roleLabel(role.role)} at ${scopeName(role)} revoked from ${user.displayName}` });
    } catch {
      // The global error toast has said why.
    }
  }

  async function disableUser() {
    setConfirming(false);
    try {
      await disable({ variables: { userId: user.id } });
      notifications.show({ color: 'green', message: `${user.displayName} can no longer sign in` });
    } catch {
      // The global error toast has said why.
    }
  }

  return (
    <Table.Tr data-testid="team-user" data-email={user.email}>
      <Table.Td>
        <Group gap="xs">
          <Text size="sm" fw={500}>
            {user.displayName}
          </Text>
          {user.disabled && (
            <Badge size="xs" color="gray">
              disabled
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {user.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6}>
          {user.roles.map((role) => {
            const label = `${roleLabel(role.role)} · ${scopeName(role)}`;
            const revocable = ability.can('revoke', asSubject('RoleAssignment', { ...role, scopeIds: [...role.scopeIds] }));
            return (
              <Badge
                key={role.id}
                variant="light"
                tt="none"
                data-testid="user-role"
                rightSection={
                  revocable && (
                    <CloseButton size="xs" aria-label={`Revoke ${label}`} disabled={revoking.loading} onClick={() => void revokeRole(role)} />
                  )
                }
              >
                {label}
              </Badge>
            );
          })}
          {user.roles.length === 0 && (
            <Text size="xs" c="dimmed">
              no role
            </Text>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end">
          {canGrant && !user.disabled && (
            <Button size="xs" variant="default" onClick={onGrant} aria-label={`Grant ${user.displayName} a role`}>
              Grant role
            </Button>
          )}
          {canDisable(ability, user) &&
            (confirming ? (
              <Button size="xs" color="red" loading={disabling.loading} onClick={() => void disableUser()}>
                Confirm disable
              </Button>
            ) : (
              <Button size="xs" variant="light" color="red" onClick={() => setConfirming(true)}>
                Disable
              </Button>
            ))}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
