import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';

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
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json({ status: 'error', database: 'down' });
    }
  }
}
