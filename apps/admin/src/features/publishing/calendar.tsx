import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useCurrentBrand } from '../../app/brand-context';
import type { CalendarPostFragment } from '../../gql/graphql';
import { LoadMoreButton } from '../../shared/load-more';
import { ScreenLoader } from '../../shared/screen-loader';
import { useBrandTree } from '../hierarchy/use-brand-tree';
import { CALENDAR_STATES, calendarRange, dayKey, isHeld, postsByDay, shiftAnchor, type CalendarView } from './calendar-model';
import { CalendarPostsQuery } from './calendar.graphql';
import { excerpt, STATE_COLORS, STATE_LABELS } from './post-model';
import { PublishingFreezesQuery } from './publishing-freeze.graphql';

// The most the API gives at once; a brand-wide month past it is read a page more at a time.
const PAGE_SIZE = 200;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Reads `?view=&date=YYYY-MM-DD&market=` so a calendar can be linked to (and reloaded) as it is. */
function useCalendarParams() {
  const [params, setParams] = useSearchParams();
  const view: CalendarView = params.get('view') === 'month' ? 'month' : 'week';
  const date = params.get('date');
  const parsed = date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00`) : null;
  const anchor = parsed && !Number.isNaN(parsed.getTime()) ? parsed : new Date();
  const market = params.get('market');
  const update = (next: { view?: CalendarView; anchor?: Date; market?: string | null }) => {
    const merged = new URLSearchParams(params);
    merged.set('view', next.view ?? view);
    merged.set('date', dayKey(next.anchor ?? anchor));
    const chosen = next.market === undefined ? market : next.market;
    if (chosen) merged.set('market', chosen);
    else merged.delete('market');
    setParams(merged, { replace: true });
  };
  return { view, anchor, market, update };
}

/** `content/calendar`: scheduled posts (and those sent or failed) by day, for one market or every market the user reads. */
export function CalendarScreen() {
  const brand = useCurrentBrand();
  const tree = useBrandTree();
  const { view, anchor, market, update } = useCalendarParams();
  const range = useMemo(() => calendarRange(view, anchor), [view, anchor]);
  const filter = {
    brandId: brand.id,
    states: [...CALENDAR_STATES],
    publishFrom: range.from.toISOString(),
    publishBefore: range.before.toISOString(),
    ...(market ? { underPageId: market } : {}),
  };
  const { data, loading, error, fetchMore } = useQuery(CalendarPostsQuery, { variables: { first: PAGE_SIZE, filter }, notifyOnNetworkStatusChange: true });
  const freezes = useQuery(PublishingFreezesQuery, { variables: { brandId: brand.id } });
  const markets = useMemo(() => (tree.data?.brand.pages ?? []).filter((page) => page.kind === 'MARKET' && page.status === 'ACTIVE'), [tree.data]);
  const byDay = useMemo(() => postsByDay(data?.posts.edges.map((edge) => edge.node) ?? []), [data]);
  const today = dayKey(new Date());
  const title =
    view === 'week'
      ? `${range.days[0]!.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })} – ${range.days[6]!.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}`
      : anchor.toLocaleDateString(undefined, { month: 'long', year: 'numeric' });

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={3} data-testid="calendar-title">
          Calendar · {title}
        </Title>
        <Group align="flex-end">
          <Select
            label="Market"
            placeholder="Every market I may read"
            data={markets.map((page) => ({ value: page.id, label: `${page.name} · ${page.network}` }))}
            value={market}
            onChange={(value) => update({ market: value })}
            searchable
            clearable
            w={300}
          />
          <SegmentedControl aria-label="Calendar view" data={[{ value: 'week', label: 'Week' }, { value: 'month', label: 'Month' }]} value={view} onChange={(value) => update({ view: value as CalendarView })} />
          <Button.Group>
            <Button variant="default" onClick={() => update({ anchor: shiftAnchor(view, anchor, -1) })}>
              Previous
            </Button>
            <Button variant="default" onClick={() => update({ anchor: new Date() })}>
              Today
            </Button>
            <Button variant="default" onClick={() => update({ anchor: shiftAnchor(view, anchor, 1) })}>
              Next
            </Button>
          </Button.Group>
        </Group>
      </Group>
      {error && !data && <Alert color="red">{error.message}</Alert>}
      {!data && loading && <ScreenLoader label="Loading the calendar…" />}
      {data && (
        <Text size="sm" c="dimmed" data-testid="calendar-count">
          {data.posts.edges.length} of {data.posts.totalCount} posts scheduled, published or failed in these days
        </Text>
      )}
      <SimpleGrid cols={7} spacing={4} verticalSpacing={4} data-testid="calendar-grid" data-view={view}>
        {WEEKDAYS.map((weekday) => (
          <Text key={weekday} size="xs" fw={600} c="dimmed" ta="center">
            {weekday}
          </Text>
        ))}
        {range.days.map((day) => {
          const key = dayKey(day);
          const outside = view === 'month' && day.getMonth() !== anchor.getMonth();
          return (
            <Paper key={key} withBorder radius="sm" p={6} mih={view === 'week' ? 260 : 110} bg={key === today ? 'var(--mantine-color-blue-light)' : undefined} opacity={outside ? 0.55 : 1} data-testid="calendar-day" data-day={key}>
              <Text size="xs" fw={600} mb={4}>
                {day.getDate()}
              </Text>
              <Stack gap={4}>
                {(byDay.get(key) ?? []).map((post) => (
                  <CalendarEntry key={post.id} post={post} held={isHeld(post, freezes.data?.publishingFreezes ?? [])} />
                ))}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
      <LoadMoreButton pageInfo={data?.posts.pageInfo} loading={loading} fetchMore={fetchMore} />
    </Stack>
  );
}

function CalendarEntry({ post, held }: { post: CalendarPostFragment; held: boolean }) {
  const time = new Date(post.publishAt!).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return (
    <Paper component={Link} to={`/content/posts/${post.id}`} withBorder radius="xs" p={4} style={{ color: 'inherit', textDecoration: 'none' }} data-testid="calendar-entry" data-post-id={post.id} data-state={post.state} data-held={held}>
      <Group gap={4} wrap="nowrap">
        <Badge size="xs" color={STATE_COLORS[post.state]} variant="light">
          {STATE_LABELS[post.state]}
        </Badge>
        {held && (
          <Badge size="xs" color="orange" variant="filled" data-testid="calendar-held">
            held
          </Badge>
        )}
      </Group>
      <Text size="xs" fw={500}>
        <time dateTime={post.publishAt!}>{time}</time> {excerpt(post.body, 48)}
      </Text>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {post.targets.map((page) => page.name).join(', ')}
      </Text>
    </Paper>
  );
}
