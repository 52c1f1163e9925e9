import { useQuery } from '@apollo/client/react';
import { Alert, MultiSelect, Stack, Title } from '@mantine/core';
import { POST_STATES, type PostState } from '@pivot/domain';
import { useMemo, useState } from 'react';
import { useCurrentBrand } from '../../app/brand-context';
import { ScreenLoader } from '../../shared/screen-loader';
import { ApprovalsInboxQuery, PostsQuery } from './posts.graphql';
import { PostCards } from './post-list';
import { STATE_LABELS } from './post-model';

const PAGE_SIZE = 25;

/** Posts the caller may read, newest first; `mine` keeps the caller's own drafts and posts sent back to them. */
export function PostsScreen({ mine, userId }: { mine: boolean; userId: string }) {
  const brand = useCurrentBrand();
  const [states, setStates] = useState<PostState[]>([]);
  const filter = useMemo(
    () => (mine ? { brandId: brand.id, authorId: userId, states: ['DRAFT', 'CHANGES_REQUESTED'] as PostState[] } : { brandId: brand.id, ...(states.length > 0 ? { states } : {}) }),
    [mine, brand.id, userId, states],
  );
  const { data, loading, error, fetchMore } = useQuery(PostsQuery, { variables: { first: PAGE_SIZE, filter }, notifyOnNetworkStatusChange: true });
  return (
    <Stack>
      <Title order={3}>{mine ? 'My drafts' : 'Posts'}</Title>
      {!mine && (
        <MultiSelect
          label="States"
          placeholder="Any state"
          data={POST_STATES.map((state) => ({ value: state, label: STATE_LABELS[state] }))}
          value={states}
          onChange={(value) => setStates(value as PostState[])}
          clearable
          w={420}
        />
      )}
      {error && !data && <Alert color="red">{error.message}</Alert>}
      {!data && loading && <ScreenLoader label="Loading posts…" />}
      <PostCards
        connection={data?.posts}
        loading={loading}
        order="newest first"
        empty={mine ? 'No draft: start one with "New post".' : 'No post matches.'}
        fetchMore={fetchMore}
      />
    </Stack>
  );
}

/** What waits for the caller's decision, oldest submission first. */
export function ApprovalsInboxScreen() {
  const { data, loading, error, fetchMore } = useQuery(ApprovalsInboxQuery, { variables: { first: PAGE_SIZE }, notifyOnNetworkStatusChange: true });
  return (
    <Stack>
      <Title order={3}>Waiting for my approval</Title>
      {error && !data && <Alert color="red">{error.message}</Alert>}
      {!data && loading && <ScreenLoader label="Loading the inbox…" />}
      <PostCards
        connection={data?.approvalsInbox}
        loading={loading}
        order="oldest first"
        empty="Nothing waits for you."
        fetchMore={fetchMore}
      />
    </Stack>
  );
}
