import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Checkbox, Group, List, Modal, MultiSelect, Progress, ScrollArea, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { PostDetailFragment } from '../../gql/graphql';
import { apiErrorsOf } from '../../shared/api-field-errors';
import { useBrandTree } from '../hierarchy/use-brand-tree';
import { PostQuery } from './posts.graphql';
import { cascadeChoices, cascadeTargetIds, jobProgress, jobRunning } from './rollout-model';
import { CascadeJobQuery, CascadePostMutation, RolloutQuery } from './rollout.graphql';

const POLL_MS = 500;

/**
 * "Cascade to markets…": pick markets (and, under each, segment pages if the child should go
 * there instead), start the job, watch its progress, then open the rollout board.
 */
export function CascadeDialog({ post, onClose }: { post: PostDetailFragment; onClose: () => void }) {
  const tree = useBrandTree();
  const choices = useMemo(() => cascadeChoices(tree.data?.brand.pages ?? [], post.targets.filter((page) => page.kind === 'GLOBAL').map((page) => page.id)), [tree.data, post.targets]);
  const [markets, setMarkets] = useState<string[]>([]);
  const [segments, setSegments] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [cascade, starting] = useMutation(CascadePostMutation);
  const job = useQuery(CascadeJobQuery, { variables: { id: jobId ?? '' }, skip: !jobId, fetchPolicy: 'network-only' });
  const current = job.data?.cascadeJob ?? null;
  const running = !current || jobRunning(current);
  const { startPolling, stopPolling } = job;
  // Poll while the worker goes on; stop as soon as the job is finished.
  useEffect(() => {
    if (!jobId) return undefined;
    if (!running) return undefined;
    startPolling(POLL_MS);
    return () => stopPolling();
  }, [jobId, running, startPolling, stopPolling]);
  const pageName = (id: string) => tree.data?.brand.pages.find((page) => page.id === id)?.name ?? id;

  async function start() {
    setError(null);
    try {
      const { data } = await cascade({
        variables: { input: { postId: post.id, targetPageIds: cascadeTargetIds(markets, segments) } },
        // The timeline has the CASCADED entry now; the board its job.
        refetchQueries: [{ query: PostQuery, variables: { id: post.id } }, RolloutQuery],
      });
      setJobId(data!.cascadePost.id);
    } catch (failure) {
      const { fields, general } = apiErrorsOf(failure);
      setError(general ?? Object.values(fields).flat().join(' '));
    }
  }

  const toggle = (id: string, on: boolean) => setMarkets((chosen) => (on ? [...chosen, id] : chosen.filter((market) => market !== id)));
  const progress = current ? jobProgress(current) : null;
  return (
    <Modal opened onClose={onClose} title="Cascade to markets" size="lg">
      {!jobId ? (
        <Stack>
          <Text size="sm" c="dimmed">
            Each market picked gets a localized draft of this post, linked to it, that goes through the market&apos;s approval. Pick segment pages under a market to target them instead of the market page.
          </Text>
          <Group justify="space-between">
            <Text size="sm" data-testid="cascade-picked">
              {markets.length} of {choices.length} markets picked
            </Text>
            <Group gap="xs">
              <Button size="xs" variant="subtle" onClick={() => setMarkets(choices.map((choice) => choice.market.id))}>
                All markets
              </Button>
              <Button size="xs" variant="subtle" onClick={() => setMarkets([])}>
                None
              </Button>
            </Group>
          </Group>
          <ScrollArea.Autosize mah={380}>
            <Stack gap={6} data-testid="cascade-markets">
              {choices.map(({ market, segments: options }) => (
                <Group key={market.id} gap="sm" wrap="nowrap" align="center">
                  <Checkbox label={`${market.name} · ${market.network}`} checked={markets.includes(market.id)} onChange={(event) => toggle(market.id, event.currentTarget.checked)} w={260} />
                  {markets.includes(market.id) && options.length > 0 && (
                    <MultiSelect
                      aria-label={`Segment pages in ${market.name}`}
                      placeholder="The market page"
                      size="xs"
                      data={options.map((page) => ({ value: page.id, label: page.name }))}
                      value={segments[market.id] ?? []}
                      onChange={(value) => setSegments((chosen) => ({ ...chosen, [market.id]: value }))}
                      clearable
                      style={{ flex: 1 }}
                    />
                  )}
                </Group>
              ))}
            </Stack>
          </ScrollArea.Autosize>
          {error && (
            <Alert color="red" data-testid="cascade-error">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={() => void start()} loading={starting.loading} disabled={markets.length === 0}>
              Start cascade
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack data-testid="cascade-job" data-state={current?.state ?? 'QUEUED'}>
          <Progress value={progress?.percent ?? 0} animated={running} color={current?.failed ? 'orange' : 'blue'} aria-label="Cascade progress" />
          <Text size="sm" data-testid="cascade-progress">
            {progress?.label ?? 'Starting…'}
          </Text>
          {job.error && <Alert color="red">{job.error.message}</Alert>}
          {current && current.errors.length > 0 && (
            <Alert color="orange" title="Not localized" data-testid="cascade-errors">
              <List size="sm">
                {current.errors.map((item) => (
                  <List.Item key={item.pageId} data-testid="cascade-target-error" data-code={item.code}>
                    {pageName(item.pageId)}: {item.message} ({item.code})
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            {!running && (
              <Button component={Link} to={`/content/posts/${post.id}/rollout`} onClick={onClose}>
                Open the rollout board
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
