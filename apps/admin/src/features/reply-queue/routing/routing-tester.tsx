import { useLazyQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, List, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { listOf } from './routing-form-model';
import { TestRoutingQuery } from './routing.graphql';

/** "Paste a comment, pick a page": which rule fires, which queue, and the API's trail of why. */
export function RoutingTester({ pages, defaultPageId }: { pages: { value: string; label: string }[]; defaultPageId: string | null }) {
  const [text, setText] = useState('');
  const [pageId, setPageId] = useState<string | null>(defaultPageId);
  const [language, setLanguage] = useState('');
  const [flags, setFlags] = useState('');
  const [test, result] = useLazyQuery(TestRoutingQuery, { fetchPolicy: 'network-only' });
  const answer = result.data?.testRouting;

  function run(event: FormEvent) {
    event.preventDefault();
    const page = pageId ?? defaultPageId;
    if (!page || !text.trim()) return;
    void test({ variables: { input: { pageId: page, text, language: language.trim() || null, authorFlags: listOf(flags) } } }).catch(() => undefined);
  }

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={run} aria-label="Routing tester" data-testid="routing-tester">
      <Stack gap="xs">
        <Title order={5}>Test the routing</Title>
        <Textarea label="Comment" placeholder="Paste a comment" autosize minRows={2} value={text} onChange={(event) => setText(event.currentTarget.value)} />
        <Group align="flex-end" gap="xs">
          <Select label="Page" data={pages} value={pageId ?? defaultPageId} onChange={setPageId} searchable w={280} />
          <TextInput label="Language" placeholder="fr" value={language} onChange={(event) => setLanguage(event.currentTarget.value)} w={100} />
          <TextInput label="Author flags" placeholder="VIP" value={flags} onChange={(event) => setFlags(event.currentTarget.value)} w={160} />
          <Button type="submit" loading={result.loading} disabled={!text.trim()}>
            Test
          </Button>
        </Group>
        {result.error && <Alert color="red" p="xs">{result.error.message}</Alert>}
        {answer && (
          <Stack gap={4} data-testid="routing-result">
            <Group gap="xs">
              <Text size="sm" data-testid="routing-fired">
                {answer.ruleName ? `Rule “${answer.ruleName}” fires` : 'No rule fires: the default queue takes it'}
              </Text>
              <Text size="sm">→</Text>
              <Text size="sm" fw={600} data-testid="routing-queue">
                {answer.queueName ?? 'no queue'}
              </Text>
              <Badge variant="outline" tt="none">{answer.priority.toLowerCase()}</Badge>
              {answer.tags.map((tag) => (
                <Badge key={tag} variant="dot" tt="none">
                  {tag}
                </Badge>
              ))}
            </Group>
            <Text size="xs" c="dimmed">
              Why:
            </Text>
            <List size="xs" data-testid="routing-trail">
              {answer.trail.map((line, index) => (
                <List.Item key={index}>{line}</List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
