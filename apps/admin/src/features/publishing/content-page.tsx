import { useQuery } from '@apollo/client/react';
import { Button, Group, Stack, Title } from '@mantine/core';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { useAbility } from '../../app/ability';
import { ScreenLoader } from '../../app/app-shell';
import { ShellQuery } from '../../app/shell.graphql';
import { ComposerScreen } from './composer';
import { PostDetailScreen } from './post-detail';
import { ApprovalsInboxScreen, PostsScreen } from './post-lists';

const TABS = [
  { to: '/content', label: 'My drafts' },
  { to: '/content/posts', label: 'All posts' },
  { to: '/content/approvals', label: 'Approvals' },
];

/** The Content area: drafts, posts, the approvals inbox, the composer and a post's detail. */
export default function ContentPage() {
  const ability = useAbility();
  const location = useLocation();
  const { data } = useQuery(ShellQuery, { fetchPolicy: 'cache-first' });
  if (!data) return <ScreenLoader />;
  const userId = data.me.id;
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
        {TABS.map((tab) => (
          <Button key={tab.to} component={Link} to={tab.to} size="xs" variant={location.pathname === tab.to ? 'filled' : 'default'}>
            {tab.label}
          </Button>
        ))}
      </Group>
      <Routes>
        <Route index element={<PostsScreen mine userId={userId} />} />
        <Route path="posts" element={<PostsScreen mine={false} userId={userId} />} />
        <Route path="approvals" element={<ApprovalsInboxScreen />} />
        <Route path="new" element={<ComposerScreen userId={userId} />} />
        <Route path="posts/:id" element={<PostDetailScreen userId={userId} />} />
        <Route path="posts/:id/edit" element={<ComposerScreen userId={userId} />} />
        <Route path="*" element={<Navigate to="/content" replace />} />
      </Routes>
    </Stack>
  );
}
