import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Code, CopyButton, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import type { Role } from '@pivot/domain';
import { useMemo, useState, type FormEvent } from 'react';
import { ShellQuery } from '../../app/shell.graphql';
import { apiErrorsOf, NO_API_ERRORS, type ApiErrors, type FieldErrors } from '../../shared/api-field-errors';
import { rolesOf, scopePageLabel, scopePagesFor, type GrantChoice } from './grant-choices';
import { GrantRoleMutation, InviteUserMutation } from './role-mutations.graphql';
import { TeamUsersQuery } from './team-users.graphql';

export type RoleFormTarget = { mode: 'invite' } | { mode: 'grant'; user: { id: string; displayName: string } };

interface Props {
  target: RoleFormTarget;
  /** Only what the caller may grant (grantableChoices): the form offers nothing else. */
  choices: readonly GrantChoice[];
  onClose: () => void;
}

const ROLE_LABELS: Record<Role, string> = {
  PLATFORM_ADMIN: 'Platform admin',
  BRAND_ADMIN: 'Brand admin',
  MARKET_MANAGER: 'Market manager',
  PUBLISHER: 'Publisher',
  MODERATOR: 'Moderator',
  ANALYST: 'Analyst',
};
export const roleLabel = (role: string) => ROLE_LABELS[role as Role] ?? role;

/** The API's refusal, placed: a taken email (CONFLICT) belongs next to the Email field. */
function formErrorsOf(failure: unknown, inviting: boolean): ApiErrors {
  const conflict = inviting && CombinedGraphQLErrors.is(failure) ? failure.errors.find((e) => e.extensions?.code === 'CONFLICT') : undefined;
  return conflict ? { fields: { email: [conflict.message] }, general: null } : apiErrorsOf(failure);
}

/** Invites a new user with a first role, or grants an existing user another one. */
export function RoleFormModal({ target, choices, onClose }: Props) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const roles = useMemo(() => rolesOf(choices), [choices]);
  const [role, setRole] = useState<Role | null>(roles.length === 1 ? roles[0]! : null);
  const [scopePageId, setScopePageId] = useState<string | null>(null);
  const [errors, setErrors] = useState<ApiErrors>(NO_API_ERRORS);
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);
  // The team list starts over, and the caller's own rules are reloaded (they change with roles).
  const refetch = { refetchQueries: [TeamUsersQuery, ShellQuery], awaitRefetchQueries: true };
  const [invite, inviting] = useMutation(InviteUserMutation, refetch);
  const [grant, granting] = useMutation(GrantRoleMutation, refetch);
  const pages = useMemo(() => scopePagesFor(choices, role), [choices, role]);

  const errorOf = (field: string) => errors.fields[field]?.join('; ');
  const clear = (field: string) => setErrors((previous) => ({ ...previous, fields: { ...previous.fields, [field]: [] } }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (target.mode === 'invite' && email.trim() === '') missing.email = ['Enter an email address'];
    if (target.mode === 'invite' && displayName.trim() === '') missing.displayName = ['Enter a display name'];
    if (!role) missing.role = ['Choose a role'];
    if (!scopePageId) missing.scopePageId = ['Choose the page the role is granted at'];
    if (Object.keys(missing).length > 0) return setErrors({ fields: missing, general: null });
    try {
      if (target.mode === 'invite') {
        const { data } = await invite({ variables: { input: { email: email.trim(), displayName: displayName.trim(), role: role!, scopePageId } } });
        if (data) setTemporaryPassword(data.inviteUser.temporaryPassword);
      } else {
        await grant({ variables: { input: { userId: target.user.id, role: role!, scopePageId } } });
        onClose();
      }
    } catch (failure) {
      setErrors(formErrorsOf(failure, target.mode === 'invite'));
    }
  }

  const title = target.mode === 'invite' ? 'Invite a user' : `Grant ${target.user.displayName} a role`;
  if (temporaryPassword) {
    return (
      <Modal opened onClose={onClose} title={title}>
        <Stack>
          <Alert color="green" title={`${displayName} is invited`} data-testid="temporary-password">
            <Stack gap="xs">
              <Text size="sm">Give them this temporary password to sign in. It is shown only once: Pivot keeps only its hash.</Text>
              <Group gap="xs">
                <Code fz="md">{temporaryPassword}</Code>
                <CopyButton value={temporaryPassword}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="light" onClick={copy}>
                      {copied ? 'Copied' : 'Copy'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      </Modal>
    );
  }

  const otherErrors = Object.entries(errors.fields).filter(([field, messages]) => !['email', 'displayName', 'role', 'scopePageId'].includes(field) && messages.length > 0);
  return (
    <Modal opened onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {errors.general && (
            <Alert color="red" role="alert">
              {errors.general}
            </Alert>
          )}
          {otherErrors.map(([field, messages]) => (
            <Alert key={field} color="red" role="alert">
              {field}: {messages.join('; ')}
            </Alert>
          ))}
          {target.mode === 'invite' && (
            <>
              <TextInput label="Email" type="email" required value={email} onChange={(e) => (setEmail(e.currentTarget.value), clear('email'))} error={errorOf('email')} />
              <TextInput
                label="Display name"
                required
                value={displayName}
                onChange={(e) => (setDisplayName(e.currentTarget.value), clear('displayName'))}
                error={errorOf('displayName')}
              />
            </>
          )}
          <Select
            label="Role"
            required
            data={roles.map((value) => ({ value, label: roleLabel(value) }))}
            value={role}
            onChange={(value) => {
              setRole(value as Role | null);
              setScopePageId(null);
              clear('role');
            }}
            error={errorOf('role')}
          />
          <Select
            label="Scope page"
            description="The role reaches this page and every page under it"
            required
            searchable
            limit={200}
            disabled={!role}
            data={pages.map((page) => ({ value: page.id, label: scopePageLabel(page) }))}
            value={scopePageId}
            onChange={(value) => (setScopePageId(value), clear('scopePageId'))}
            error={errorOf('scopePageId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={inviting.loading || granting.loading}>
              {target.mode === 'invite' ? 'Invite' : 'Grant role'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
