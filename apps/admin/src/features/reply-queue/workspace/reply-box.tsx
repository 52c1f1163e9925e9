import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Kbd, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import { UsableCannedResponsesQuery } from './workspace.graphql';
import { cannedGroups, pickedLanguage, previewCanned, replyLanguages, type PreviewInput } from './workspace-model';

export interface ReplySend {
  text?: string;
  cannedResponseId?: string;
  language?: string;
}

interface ReplyBoxProps {
  pageId: string;
  conversationLanguage: string | null;
  pageLanguages: readonly string[];
  preview: PreviewInput;
  sending: boolean;
  error: string | null;
  textRef: RefObject<HTMLTextAreaElement | null>;
  cannedRef: RefObject<HTMLInputElement | null>;
  /** Any keystroke in the box: the holder is active, the lease should be renewed. */
  onActivity: () => void;
  onSend: (reply: ReplySend) => Promise<boolean>;
}

/**
 * The reply: typed text, or a canned response picked by keyboard (/ then type, arrows, Enter)
 * in the chosen language, previewed with its placeholders filled by the domain's
 * renderCannedResponse, the function the API sends with, so what is shown is what goes out.
 */
export function ReplyBox({ pageId, conversationLanguage, pageLanguages, preview, sending, error, textRef, cannedRef, onActivity, onSend }: ReplyBoxProps) {
  const canned = useQuery(UsableCannedResponsesQuery, { variables: { pageId } });
  const responses = useMemo(() => canned.data?.cannedResponses.edges.map((edge) => edge.node) ?? [], [canned.data]);
  const [text, setText] = useState('');
  const [cannedId, setCannedId] = useState<string | null>(null);
  const [language, setLanguage] = useState<string | null>(null);
  const picked = responses.find((response) => response.id === cannedId) ?? null;
  const languages = replyLanguages(language, conversationLanguage, pageLanguages);
  const rendered = picked ? previewCanned(picked.variants, preview, languages) : null;
  const usedLanguage = picked ? pickedLanguage(picked.variants, languages) : null;

  function pick(id: string | null) {
    setCannedId(id);
    setLanguage(null);
    onActivity();
  }

  async function send() {
    if (sending) return;
    const reply: ReplySend | null = picked
      ? rendered && rendered.missing.length === 0
        ? { cannedResponseId: picked.id, ...(usedLanguage ? { language: usedLanguage } : {}) }
        : null
      : text.trim()
        ? { text: text.trim() }
        : null;
    if (!reply) return;
    if (await onSend(reply)) {
      setText('');
      setCannedId(null);
      setLanguage(null);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    } else if (event.key === 'Escape') {
      if (picked) pick(null);
      (event.target as HTMLElement).blur();
    }
  }

  return (
    <Paper withBorder radius="md" p="md" aria-label="Reply" component="section" onKeyDown={onKeyDown}>
      <Stack gap="xs">
        <Group align="flex-end" gap="xs">
          <Select
            ref={cannedRef}
            label="Canned response"
            placeholder={!canned.data ? 'Loading…' : responses.length ? 'Type to search (/)' : 'None for this page'}
            data={cannedGroups(responses)}
            value={cannedId}
            onChange={pick}
            // Typed text is only taken once the options are there: text typed into an empty list
            // would leave Enter nothing to pick when the list arrives.
            readOnly={!canned.data}
            searchable
            clearable
            selectFirstOptionOnChange
            // Enter takes the highlighted option only while Mantine's index agrees with the highlight.
            // Without this, opening queues a deferred "highlight the chosen option" that, run after
            // fast typing (a busy machine), resets the index to none and leaves the first match lit.
            selectFirstOptionOnDropdownOpen
            w={280}
            data-testid="canned-picker"
          />
          {picked?.scopePage && (
            <Badge variant="light" color="gray" mb={6} data-testid="canned-origin" title="Where this canned response is defined">
              from {picked.scopePage.name}
            </Badge>
          )}
          {picked && (
            <Select
              label="Language"
              data={picked.variants.map((variant) => variant.language)}
              value={usedLanguage}
              onChange={setLanguage}
              allowDeselect={false}
              w={120}
              data-testid="canned-language"
            />
          )}
        </Group>
        {picked && rendered ? (
          <Paper bg="var(--mantine-color-gray-0)" p="sm" radius="sm" data-testid="reply-preview" aria-label="Preview">
            <Group gap="xs" mb={4}>
              <Text size="xs" c="dimmed">
                Preview, as it will be sent
              </Text>
              {rendered.language && <Badge size="xs" variant="light">{rendered.language}</Badge>}
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {rendered.text}
            </Text>
            {rendered.missing.length > 0 && (
              <Text size="xs" c="red" mt={4} data-testid="preview-missing">
                No value for {rendered.missing.map((path) => `{{${path}}}`).join(', ')}: this response cannot be sent for this conversation.
              </Text>
            )}
          </Paper>
        ) : (
          <Textarea
            ref={textRef}
            label="Reply"
            placeholder="Write to the customer (r)"
            autosize
            minRows={3}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              onActivity();
            }}
            data-testid="reply-text"
          />
        )}
        {error && (
          <Alert color="red" p="xs" data-testid="reply-error">
            {error}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> to send, <Kbd size="xs">Esc</Kbd> to drop the canned response
          </Text>
          <Button onClick={() => void send()} loading={sending} disabled={picked ? !rendered || rendered.missing.length > 0 : !text.trim()}>
            Send reply
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
