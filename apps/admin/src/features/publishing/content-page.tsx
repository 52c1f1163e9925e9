import { useQuery } from '@apollo/client/react';
import { Button, Group, Stack, Title } from '@mantine/core';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { useAbility } from '../../app/ability';
import { useCurrentBrand } from '../../app/brand-context';
import { ShellQuery } from '../../app/shell.graphql';
import { ScreenLoader } from '../../shared/screen-loader';
import { CalendarScreen } from './calendar';
import { ComposerScreen } from './composer';
import { PostDetailScreen } from './post-detail';
import { ApprovalsInboxScreen, PostsScreen } from './post-lists';
import { FreezeBanner, FreezeSwitchScreen, mayFreeze } from './publishing-freeze';
import { RolloutBoardScreen } from './rollout-board';

const TABS = [
  { to: '/content', label: 'My drafts' },
  { to: '/content/posts', label: 'All posts' },
  { to: '/content/approvals', label: 'Approvals' },
  { to: '/content/calendar', label: 'Calendar' },
];

/** The Content area: drafts, posts, the approvals inbox, the calendar, the freeze switch, the composer, a post's detail and its rollout board. */
export default function ContentPage() {
  const ability = useAbility();
  const brand = useCurrentBrand();
  const location = useLocation();
  const { data } = useQuery(ShellQuery, { fetchPolicy: 'cache-first' });
  if (!data) return <ScreenLoader />;
  const userId = data.me.id;
  const freezer = mayFreeze(ability, brand.id);
  const tabs = freezer ? [...TABS, { to: '/content/freeze', label: 'Freeze' }] : TABS;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Content</Title>
        {ability.can('create', 'Post') && (
          <Button component={Link} to="/content/new">
            New post
          </Button>
        )}
      </Group>
      <Group gap="xs" role="navigation" aria-label="Content views">
        {tabs.map((tab) => (
          <Button key={tab.to} component={Link} to={tab.to} size="xs" variant={location.pathname === tab.to ? 'filled' : 'default'}>
            {tab.label}
          </Button>
        ))}
      </Group>
      <FreezeBanner />
      <Routes>
        <Route index element={<PostsScreen mine userId={userId} />} />
        <Route path="posts" element={<PostsScreen mine={false} userId={userId} />} />
        <Route path="approvals" element={<ApprovalsInboxScreen />} />
        <Route path="calendar" element={<CalendarScreen />} />
        {freezer && <Route path="freeze" element={<FreezeSwitchScreen />} />}
        <Route path="new" element={<ComposerScreen userId={userId} />} />
        <Route path="posts/:id" element={<PostDetailScreen userId={userId} />} />
        <Route path="posts/:id/edit" element={<ComposerScreen userId={userId} />} />
        <Route path="posts/:id/rollout" element={<RolloutBoardScreen />} />
        <Route path="*" element={<Navigate to="/content" replace />} />
      </Routes>
    </Stack>
  );
}
