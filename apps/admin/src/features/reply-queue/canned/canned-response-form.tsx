import { useMutation } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client';
import { CANNED_RESPONSE_PLACEHOLDERS } from '@pivot/domain';
import { ActionIcon, Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import type { CannedResponseFieldsFragment } from '../../../gql/graphql';
import { CreateCannedResponseMutation, UpdateCannedResponseMutation } from './canned.graphql';
import { insertPlaceholder, SAMPLE_AUTHOR, samplePreview, variantIssues } from './canned-editor-model';

interface FormProps {
  scopePageId: string;
  pageName: string;
  moderatorName: string;
  canned: CannedResponseFieldsFragment | null;
  onDone: () => void;
  onCancel: () => void;
}

/**
 * One canned response: a name and a body per language, with the placeholders offered (click to
 * insert at the cursor) and each variant previewed as a moderator would send it.
 */
export function CannedResponseForm({ scopePageId, pageName, moderatorName, canned, onDone, onCancel }: FormProps) {
  const [name, setName] = useState(canned?.name ?? '');
  const [variants, setVariants] = useState(() => canned?.variants.map(({ language, body }) => ({ language, body })) ?? [{ language: 'fr', body: '' }]);
  const [general, setGeneral] = useState<string | null>(null);
  const bodies = useRef<(HTMLTextAreaElement | null)[]>([]);
  const [create, created] = useMutation(CreateCannedResponseMutation);
  const [update, updated] = useMutation(UpdateCannedResponseMutation);
  const issues = variants.map((_, index) => variantIssues(variants, index));
  const invalid = !name.trim() || issues.some((list) => list.length > 0);

  const change = (index: number, patch: Partial<{ language: string; body: string }>) =>
    setVariants((current) => current.map((variant, at) => (at === index ? { ...variant, ...patch } : variant)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (invalid) return;
    setGeneral(null);
    try {
      const input = { name: name.trim(), variants: variants.map((variant) => ({ language: variant.language.trim(), body: variant.body })) };
      if (canned) await update({ variables: { id: canned.id, input } });
      else await create({ variables: { input: { ...input, scopePageId } } });
      onDone();
    } catch (error) {
      setGeneral(CombinedGraphQLErrors.is(error) ? error.errors.map((e) => ((e.extensions?.fields as { message: string }[] | undefined) ?? [e]).map((f) => f.message).join('; ')).join(' ') : 'The API cannot be reached. Try again.');
    }
  }

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={(event) => void submit(event)} data-testid="canned-form" aria-label="Canned response">
      <Stack gap="sm">
        <Title order={5}>{canned ? `Edit “${canned.name}”` : 'New canned response'}</Title>
        <TextInput label="Name" value={name} onChange={(event) => setName(event.currentTarget.value)} />
        <Group gap={4}>
          <Text size="xs" c="dimmed">
            Placeholders (click to insert):
          </Text>
          {CANNED_RESPONSE_PLACEHOLDERS.map((path) => (
            <Badge key={path} component="button" type="button" variant="light" tt="none" style={{ cursor: 'pointer' }} data-testid="placeholder"
              onClick={() => {
                const index = Math.max(0, bodies.current.findIndex((element) => element === document.activeElement));
                change(index, { body: insertPlaceholder(variants[index]!.body, path, bodies.current[index]?.selectionStart ?? null) });
              }}>
              {`{{${path}}}`}
            </Badge>
          ))}
        </Group>
        {variants.map((variant, index) => (
          <Paper key={index} withBorder p="sm" radius="sm" data-testid="canned-variant">
            <Group align="flex-start" gap="xs">
              <TextInput label="Language" value={variant.language} onChange={(event) => change(index, { language: event.currentTarget.value })} w={90} />
              <Textarea
                ref={(element) => void (bodies.current[index] = element)}
                label="Body"
                autosize
                minRows={2}
                value={variant.body}
                onChange={(event) => change(index, { body: event.currentTarget.value })}
                error={issues[index]!.length ? issues[index]!.join('; ') : undefined}
                style={{ flex: 1 }}
              />
              <ActionIcon variant="subtle" color="red" mt={24} aria-label={`Remove the ${variant.language} variant`} disabled={variants.length === 1} onClick={() => setVariants((current) => current.filter((_, at) => at !== index))}>
                ×
              </ActionIcon>
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              Preview for {SAMPLE_AUTHOR} on {pageName}:
            </Text>
            <Text size="sm" data-testid="canned-preview" style={{ whiteSpace: 'pre-wrap' }}>
              {samplePreview(variant, pageName, moderatorName)}
            </Text>
          </Paper>
        ))}
        <Button variant="default" size="xs" w="fit-content" onClick={() => setVariants((current) => [...current, { language: '', body: '' }])}>
          Add a language
        </Button>
        {general && <Alert color="red" p="xs">{general}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" disabled={invalid} loading={created.loading || updated.loading}>
            {canned ? 'Save' : 'Create'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
