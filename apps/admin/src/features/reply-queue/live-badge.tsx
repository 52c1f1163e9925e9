import { Badge } from '@mantine/core';
import type { LiveStatus } from '../../app/live-connection';

const LIVE_BADGE: Record<LiveStatus, { color: string; label: string }> = {
  live: { color: 'green', label: 'Live' },
  connecting: { color: 'yellow', label: 'Connecting…' },
  offline: { color: 'red', label: 'Offline' },
};

/** The socket's state, so a user knows whether the screen follows changes by itself. */
export function LiveBadge({ status, title }: { status: LiveStatus; title: string }) {
  const live = LIVE_BADGE[status];
  return (
    <Badge color={live.color} variant="dot" size="lg" data-testid="live-status" data-status={status} title={title}>
      {live.label}
    </Badge>
  );
}
