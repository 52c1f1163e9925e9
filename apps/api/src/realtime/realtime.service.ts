import { EventEmitter, on } from 'node:events';
import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PgListener } from '../database/pg-listener.service';
import { parseRealtimeEvent, REALTIME_CHANNEL, REALTIME_EVENT_TYPES, type RealtimeEvent, type RealtimeEventType } from './realtime-events';

/**
 * Fans the realtime channel out to this instance's subscriptions. Events sent while the
 * listener was reconnecting are lost: a subscription is a hint to refresh, the queries stay
 * the truth.
 */
@Injectable()
export class RealtimeService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly local = new EventEmitter();

  constructor(private readonly listener: PgListener) {
    // Every open subscription listens: the default cap of 10 would only warn.
    this.local.setMaxListeners(0);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listener.listen(REALTIME_CHANNEL, {
      onMessage: (payload) => {
        const event = parseRealtimeEvent(payload);
        if (event) this.local.emit(event.type, event);
      },
    });
  }

  onApplicationShutdown(): void {
    this.local.emit('close');
  }

  /**
   * The events of one type, as they commit anywhere, until `signal` aborts or the app stops.
   * The listener is added at once and removed the moment `signal` aborts, even while waiting
   * for an event: a generator's return() would only run at its next yield, holding the
   * listener of a closed subscription until the next event of its type.
   */
  async *events(type: RealtimeEventType, signal: AbortSignal): AsyncGenerator<RealtimeEvent> {
    try {
      for await (const [event] of on(this.local, type, { close: ['close'], signal })) yield event as RealtimeEvent;
    } catch (error) {
      if (!signal.aborted) throw error;
    }
  }

  /** Subscriptions of this instance listening for `type` now (tests wait on it). */
  listenerCount(type: RealtimeEventType): number {
    return this.local.listenerCount(type);
  }

  /** Subscriptions of this instance listening now, of every type. */
  listening(): number {
    return REALTIME_EVENT_TYPES.reduce((sum, type) => sum + this.local.listenerCount(type), 0);
  }
}
