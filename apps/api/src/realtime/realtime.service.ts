import { EventEmitter, on } from 'node:events';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { Client } from 'pg';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { parseRealtimeEvent, REALTIME_CHANNEL, type RealtimeEvent, type RealtimeEventType } from './realtime-events';

const RECONNECT_DELAY_MS = 1_000;

/**
 * Hears the realtime channel on one dedicated connection per instance and fans the events out
 * to this instance's subscriptions. Events sent while the connection was down are lost: a
 * subscription is a hint to refresh, the queries stay the truth.
 */
@Injectable()
export class RealtimeService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly local = new EventEmitter();
  private listener: Client | null = null;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(RealtimeService.name);
    // Every open subscription listens: the default cap of 10 would only warn.
    this.local.setMaxListeners(0);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.local.emit('close');
    await this.listener?.end().catch(() => undefined);
  }

  /** The events of one type, as they commit anywhere, until the consumer returns or the app stops. */
  async *events(type: RealtimeEventType): AsyncGenerator<RealtimeEvent> {
    for await (const [event] of on(this.local, type, { close: ['close'] })) yield event as RealtimeEvent;
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'pivot-api-realtime' });
    client.on('notification', (message) => {
      const event = message.channel === REALTIME_CHANNEL ? parseRealtimeEvent(message.payload) : null;
      if (event) this.local.emit(event.type, event);
    });
    client.on('error', (error) => {
      if (!this.stopped) this.logger.warn({ err: error }, 'realtime listener connection lost');
    });
    client.on('end', () => {
      if (!this.stopped) setTimeout(() => void this.reconnect(), RECONNECT_DELAY_MS).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${REALTIME_CHANNEL}`);
    this.listener = client;
  }

  private async reconnect(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.listen();
      this.logger.info('realtime listener reconnected');
    } catch (error) {
      this.logger.warn({ err: error }, 'realtime listener reconnect failed; retrying');
      setTimeout(() => void this.reconnect(), RECONNECT_DELAY_MS).unref();
    }
  }
}
