import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { SignInPage } from '../features/auth/sign-in-page';
import { AdminShell, HomeRedirect } from './app-shell';
import { RequireSession } from './require-session';

// One chunk per area: the map's geometry and d3 only load when the map is opened.
const PageTreePage = lazy(() => import('../features/hierarchy/page-tree-page'));
const CoverageMapPage = lazy(() => import('../features/coverage/coverage-map-page'));
const PivotSimulatorPage = lazy(() => import('../features/pivot/pivot-simulator-page'));
const TeamPage = lazy(() => import('../features/access/team-page'));
const AuditPage = lazy(() => import('../features/audit/audit-page'));
const ConversationsPage = lazy(() => import('../features/reply-queue/conversations-page'));
const ContentPage = lazy(() => import('../features/publishing/content-page'));
const ModeratorWorkspacePage = lazy(() => import('../features/reply-queue/workspace/moderator-workspace-page'));
const RoutingRulesPage = lazy(() => import('../features/reply-queue/routing/routing-rules-page'));
const QueueOverviewPage = lazy(() => import('../features/reply-queue/overview/queue-overview-page'));
const QueueEditorPage = lazy(() => import('../features/reply-queue/queues/queue-editor-page'));
const CannedResponsesPage = lazy(() => import('../features/reply-queue/canned/canned-responses-page'));
const InsightsPage = lazy(() => import('../features/insights/insights-page'));

export function createAdminRouter() {
  return createBrowserRouter([
    { path: '/sign-in', element: <SignInPage /> },
    {
      path: '/',
      element: (
        <RequireSession>
          <AdminShell />
        </RequireSession>
      ),
      children: [
        { index: true, element: <HomeRedirect /> },
        { path: 'pages', element: <PageTreePage /> },
        { path: 'coverage', element: <CoverageMapPage /> },
        { path: 'simulator', element: <PivotSimulatorPage /> },
        { path: 'content/*', element: <ContentPage /> },
        { path: 'reply-queues', element: <ConversationsPage /> },
        { path: 'reply-queues/work', element: <ModeratorWorkspacePage /> },
        { path: 'reply-queues/routing', element: <RoutingRulesPage /> },
        { path: 'reply-queues/canned', element: <CannedResponsesPage /> },
        { path: 'reply-queues/overview', element: <QueueOverviewPage /> },
        { path: 'reply-queues/queues', element: <QueueEditorPage /> },
        { path: 'team', element: <TeamPage /> },
        { path: 'audit', element: <AuditPage /> },
        { path: 'insights', element: <InsightsPage /> },
        { path: '*', element: <Navigate to="/pages" replace /> },
      ],
    },
  ]);
}
