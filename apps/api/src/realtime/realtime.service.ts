import { EventEmitter, on } from 'node:events';
import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PgListener } from '../database/pg-listener.service';
import { parseRealtimeEvent, REALTIME_CHANNEL, type RealtimeEvent, type RealtimeEventType } from './realtime-events';

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

  /** The events of one type, as they commit anywhere, until the consumer returns or the app stops. */
  async *events(type: RealtimeEventType): AsyncGenerator<RealtimeEvent> {
    for await (const [event] of on(this.local, type, { close: ['close'] })) yield event as RealtimeEvent;
  }
}
