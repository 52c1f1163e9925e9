import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { Client } from 'pg';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { DatabaseOutage } from './database-outage';

const RECONNECT_DELAY_MS = 1_000;
const CHANNEL = /^[a-z_][a-z0-9_]*$/;

interface Channel {
  onMessage: (payload: string | undefined) => void;
  /** Called after a lost connection is back: what was sent meanwhile was missed. */
  onReconnect?: () => void;
}

/**
 * The instance's one LISTEN connection to PostgreSQL, shared by everything that follows
 * NOTIFY channels (the pivot snapshot, live subscriptions). Reconnects after a loss and tells
 * each channel's owner, who knows what a gap means for it.
 */
@Injectable()
export class PgListener implements OnApplicationShutdown {
  private readonly channels = new Map<string, Channel[]>();
  private client: Client | null = null;
  private connecting: Promise<Client> | null = null;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly logger: PinoLogger,
    private readonly outage: DatabaseOutage,
  ) {
    logger.setContext(PgListener.name);
  }

  /** Resolves once the channel is listened to: NOTIFYs committed after that are heard. */
  async listen(channel: string, handler: Channel): Promise<void> {
    if (!CHANNEL.test(channel)) throw new Error(`Invalid channel name ${channel}`);
    const known = this.channels.get(channel);
    this.channels.set(channel, [...(known ?? []), handler]);
    const client = await this.connection();
    if (!known) await client.query(`LISTEN ${channel}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }

  private connection(): Promise<Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<Client> {
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'pivot-api-listener' });
    client.on('notification', (message) => {
      for (const handler of this.channels.get(message.channel) ?? []) handler.onMessage(message.payload);
    });
    client.on('error', (error) => {
      if (!this.stopped && !this.outage.report(error)) this.logger.warn({ err: error }, 'listener connection lost');
    });
    client.on('end', () => {
      if (this.client === client) this.client = null;
      if (!this.stopped) setTimeout(() => void this.reconnect(), RECONNECT_DELAY_MS).unref();
    });
    await client.connect();
    for (const channel of this.channels.keys()) await client.query(`LISTEN ${channel}`);
    this.client = client;
    return client;
  }

  private async reconnect(): Promise<void> {
    if (this.stopped || this.client) return;
    try {
      await this.connection();
      this.logger.info('listener reconnected');
      for (const handler of [...this.channels.values()].flat()) handler.onReconnect?.();
    } catch (error) {
      if (!this.outage.report(error)) this.logger.warn({ err: error }, 'listener reconnect failed; retrying');
      setTimeout(() => void this.reconnect(), RECONNECT_DELAY_MS).unref();
    }
  }
}
