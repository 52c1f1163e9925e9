import { ArgumentsHost, Catch, HttpException, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import { DatabaseOutage, RETRY_AFTER_SECONDS } from '../database/database-outage';
import { AppError, type ErrorCode } from '../errors/app-error';

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  TOO_MANY_REQUESTS: HttpStatus.TOO_MANY_REQUESTS,
};

/**
 * REST routes answer errors as `{ code, message, ...details }` JSON. GraphQL errors are left
 * to Apollo's formatter (rethrown). Unknown errors are logged and answered without details.
 */
@Catch()
export class AppErrorFilter implements ExceptionFilter {
  constructor(
    private readonly logger: PinoLogger,
    private readonly outage: DatabaseOutage,
  ) {
    logger.setContext('http');
  }

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType<string>() === 'graphql') throw error;
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof AppError) {
      res.status(STATUS[error.code]).json({ code: error.code, message: error.message, ...error.details });
      return;
    }
    if (error instanceof HttpException && error.getStatus() < 500) {
      const status = error.getStatus();
      res.status(status).json({ code: status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', message: error.message });
      return;
    }
    if (this.outage.report(error)) {
      // A webhook delivery refused this way is redelivered by the network: nothing is lost.
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json({ code: 'SERVICE_UNAVAILABLE', message: 'The service is temporarily unavailable; retry shortly' });
      return;
    }
    this.logger.error({ err: error }, 'unhandled error');
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
  }
}
