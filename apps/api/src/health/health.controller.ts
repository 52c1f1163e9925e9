import { Controller, Get, HttpStatus, Inject, NotFoundException, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { RETRY_AFTER_SECONDS } from '../database/database-outage';
import { RealtimeService } from '../realtime/realtime.service';

/** For load balancers and orchestrators: 200 only when the database answers. */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly realtime: RealtimeService,
  ) {}

  /**
   * NODE_ENV=test only (404 otherwise): how many subscriptions this instance has set up, so the
   * browser tests wait for a screen's subscriptions to listen rather than for a fixed time
   * (connection_ack comes before the server has set a subscription up).
   */
  @Get('subscriptions')
  subscriptions(): { listening: number } {
    if (this.config.env !== 'test') throw new NotFoundException();
    return { listening: this.realtime.listening() };
  }

  @Get()
  async health(@Res() res: Response): Promise<void> {
    try {
      await this.dataSource.query('SELECT 1');
      res.status(HttpStatus.OK).json({ status: 'ok', database: 'up' });
    } catch {
      // Retry-After marks it as the outage, logged once per interval (http/logger.ts), not per probe.
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json({ status: 'error', database: 'down' });
    }
  }
}
