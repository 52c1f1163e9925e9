import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { PostState } from '@pivot/domain';
import { Link } from 'react-router';
import type { PostSummaryFragment } from '../../gql/graphql';
import { LoadMoreButton, type FetchNextPage, type NextPageInfo } from '../../shared/load-more';
import { excerpt, STATE_COLORS, STATE_LABELS } from './post-model';

export interface PostConnectionView {
  edges: readonly { node: PostSummaryFragment }[];
  pageInfo: NextPageInfo;
  totalCount: number;
}

export function StateBadge({ state }: { state: PostState }) {
  return (
    <Badge color={STATE_COLORS[state]} variant="light" data-testid="post-state">
      {STATE_LABELS[state]}
    </Badge>
  );
}

/** Posts as cards linking to their detail, with "Load more" for the next page of the connection. */
export function PostCards({
  connection,
  loading,
  fetchMore,
  empty,
  order,
}: {
  connection: PostConnectionView | undefined;
  loading: boolean;
  fetchMore: FetchNextPage;
  empty: string;
  order: string;
}) {
  const posts = connection?.edges.map((edge) => edge.node) ?? [];
  return (
    <Stack gap="xs">
      {connection && (
        <Text size="sm" c="dimmed" data-testid="post-count">
          {posts.length} of {connection.totalCount} posts, {order}
        </Text>
      )}
      {connection && posts.length === 0 && <Text c="dimmed">{empty}</Text>}
      <Stack gap="xs" data-testid="post-list">
        {posts.map((post) => (
          <Paper key={post.id} withBorder radius="md" p="sm" component={Link} to={`/content/posts/${post.id}`} data-testid="post-row" data-post-id={post.id}>
            <Group justify="space-between" wrap="nowrap">
              <Stack gap={2}>
                <Text size="sm" fw={500}>
                  {excerpt(post.body)}
                </Text>
                <Text size="xs" c="dimmed">
                  {post.targets.map((page) => `${page.name} · ${page.network}`).join(', ')} · {post.locale}
                </Text>
              </Stack>
              <Stack gap={2} align="flex-end">
                <StateBadge state={post.state} />
                <Text size="xs" c="dimmed">
                  <time dateTime={post.submittedAt ?? post.updatedAt}>{new Date(post.submittedAt ?? post.updatedAt).toLocaleString()}</time>
                </Text>
              </Stack>
            </Group>
          </Paper>
        ))}
      </Stack>
      <LoadMoreButton pageInfo={connection?.pageInfo} loading={loading} fetchMore={fetchMore} />
    </Stack>
  );
}
