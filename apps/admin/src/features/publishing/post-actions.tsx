import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Paper, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PostDetailFragment } from '../../gql/graphql';
import {
  ApprovePostMutation,
  ArchivePostMutation,
  CommentOnPostMutation,
  RejectPostMutation,
  RequestPostChangesMutation,
  SubmitPostMutation,
  WithdrawPostMutation,
} from './post-mutations.graphql';
import { apiErrorsOf } from '../../shared/api-field-errors';
import type { PostUiAction } from './post-model';
import { ApprovalsInboxQuery, PostsQuery } from './posts.graphql';

/**
 * The buttons `postUiActions` allows, sharing one comment box: a decision may carry it, a
 * request for changes needs it. Each passes back the version the user saw (CONFLICT otherwise).
 */
export function PostActions({ post, actions }: { post: PostDetailFragment; actions: readonly PostUiAction[] }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [commentError, setCommentError] = useState<string | null>(null);
  const options = { refetchQueries: [PostsQuery, ApprovalsInboxQuery] };
  const [approve, approving] = useMutation(ApprovePostMutation, options);
  const [requestChanges, requesting] = useMutation(RequestPostChangesMutation, options);
  const [reject, rejecting] = useMutation(RejectPostMutation, options);
  const [withdraw, withdrawing] = useMutation(WithdrawPostMutation, options);
  const [archive, archiving] = useMutation(ArchivePostMutation, options);
  const [submit, submitting] = useMutation(SubmitPostMutation, options);
  const [addComment, commenting] = useMutation(CommentOnPostMutation);
  const busy = [approving, requesting, rejecting, withdrawing, archiving, submitting, commenting].some((state) => state.loading);
  const has = (action: PostUiAction) => actions.includes(action);
  const text = comment.trim() === '' ? null : comment.trim();
  const base = { id: post.id, version: post.version };

  async function run(action: () => Promise<unknown>) {
    setError(null);
    setCommentError(null);
    try {
      await action();
      setComment('');
    } catch (failure) {
      const { fields, general } = apiErrorsOf(failure);
      setCommentError(fields.comment?.join(' ') ?? null);
      setError(general ?? (Object.keys(fields).length > 0 ? Object.values(fields).flat().join(' ') : null));
    }
  }

  if (actions.length === 0) return null;
  const speaks = has('comment') || has('approve') || has('requestChanges') || has('reject') || has('withdraw');
  return (
    <Paper withBorder radius="md" p="sm" data-testid="post-actions">
      <Stack gap="xs">
        {speaks && <Textarea label="Comment" autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} error={commentError} />}
        {error && (
          <Alert color="red" data-testid="action-error">
            {error}
          </Alert>
        )}
        <Group gap="xs">
          {has('approve') && (
            <Button color="teal" loading={busy} onClick={() => void run(() => approve({ variables: { ...base, comment: text } }))}>
              Approve
            </Button>
          )}
          {has('requestChanges') && (
            <Button
              color="orange"
              variant="light"
              loading={busy}
              onClick={() => (text ? void run(() => requestChanges({ variables: { ...base, comment: text } })) : setCommentError('Say what to change'))}
            >
              Request changes
            </Button>
          )}
          {has('reject') && (
            <Button color="red" variant="light" loading={busy} onClick={() => void run(() => reject({ variables: { ...base, comment: text } }))}>
              Reject
            </Button>
          )}
          {has('edit') && (
            <Button variant="default" component={Link} to={`/content/posts/${post.id}/edit`}>
              Edit
            </Button>
          )}
          {has('submit') && (
            <Button loading={busy} onClick={() => void run(() => submit({ variables: base }))}>
              Submit for approval
            </Button>
          )}
          {has('withdraw') && (
            <Button variant="default" loading={busy} onClick={() => void run(() => withdraw({ variables: { ...base, comment: text } }))}>
              Withdraw
            </Button>
          )}
          {has('archive') && (
            <Button variant="default" color="gray" loading={busy} onClick={() => void run(() => archive({ variables: base }))}>
              Archive
            </Button>
          )}
          {has('comment') && (
            <Button
              variant="subtle"
              loading={busy}
              onClick={() => (text ? void run(() => addComment({ variables: { id: post.id, comment: text } })) : setCommentError('Write a comment first'))}
            >
              Add comment
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
