import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';
import { RETRY_AFTER_SECONDS } from '../database/database-outage';

/** For load balancers and orchestrators: 200 only when the database answers. */
@Public()
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
