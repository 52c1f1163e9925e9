import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppError } from '../errors/app-error';
import { REQUEST_ID } from '../http/logger';
import { PivotDemand } from './pivot-demand.service';
import { PivotSnapshotService } from './pivot-snapshot.service';
import { PivotService, type PivotQuery } from './pivot.service';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, NOT_FOUND: 404 };
/** Distinct requests remembered per snapshot; visitors repeat a few thousand combinations at most. */
const CACHE_LIMIT = 20_000;

interface Outcome {
  status: number;
  /** A resolution's demand key (PivotDemand), counted each time the outcome is served. */
  demand?: string;
  body?: string;
  location?: string;
}
const ROUTE = /^\/pivot\/([^/?]+)(\/resolve)?\/?$/;

/**
 * The public pivot's HTTP route: GET|HEAD /pivot/:brand (302 to the visitor's page) and
 * /pivot/:brand/resolve (the answer as JSON, with its trail). Anything else goes on to Nest.
 *
 * Not a @Controller, on purpose: it is the one hot path (every visitor of every brand page goes
 * through it), so it answers straight from node:http, before Express and Nest (measured: ~40 µs
 * of CPU per request here against ~300 µs through the framework), with the same service, rules,
 * headers and error shapes as the rest of the API. PivotModule provides it; it puts itself in
 * front of the framework when the app boots, before the server listens.
 */
@Injectable()
export class PivotRoute implements OnApplicationBootstrap {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly pivot: PivotService,
    private readonly snapshot: PivotSnapshotService,
    private readonly logger: Logger,
    private readonly demand: PivotDemand,
  ) {}

  onApplicationBootstrap(): void {
    // An application context without HTTP (scripts) has no server to answer on.
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server) return;
    const { pivot, snapshot, logger, demand } = this;
    // Answers are a pure function of the request and the snapshot: remember them until the tree changes.
    let cache = new Map<string, Outcome>();
    let generation = snapshot.loadedGeneration;
    const outcomeOf = (key: string, compute: () => Outcome): Outcome => {
      if (generation !== snapshot.loadedGeneration || cache.size >= CACHE_LIMIT) {
        cache = new Map();
        generation = snapshot.loadedGeneration;
      }
      let outcome = cache.get(key);
      if (!outcome) {
        outcome = compute();
        if (outcome.status < 500) cache.set(key, outcome);
      }
      return outcome;
    };
    const framework = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (!handle(pivot, logger, demand, outcomeOf, req, res)) for (const listener of framework) listener.call(server, req, res);
    });
  }
}

function handle(
  pivot: PivotService,
  logger: Logger,
  demand: PivotDemand,
  outcomeOf: (key: string, compute: () => Outcome) => Outcome,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url?.startsWith('/pivot/')) return false;
  const queryStart = req.url.indexOf('?');
  const path = queryStart === -1 ? req.url : req.url.slice(0, queryStart);
  const match = ROUTE.exec(path);
  if (!match) return false;

  const incoming = req.headers['x-request-id'];
  res.setHeader('X-Request-Id', typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID());
  res.setHeader('Vary', 'Accept-Language, CF-IPCountry');
  res.setHeader('Cache-Control', 'private, no-store');
  const country = header(req, 'cf-ipcountry');
  const acceptLanguage = header(req, 'accept-language');
  const outcome = outcomeOf(`${req.url}\n${country ?? ''}\n${acceptLanguage ?? ''}`, () => {
    try {
      const brandSlug = decodeSegment(match[1]);
      const query = queryOf(queryStart === -1 ? '' : req.url!.slice(queryStart + 1));
      const { answer, demandKey } = pivot.resolveCounted(brandSlug, query, { 'cf-ipcountry': country, 'accept-language': acceptLanguage });
      return match[2] ? { status: 200, body: JSON.stringify(answer), demand: demandKey } : { status: 302, location: answer.page.url, demand: demandKey };
    } catch (error) {
      if (error instanceof AppError && STATUS[error.code]) {
        return { status: STATUS[error.code], body: JSON.stringify({ code: error.code, message: error.message, ...error.details }) };
      }
      logger.error({ err: error, url: req.url }, 'pivot failed');
      return { status: 500, body: JSON.stringify({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' }) };
    }
  });
  if (outcome.demand) demand.count(outcome.demand);
  res.statusCode = outcome.status;
  if (outcome.location) {
    res.setHeader('Location', outcome.location);
    res.end();
  } else {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(outcome.body!));
    res.end(outcome.body);
  }
  return true;
}

/** Repeated keys become arrays, so the service can refuse `?country=FR&country=DE`. */
function queryOf(search: string): PivotQuery {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(search)) {
    const seen = query[key];
    query[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query as PivotQuery;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw AppError.notFound('Brand');
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
