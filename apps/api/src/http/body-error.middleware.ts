import type { NextFunction, Request, Response } from 'express';

interface BodyParserError extends Error {
  status?: number;
  type?: string;
}

/**
 * Errors raised by the body parsers (too large, malformed JSON, bad charset) before any
 * route runs. Express would answer them with an HTML page and, outside production, a stack.
 */
export function bodyErrorHandler(error: BodyParserError, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
  const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
  const message =
    status === 413 ? 'Request body too large' : status < 500 ? 'Malformed request body' : 'Internal server error';
  res.status(status).json({ code, message });
}
