import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { ResolvedConfig } from '../config/app-config';
import { safeErrorLog } from './safe-error-log';

export const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Structured JSON logs (pino), one line per request with its id. The id comes from the
 * caller's X-Request-Id when it looks sane (so a trace crosses services) or is made here,
 * and is echoed back in the response.
 */
export function loggerParams(config: ResolvedConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // Public pivot redirects are the hot path and carry nothing worth a line each; errors still log.
      autoLogging: { ignore: (req: IncomingMessage) => req.url?.startsWith('/pivot/') === true || req.url === '/health' },
      customLogLevel: (_req, res, error) => {
        // A 503 with Retry-After is a database outage: DatabaseOutage logs it once per interval.
        if (res.statusCode === 503 && res.getHeader('retry-after') !== undefined) return 'silent';
        return error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
      },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
      serializers: {
        // Every `err` of every line, whoever logs it: no SQL parameters ever reach the log.
        err: safeErrorLog,
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      },
    },
    forRoutes: ['*path'],
  };
}
