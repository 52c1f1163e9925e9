import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { PostDetailFragment } from '../../gql/graphql';
import { apiErrorsOf } from '../../shared/api-field-errors';
import type { PostScheduleAction } from './post-model';
import { RetryPostMutation, SchedulePostMutation, UnschedulePostMutation } from './post-schedule.graphql';
import { PostsQuery } from './posts.graphql';

/** `<input type="datetime-local">` speaks local wall time without a zone: "2026-12-01T14:30". */
function localInputValue(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** When an approved post goes out: set or change its time, take it off the schedule, or retry what failed. */
export function PostScheduleActions({ post, actions }: { post: PostDetailFragment; actions: readonly PostScheduleAction[] }) {
  const [at, setAt] = useState(localInputValue(post.publishAt));
  const [error, setError] = useState<string | null>(null);
  const [timeError, setTimeError] = useState<string | null>(null);
  const options = { refetchQueries: [PostsQuery] };
  const [schedule, scheduling] = useMutation(SchedulePostMutation, options);
  const [unschedule, unscheduling] = useMutation(UnschedulePostMutation, options);
  const [retry, retrying] = useMutation(RetryPostMutation, options);
  const busy = scheduling.loading || unscheduling.loading || retrying.loading;
  const base = { id: post.id, version: post.version };

  async function run(action: () => Promise<unknown>) {
    setError(null);
    setTimeError(null);
    try {
      await action();
    } catch (failure) {
      const { fields, general } = apiErrorsOf(failure);
      setTimeError(fields.publishAt?.join(' ') ?? null);
      setError(general);
    }
  }

  if (actions.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="post-schedule">
      <Stack gap="xs">
        {post.publishAt && post.state === 'SCHEDULED' && (
          <Text size="sm" data-testid="publish-at">
            Goes out <time dateTime={post.publishAt}>{new Date(post.publishAt).toLocaleString()}</time>
          </Text>
        )}
        {error && (
          <Alert color="red" data-testid="schedule-error">
            {error}
          </Alert>
        )}
        <Group gap="xs" align="flex-end">
          {actions.includes('schedule') && (
            <>
              <TextInput type="datetime-local" label="Publish at" value={at} onChange={(e) => setAt(e.currentTarget.value)} error={timeError} />
              <Button
                loading={busy}
                onClick={() =>
                  at ? void run(() => schedule({ variables: { ...base, publishAt: new Date(at).toISOString() } })) : setTimeError('Pick a time')
                }
              >
                {post.state === 'SCHEDULED' ? 'Change time' : 'Schedule'}
              </Button>
            </>
          )}
          {actions.includes('unschedule') && (
            <Button variant="default" loading={busy} onClick={() => void run(() => unschedule({ variables: base }))}>
              Unschedule
            </Button>
          )}
          {actions.includes('retry') && (
            <Button color="orange" loading={busy} onClick={() => void run(() => retry({ variables: base }))}>
              Retry failed pages
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
