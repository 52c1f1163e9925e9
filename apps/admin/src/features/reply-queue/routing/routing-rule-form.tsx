import { useMutation } from '@apollo/client/react';
import { REPLY_PRIORITIES } from '@pivot/domain';
import { Alert, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { CombinedGraphQLErrors } from '@apollo/client';
import { useMemo, useState, type FormEvent } from 'react';
import type { RoutingRuleFieldsFragment } from '../../../gql/graphql';
import { CreateRoutingRuleMutation, UpdateRoutingRuleMutation } from './routing.graphql';
import { createInputOf, EMPTY_RULE, formFieldOf, ruleIssues, updateInputOf, valuesOfRule, type RuleFormValues } from './routing-form-model';

interface RuleFormProps {
  scopePageId: string;
  /** The rule edited; null to add one at the end of the list. */
  rule: RoutingRuleFieldsFragment | null;
  position: number;
  queues: { value: string; label: string }[];
  onDone: () => void;
  onCancel: () => void;
}

/**
 * Adds or edits a rule. The domain's validateRoutingRule runs on every keystroke and its issues
 * sit under the fields, so the API is only called with a rule it would take; what it still
 * refuses (BAD_USER_INPUT fields) lands under the same fields.
 */
export function RoutingRuleForm({ scopePageId, rule, position, queues, onDone, onCancel }: RuleFormProps) {
  const [values, setValues] = useState<RuleFormValues>(() => (rule ? valuesOfRule(rule) : { ...EMPTY_RULE, queueId: queues[0]?.value ?? '' }));
  const [touched, setTouched] = useState(false);
  const [apiIssues, setApiIssues] = useState<Record<string, string[]>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const issues = useMemo(() => ruleIssues(values, scopePageId, rule?.position ?? position), [values, scopePageId, rule, position]);
  const [create, created] = useMutation(CreateRoutingRuleMutation);
  const [update, updated] = useMutation(UpdateRoutingRuleMutation);

  const set = <K extends keyof RuleFormValues>(key: K) => (value: RuleFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setApiIssues((current) => ({ ...current, [key]: [] }));
  };
  const errorOf = (key: keyof RuleFormValues) => {
    // Required fields complain once the user left them or tried to save; format issues show as typed.
    const required = key === 'name' || key === 'queueId';
    const messages = [...(required && !touched ? [] : (issues[key] ?? [])), ...(apiIssues[key] ?? [])];
    return messages.length ? messages.join('; ') : undefined;
  };
  const text = (key: keyof RuleFormValues, label: string, placeholder?: string) => (
    <TextInput label={label} placeholder={placeholder} value={String(values[key])} onChange={(event) => set(key)(event.currentTarget.value as never)} error={errorOf(key)} />
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setGeneral(null);
    if (Object.keys(issues).length) return;
    try {
      if (rule) await update({ variables: { id: rule.id, input: updateInputOf(values) } });
      else await create({ variables: { input: createInputOf(values, scopePageId) } });
      onDone();
    } catch (error) {
      if (!CombinedGraphQLErrors.is(error)) return setGeneral('The API cannot be reached. Try again.');
      const fields: Record<string, string[]> = {};
      const other: string[] = [];
      for (const graphqlError of error.errors) {
        const list = graphqlError.extensions?.fields as { field: string; message: string }[] | undefined;
        if (Array.isArray(list) && list.length) for (const item of list) (fields[formFieldOf(item.field)] ??= []).push(item.message);
        else other.push(graphqlError.message);
      }
      setApiIssues(fields);
      setGeneral(other.join(' ') || null);
    }
  }

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={(event) => void submit(event)} aria-label={rule ? 'Edit rule' : 'New rule'} data-testid="rule-form">
      <Stack gap="xs">
        <Title order={5}>{rule ? `Edit “${rule.name}”` : 'New rule'}</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Name" value={values.name} onChange={(event) => set('name')(event.currentTarget.value)} onBlur={() => setTouched(true)} error={errorOf('name')} />
          <Select label="Queue" data={queues} value={values.queueId || null} onChange={(value) => set('queueId')(value ?? '')} searchable allowDeselect={false} error={errorOf('queueId')} />
          <Select label="Priority" data={[...REPLY_PRIORITIES]} value={values.priority} onChange={(value) => value && set('priority')(value as RuleFormValues['priority'])} allowDeselect={false} error={errorOf('priority')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {text('keywords', 'Keywords (any, whole words)', 'remboursement, refund')}
          {text('patternSource', 'Regular expression', 'commande\\s*\\d+')}
          {text('patternFlags', 'Flags (i, m, s, u)')}
          {text('languages', 'Languages', 'fr, en')}
          {text('networks', 'Networks', 'facebook')}
          {text('countries', 'Countries', 'FR, BE')}
          {text('segments', 'Segments', 'business')}
          {text('authorFlags', 'Author flags (all)', 'VIP')}
          {text('tags', 'Tags set', 'refund')}
        </SimpleGrid>
        <Checkbox label="Enabled" checked={values.enabled} onChange={(event) => set('enabled')(event.currentTarget.checked)} />
        {general && <Alert color="red" p="xs">{general}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={created.loading || updated.loading} disabled={touched && Object.keys(issues).length > 0}>
            {rule ? 'Save rule' : 'Add rule'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
