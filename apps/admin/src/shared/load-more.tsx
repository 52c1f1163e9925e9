import { Button, type MantineSpacing } from '@mantine/core';

/** The part of a Relay-style connection's pageInfo that paging needs. */
export interface NextPageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

/** A query's fetchMore, as far as asking for the page after a cursor goes. */
export type FetchNextPage = (options: { variables: { after: string } }) => Promise<unknown>;

interface LoadMoreProps {
  pageInfo: NextPageInfo | undefined;
  /** The query is on its way (a first load, a refetch or the previous page). */
  loading: boolean;
  fetchMore: FetchNextPage;
  label?: string;
  mt?: MantineSpacing;
}

/**
 * "Load more" under a paged list, shown while the connection has a next page: it asks for the
 * page after the end cursor, which the cache appends to the list (apollo-client.ts). A refusal
 * or an unreachable API is told by the global error toast, so nothing more is done here.
 */
export function LoadMoreButton({ pageInfo, loading, fetchMore, label = 'Load more', mt }: LoadMoreProps) {
  const after = pageInfo?.hasNextPage ? pageInfo.endCursor : null;
  if (!after) return null;
  return (
    <Button mt={mt} variant="default" loading={loading} onClick={() => void fetchMore({ variables: { after } }).catch(() => undefined)}>
      {label}
    </Button>
  );
}
