import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import type { ReplyQueueFieldsFragment } from '../../../gql/graphql';
import { apiErrorsOf } from '../../../shared/api-field-errors';
import { languagesOf, mayWorkQueue, memberIssues } from './queue-form-model';
import { MemberCandidatesQuery, RemoveQueueMemberMutation, SetQueueMemberMutation } from './queues.graphql';

type Member = ReplyQueueFieldsFragment['members'][number];

interface MembersProps {
  queue: ReplyQueueFieldsFragment;
  /** Whether the caller may change this queue (the list is read-only otherwise). */
  editable: boolean;
}

/**
 * A queue's members with their capacity and languages. Adding offers only people whose roles let
 * them work the queue (the API's own check); the API's refusals show under the fields.
 */
export function QueueMembers({ queue, editable }: MembersProps) {
  const [editing, setEditing] = useState<Member | null>(null);
  const [remove, removing] = useMutation(RemoveQueueMemberMutation);
  const [error, setError] = useState<string | null>(null);

  return (
    <Paper withBorder radius="md" p="md" data-testid="queue-members">
      <Stack gap="xs">
        <Title order={5}>Members</Title>
        {queue.members.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nobody works this queue yet.
          </Text>
        ) : (
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Moderator</Table.Th>
                <Table.Th ta="right">Capacity</Table.Th>
                <Table.Th>Languages</Table.Th>
                {editable && <Table.Th w={170} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {queue.members.map((member) => (
                <Table.Tr key={member.userId} data-testid="member-row">
                  <Table.Td>{member.displayName}</Table.Td>
                  <Table.Td ta="right">{member.capacity}</Table.Td>
                  <Table.Td>{member.languages.length ? member.languages.join(', ') : 'any'}</Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap={4} justify="flex-end">
                        <Button size="xs" variant="default" onClick={() => setEditing(member)}>
                          Edit
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          loading={removing.loading}
                          onClick={() =>
                            void remove({ variables: { queueId: queue.id, userId: member.userId } }).then(
                              () => setError(null),
                              (failure: unknown) => setError(apiErrorsOf(failure).general),
                            )
                          }
                        >
                          Remove
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {error && <Alert color="red" p="xs">{error}</Alert>}
        {editable && <MemberForm key={editing?.userId ?? 'new'} queue={queue} member={editing} onDone={() => setEditing(null)} />}
      </Stack>
    </Paper>
  );
}

function MemberForm({ queue, member, onDone }: { queue: ReplyQueueFieldsFragment; member: Member | null; onDone: () => void }) {
  const candidates = useQuery(MemberCandidatesQuery, { skip: !!member });
  const [userId, setUserId] = useState<string | null>(member?.userId ?? null);
  const [capacity, setCapacity] = useState(String(member?.capacity ?? 3));
  const [languages, setLanguages] = useState(member?.languages.join(', ') ?? '');
  const [touched, setTouched] = useState(false);
  const [apiIssues, setApiIssues] = useState<Record<string, string[]>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [save, saving] = useMutation(SetQueueMemberMutation);
  const issues = memberIssues(capacity, languages);

  const options = useMemo(() => {
    const members = new Set(queue.members.map((m) => m.userId));
    return (candidates.data?.users.edges ?? [])
      .map((edge) => edge.node)
      .filter((user) => !members.has(user.id) && mayWorkQueue(user, queue))
      .map((user) => ({ value: user.id, label: `${user.displayName} (${user.email})` }));
  }, [candidates.data, queue]);

  const errorOf = (field: 'userId' | 'capacity' | 'languages') => {
    const local = field === 'userId' ? (userId ? [] : ['pick someone']) : (issues[field] ?? []);
    const messages = [...(touched ? local : []), ...(apiIssues[field] ?? [])];
    return messages.length ? messages.join('; ') : undefined;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setGeneral(null);
    if (!userId || Object.keys(issues).length) return;
    try {
      await save({ variables: { input: { queueId: queue.id, userId, capacity: Number(capacity), languages: languagesOf(languages) } } });
      setTouched(false);
      setUserId(null);
      setApiIssues({});
      onDone();
    } catch (error) {
      const { fields, general: other } = apiErrorsOf(error);
      setApiIssues(fields);
      setGeneral(other);
    }
  }

  return (
    <Stack gap={4} component="form" onSubmit={(event) => void submit(event)} aria-label={member ? `Edit ${member.displayName}` : 'Add a member'} data-testid="member-form">
      <Group align="flex-start" gap="xs">
        {member ? (
          <TextInput label="Moderator" value={member.displayName} readOnly w={260} />
        ) : (
          <Select
            label="Add a member"
            placeholder="Pick a moderator"
            data={options}
            value={userId}
            onChange={setUserId}
            searchable
            nothingFoundMessage="Nobody else may work this queue"
            w={260}
            error={errorOf('userId')}
          />
        )}
        <TextInput label="Capacity" inputMode="numeric" value={capacity} onChange={(event) => setCapacity(event.currentTarget.value)} w={100} error={errorOf('capacity')} />
        <TextInput label="Languages" description="empty: any" placeholder="fr, en" value={languages} onChange={(event) => setLanguages(event.currentTarget.value)} w={180} error={errorOf('languages')} />
        <Group gap={4} mt={25}>
          <Button type="submit" loading={saving.loading}>
            {member ? 'Save member' : 'Add member'}
          </Button>
          {member && (
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          )}
        </Group>
      </Group>
      {general && <Alert color="red" p="xs">{general}</Alert>}
    </Stack>
  );
}
