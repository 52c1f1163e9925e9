import { useEffect, useRef, useSyncExternalStore } from 'react';
import { liveStatus, subscribeLiveStatus, type LiveStatus } from '../../app/live-connection';

/**
 * The socket's state for a screen's "live" indicator; `resync` runs when it is live again after
 * being cut off (not on the first connection): deliveries may have been missed meanwhile.
 */
export function useLiveStatus(resync: () => void): LiveStatus {
  const status = useSyncExternalStore(subscribeLiveStatus, liveStatus);
  const wasLive = useRef(false);
  const cutOff = useRef(false);
  useEffect(() => {
    if (status === 'live') {
      if (wasLive.current && cutOff.current) resync();
      wasLive.current = true;
      cutOff.current = false;
    } else if (wasLive.current) {
      cutOff.current = true;
    }
  }, [status, resync]);
  return status;
}
