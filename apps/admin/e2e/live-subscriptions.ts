import { expect, type Page, type WebSocket } from '@playwright/test';

/**
 * The subscriptions each open page has running, read from its graphql-ws frames: started by
 * `subscribe`, ended by `complete` (either side) or `error`, or with the socket.
 */
const running = new Map<Page, Map<WebSocket, Set<string>>>();

function frameOf(payload: string | Buffer): { id?: string; type?: string } {
  try {
    return JSON.parse(payload.toString()) as { id?: string; type?: string };
  } catch {
    return {};
  }
}

/** Follows the page's sockets from now on (call before it opens them: openAs and the page fixture do). */
export function trackSubscriptions(page: Page): void {
  if (running.has(page)) return;
  const sockets = new Map<WebSocket, Set<string>>();
  running.set(page, sockets);
  page.on('close', () => running.delete(page));
  page.on('websocket', (socket) => {
    const ids = new Set<string>();
    sockets.set(socket, ids);
    socket.on('framesent', ({ payload }) => {
      const frame = frameOf(payload);
      if (frame.type === 'subscribe' && frame.id) ids.add(frame.id);
      if (frame.type === 'complete' && frame.id) ids.delete(frame.id);
    });
    socket.on('framereceived', ({ payload }) => {
      const frame = frameOf(payload);
      if ((frame.type === 'complete' || frame.type === 'error') && frame.id) ids.delete(frame.id);
    });
    socket.on('close', () => sockets.delete(socket));
  });
}

function runningOn(page: Page): number {
  return [...(running.get(page)?.values() ?? [])].reduce((sum, ids) => sum + ids.size, 0);
}

/**
 * Waits until the page has asked for its subscriptions and the API has set up as many as every
 * open page asked for: from then on it hears what the test sends (GET /health/subscriptions,
 * NODE_ENV=test). connection_ack alone is not enough: the subscription is set up after it.
 */
export async function waitUntilSubscribed(page: Page): Promise<void> {
  await expect.poll(() => runningOn(page), { message: 'the page subscribes' }).toBeGreaterThan(0);
  await expect
    .poll(
      async () => {
        const asked = [...running.keys()].reduce((sum, open) => sum + runningOn(open), 0);
        const { listening } = (await (await fetch(`${process.env.PIVOT_API_URL}/health/subscriptions`)).json()) as { listening: number };
        return listening >= asked;
      },
      { message: 'the API listens for every subscription the open pages asked for' },
    )
    .toBe(true);
}
