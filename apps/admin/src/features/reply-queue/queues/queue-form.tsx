import { useMutation } from '@apollo/client/react';
import { Alert, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import type { ReplyQueueFieldsFragment } from '../../../gql/graphql';
import { apiErrorsOf } from '../../../shared/api-field-errors';
import { CreateReplyQueueMutation, UpdateReplyQueueMutation } from './queues.graphql';
import {
  ASSIGNMENT_MODE_LABELS,
  BREACH_LABELS,
  createInputOf,
  DAY_LABELS,
  emptyQueue,
  formFieldOf,
  queueIssues,
  updateInputOf,
  valuesOfQueue,
  WEEK,
  type QueueFormField,
  type QueueFormValues,
} from './queue-form-model';

interface QueueFormProps {
  /** The queue edited; null to create one. */
  queue: ReplyQueueFieldsFragment | null;
  /** Pages the caller may create a queue for (a new queue's scope). */
  scopes: { value: string; label: string }[];
  /** Other queues of the brand, for "escalate to another queue". */
  queues: { value: string; label: string }[];
  /** The time zone a new queue on this page most likely uses. */
  zoneFor: (scopePageId: string) => string;
  onDone: (queue: ReplyQueueFieldsFragment) => void;
  onCancel: () => void;
}

/**
 * Creates or edits a queue: name, scope page, assignment mode, SLA budgets and the business
 * hours they are counted in. The domain's business-hours check runs as one types; what the
 * API still refuses (BAD_USER_INPUT fields) lands under the same fields.
 */
export function QueueForm({ queue, scopes, queues, zoneFor, onDone, onCancel }: QueueFormProps) {
  const [values, setValues] = useState<QueueFormValues>(() => (queue ? valuesOfQueue(queue) : emptyQueue(scopes[0]?.value ?? '', zoneFor(scopes[0]?.value ?? ''))));
  const [touched, setTouched] = useState(false);
  const [apiIssues, setApiIssues] = useState<Record<string, string[]>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const targets = useMemo(() => queues.filter((option) => option.value !== queue?.id), [queues, queue?.id]);
  const issues = useMemo(() => queueIssues(values, targets.map((option) => option.value)), [values, targets]);
  const [create, created] = useMutation(CreateReplyQueueMutation);
  const [update, updated] = useMutation(UpdateReplyQueueMutation);

  const set = <K extends keyof QueueFormValues>(key: K, value: QueueFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setApiIssues({});
  };
  const setDay = (day: keyof QueueFormValues['hours'], text: string) => set('hours', { ...values.hours, [day]: text });
  // Local issues show once the user tried to save; the API's as soon as they come back.
  const errorOf = (field: QueueFormField) => {
    const messages = [...(touched ? (issues[field] ?? []) : []), ...(apiIssues[field] ?? [])];
    return messages.length ? messages.join('; ') : undefined;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setGeneral(null);
    if (Object.keys(issues).length) return;
    try {
      const result = queue
        ? (await update({ variables: { id: queue.id, input: updateInputOf(values) } })).data?.updateReplyQueue
        : (await create({ variables: { input: createInputOf(values) } })).data?.createReplyQueue;
      if (result) onDone(result);
    } catch (error) {
      const { fields, general: other } = apiErrorsOf(error);
      const byField: Record<string, string[]> = {};
      for (const [path, messages] of Object.entries(fields)) (byField[formFieldOf(path)] ??= []).push(...messages);
      setApiIssues(byField);
      setGeneral(other);
    }
  }

  const number = (key: 'firstResponseMinutes' | 'nextResponseMinutes', label: string) => (
    <TextInput label={label} inputMode="numeric" value={values[key]} onChange={(event) => set(key, event.currentTarget.value)} error={errorOf(key)} rightSection={<Text size="xs" c="dimmed">min</Text>} />
  );

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={(event) => void submit(event)} aria-label={queue ? 'Edit queue' : 'New queue'} data-testid="queue-form">
      <Stack gap="xs">
        <Title order={5}>{queue ? `Edit “${queue.name}”` : 'New queue'}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" value={values.name} onChange={(event) => set('name', event.currentTarget.value)} error={errorOf('name')} />
          <Select
            label="Serves the page"
            description={queue ? 'A queue stays on its page' : 'The page and every page under it'}
            data={queue ? [{ value: queue.scopePageId, label: scopes.find((scope) => scope.value === queue.scopePageId)?.label ?? queue.scopePageId }] : scopes}
            value={values.scopePageId || null}
            onChange={(value) => {
              // The suggested zone follows the page picked, unless the user typed their own.
              if (values.timeZone === zoneFor(values.scopePageId)) setValues((current) => ({ ...current, timeZone: zoneFor(value ?? '') }));
              set('scopePageId', value ?? '');
            }}
            disabled={!!queue}
            searchable
            allowDeselect={false}
            error={errorOf('scopePageId')}
          />
          <Select
            label="Assignment"
            data={Object.entries(ASSIGNMENT_MODE_LABELS).map(([value, label]) => ({ value, label }))}
            value={values.assignmentMode}
            onChange={(value) => value && set('assignmentMode', value as QueueFormValues['assignmentMode'])}
            allowDeselect={false}
            error={errorOf('assignmentMode')}
          />
          <Checkbox
            mt="lg"
            label="Default queue of its page (where items go when no rule matches)"
            checked={values.isDefault}
            onChange={(event) => set('isDefault', event.currentTarget.checked)}
            error={errorOf('isDefault')}
          />
          {number('firstResponseMinutes', 'First response within (business minutes)')}
          {number('nextResponseMinutes', 'Next response within (business minutes)')}
          <Select
            label="When the SLA is breached"
            data={Object.entries(BREACH_LABELS).map(([value, label]) => ({ value, label }))}
            value={values.breachEscalation}
            onChange={(value) => value && set('breachEscalation', value as QueueFormValues['breachEscalation'])}
            allowDeselect={false}
            error={errorOf('breachEscalation')}
          />
          {values.breachEscalation === 'QUEUE' && (
            <Select label="Escalate to" data={targets} value={values.breachQueueId || null} onChange={(value) => set('breachQueueId', value ?? '')} searchable error={errorOf('breachQueueId')} />
          )}
        </SimpleGrid>
        <Title order={6} mt="xs">
          Business hours
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Time zone" description="IANA name, e.g. Europe/Paris" value={values.timeZone} onChange={(event) => set('timeZone', event.currentTarget.value)} error={errorOf('timeZone')} />
          <TextInput label="Closed days" description="YYYY-MM-DD, comma-separated" placeholder="2026-12-25, 2027-01-01" value={values.holidays} onChange={(event) => set('holidays', event.currentTarget.value)} error={errorOf('holidays')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
          {WEEK.map((day) => (
            <TextInput key={day} label={DAY_LABELS[day]} placeholder="closed" value={values.hours[day]} onChange={(event) => setDay(day, event.currentTarget.value)} error={errorOf(`hours.${day}`)} />
          ))}
        </SimpleGrid>
        {errorOf('hours') && (
          <Text size="sm" c="red" data-testid="hours-error">
            Opening hours {errorOf('hours')}
          </Text>
        )}
        {general && <Alert color="red" p="xs">{general}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={created.loading || updated.loading} disabled={touched && Object.keys(issues).length > 0}>
            {queue ? 'Save queue' : 'Create queue'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
