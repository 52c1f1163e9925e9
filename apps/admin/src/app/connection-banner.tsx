import { Alert, Box, Button, Group, Text } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { connectionLost, retryNow, subscribeConnection } from './connection-status';

/**
 * "Connection lost, retrying" while the API cannot be reached; gone with the first answer.
 * The polite live region is always in the page, so screen readers announce the banner when it
 * comes; it takes role="status" only while shown, so it is no extra status on a healthy screen.
 */
export function ConnectionBanner() {
  const lost = useSyncExternalStore(subscribeConnection, connectionLost);
  return (
    <Box aria-live="polite" pos="fixed" top={8} left={8} right={8} style={{ zIndex: 1000, pointerEvents: 'none' }}>
      {lost && (
        <Alert color="orange" variant="filled" maw={560} mx="auto" role="status" data-testid="connection-banner" style={{ pointerEvents: 'auto' }}>
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm">Connection to the server lost. Retrying…</Text>
            <Button size="xs" variant="white" color="orange" onClick={retryNow}>
              Retry now
            </Button>
          </Group>
        </Alert>
      )}
    </Box>
  );
}
