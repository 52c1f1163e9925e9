import { Alert, Button, Group, Kbd, Paper, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type KeyboardEvent, type RefObject } from 'react';
import { SNOOZE_CHOICES } from './workspace-model';

/** Escalating to the market manager rather than to a queue. */
export const TO_MANAGER = 'manager';

export interface ActionRefs {
  note: RefObject<HTMLTextAreaElement | null>;
  escalate: RefObject<HTMLInputElement | null>;
  snooze: RefObject<HTMLInputElement | null>;
}

export interface EscalationTarget {
  toQueueId?: string;
  toManager?: boolean;
  reason?: string;
}

interface ActionsProps {
  refs: ActionRefs;
  /** Queues of the brand one may escalate to (the conversation's own left out). */
  queues: { id: string; name: string }[];
  busy: string | null;
  error: string | null;
  onActivity: () => void;
  onNote: (text: string) => Promise<boolean>;
  onEscalate: (target: EscalationTarget) => Promise<boolean>;
  onSnooze: (until: Date) => void;
  onResolve: () => void;
}

/** Internal notes, escalate, snooze and resolve: each reachable by its key (see the shortcuts). */
export function ConversationActions({ refs, queues, busy, error, onActivity, onNote, onEscalate, onSnooze, onResolve }: ActionsProps) {
  const [note, setNote] = useState('');
  const [target, setTarget] = useState<string | null>(null);
  const [reason, setReason] = useState('');

  async function addNote() {
    if (note.trim() && (await onNote(note.trim()))) setNote('');
  }

  async function escalate() {
    if (!target) return;
    const to = target === TO_MANAGER ? { toManager: true } : { toQueueId: target };
    if (await onEscalate({ ...to, ...(reason.trim() ? { reason: reason.trim() } : {}) })) {
      setTarget(null);
      setReason('');
    }
  }

  const submitOn = (action: () => void) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey || event.currentTarget.tagName === 'INPUT')) {
      event.preventDefault();
      action();
    } else if (event.key === 'Escape') {
      (event.target as HTMLElement).blur();
    }
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Actions">
      <Stack gap="sm">
        <Textarea
          ref={refs.note}
          label="Internal note (i)"
          description="Seen by the team only"
          autosize
          minRows={2}
          value={note}
          onChange={(event) => {
            setNote(event.currentTarget.value);
            onActivity();
          }}
          onKeyDown={submitOn(() => void addNote())}
          data-testid="note-text"
        />
        <Group justify="flex-end">
          <Button size="xs" variant="default" onClick={() => void addNote()} loading={busy === 'note'} disabled={!note.trim()}>
            Add note
          </Button>
        </Group>
        <Group align="flex-end" gap="xs">
          <Select
            ref={refs.escalate}
            label="Escalate to (e)"
            placeholder="A queue or the market manager"
            data={[{ value: TO_MANAGER, label: 'The market manager' }, ...queues.map((queue) => ({ value: queue.id, label: queue.name }))]}
            value={target}
            onChange={setTarget}
            searchable
            w={240}
            data-testid="escalate-target"
          />
          <TextInput label="Reason" placeholder="Kept as a note" value={reason} onChange={(event) => setReason(event.currentTarget.value)} onKeyDown={submitOn(() => void escalate())} style={{ flex: 1 }} />
          <Button variant="light" color="orange" onClick={() => void escalate()} loading={busy === 'escalate'} disabled={!target}>
            Escalate
          </Button>
        </Group>
        <Group align="flex-end" gap="xs">
          <Select
            ref={refs.snooze}
            label="Snooze for (s)"
            placeholder="Pick, then Enter"
            data={SNOOZE_CHOICES.map((choice) => ({ value: String(choice.ms), label: choice.label }))}
            value={null}
            onChange={(value) => value && onSnooze(new Date(Date.now() + Number(value)))}
            w={240}
            data-testid="snooze-choice"
          />
          <Button color="green" ml="auto" onClick={onResolve} loading={busy === 'resolve'}>
            Resolve <Kbd ml={6} size="xs">x</Kbd>
          </Button>
        </Group>
        {error && (
          <Alert color="red" p="xs" data-testid="action-error">
            {error}
          </Alert>
        )}
        <Text size="xs" c="dimmed">
          Notes: <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> adds; escalation: Enter in the reason sends.
        </Text>
      </Stack>
    </Paper>
  );
}
