import { useMutation } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { asSubject, isEditable } from '@pivot/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAbility } from '../../app/ability';
import type { PostDetailFragment } from '../../gql/graphql';
import { apiErrorsOf } from '../../shared/api-field-errors';
import { CascadeDialog } from './cascade-dialog';
import { excerpt } from './post-model';
import { PostsQuery } from './posts.graphql';
import { diffParts, diffSummary, mayCascade } from './rollout-model';
import { AcknowledgeGlobalChangeMutation, RolloutQuery } from './rollout.graphql';

const DIFF_STYLE = {
  insert: { background: 'var(--mantine-color-green-light)', textDecoration: 'none' },
  delete: { background: 'var(--mantine-color-red-light)', textDecoration: 'line-through' },
} as const;

/** The global text then → now: insertions highlighted green, deletions red and struck through. */
export function DiffView({ segments }: { segments: readonly { op: string; text: string }[] | null | undefined }) {
  const parts = diffParts(segments);
  return (
    <Stack gap={2}>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="global-diff">
        {parts.map((part, index) =>
          part.op === 'insert' ? (
            <ins key={index} style={DIFF_STYLE.insert} data-op="insert">
              {part.text}
            </ins>
          ) : part.op === 'delete' ? (
            <del key={index} style={DIFF_STYLE.delete} data-op="delete">
              {part.text}
            </del>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </Text>
      <Text size="xs" c="dimmed">
        {diffSummary(parts)}
      </Text>
    </Stack>
  );
}

/**
 * What a post's detail shows of the cascade: on a global post, the board and (for who may) the
 * dialog; on a child, its global post and, when that moved on, the diff and "Acknowledge".
 */
export function CascadePanel({ post }: { post: PostDetailFragment }) {
  const ability = useAbility();
  const [open, setOpen] = useState(false);
  const isGlobal = !post.parentPostId && post.targets.some((page) => page.kind === 'GLOBAL');
  if (post.parentPostId) return <ChildPanel post={post} />;
  if (!isGlobal) return null;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="cascade-panel">
      <Group justify="space-between">
        <Text size="sm">A global post: markets localize it from here.</Text>
        <Group gap="xs">
          <Button component={Link} to={`/content/posts/${post.id}/rollout`} size="xs" variant="default">
            Rollout board
          </Button>
          {mayCascade(ability, post) && (
            <Button size="xs" onClick={() => setOpen(true)}>
              Cascade to markets…
            </Button>
          )}
        </Group>
      </Group>
      {open && <CascadeDialog post={post} onClose={() => setOpen(false)} />}
    </Paper>
  );
}

function ChildPanel({ post }: { post: PostDetailFragment }) {
  const ability = useAbility();
  const [error, setError] = useState<string | null>(null);
  const [acknowledge, acknowledging] = useMutation(AcknowledgeGlobalChangeMutation, { refetchQueries: [PostsQuery, RolloutQuery] });
  const subject = asSubject('Post', { id: post.id, brandId: post.brandId, scopeIds: [...post.scopeIds], authorId: post.authorId });
  const editable = isEditable(post.state);
  const mayUpdate = ability.can('update', subject);

  async function run() {
    setError(null);
    try {
      await acknowledge({ variables: { id: post.id, version: post.version } });
    } catch (failure) {
      setError(apiErrorsOf(failure).general ?? 'The change could not be acknowledged.');
    }
  }

  return (
    <Paper withBorder radius="md" p="sm" data-testid="cascade-child">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm">
            Localizes a global post{post.parentPost ? ': ' : '.'}
            {post.parentPost && (
              <Link to={`/content/posts/${post.parentPost.id}`} data-testid="parent-post-link">
                {excerpt(post.parentPost.body, 60)}
              </Link>
            )}
          </Text>
          <Button component={Link} to={`/content/posts/${post.parentPostId}/rollout`} size="xs" variant="default">
            Rollout board
          </Button>
        </Group>
        {post.globalChanged && (
          <Alert color="yellow" title="Global changed" data-testid="global-changed">
            <Stack gap="xs">
              <Text size="sm">The global post changed since this one localized it. Carry the change over, then acknowledge it.</Text>
              <DiffView segments={post.globalDiff} />
              {error && (
                <Text size="sm" c="red" data-testid="acknowledge-error">
                  {error}
                </Text>
              )}
              {mayUpdate &&
                (editable ? (
                  <Group>
                    <Button size="xs" onClick={() => void run()} loading={acknowledging.loading}>
                      Acknowledge
                    </Button>
                  </Group>
                ) : (
                  <Badge color="gray" variant="light">
                    withdraw it to a draft to take the change
                  </Badge>
                ))}
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
