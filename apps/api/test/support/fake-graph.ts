import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GraphHit {
  pageId: string;
  form: Record<string, string>;
  idempotencyKey: string | undefined;
  at: number;
}

/** One `GET /{page-id}/insights` call, its query parameters as sent. */
export interface InsightsHit {
  pageId: string;
  query: Record<string, string>;
  at: number;
}

export interface GraphAnswer {
  status: number;
  body?: unknown;
  /** Answer this late (a timeout, when longer than the connector waits). */
  delayMs?: number;
}

/**
 * A local stand-in for the Graph API's `POST /{page-id}/feed` and `GET /{page-id}/insights`:
 * records every request and answers what the test scripts (by default 200 with a made-up post id,
 * and for insights every asked metric on every day from since to until, value = day of month).
 */
export class FakeGraph {
  readonly hits: GraphHit[] = [];
  readonly insightsHits: InsightsHit[] = [];
  answer: (hit: GraphHit, nth: number) => GraphAnswer = (hit) => ({ status: 200, body: { id: `${hit.pageId}_${this.hits.length}` } });
  insights: (hit: InsightsHit, nth: number) => GraphAnswer = (hit) => ({ status: 200, body: insightsBody(hit.query) });
  private server: Server | null = null;
  private baseUrl = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://fake');
        const insights = /^\/([^/]+)\/insights$/.exec(url.pathname);
        if (req.method === 'GET' && insights) {
          const hit: InsightsHit = { pageId: decodeURIComponent(insights[1]!), query: Object.fromEntries(url.searchParams), at: Date.now() };
          this.insightsHits.push(hit);
          const answer = this.insights(hit, this.insightsHits.length);
          res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body ?? {}));
          return;
        }
        const match = /^\/([^/]+)\/feed$/.exec(req.url ?? '');
        if (req.method !== 'POST' || !match) {
          res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'Unknown path' } }));
          return;
        }
        const hit: GraphHit = { pageId: decodeURIComponent(match[1]!), form: Object.fromEntries(new URLSearchParams(raw)), idempotencyKey: req.headers['idempotency-key'] as string | undefined, at: Date.now() };
        this.hits.push(hit);
        const nth = this.hits.filter((other) => other.idempotencyKey === hit.idempotencyKey).length;
        const answer = this.answer(hit, nth);
        const send = () => {
          if (!res.destroyed) res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body ?? {}));
        };
        if (answer.delayMs) setTimeout(send, answer.delayMs).unref();
        else send();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  /** This server's URL of a path, for `paging.next`. */
  url(path: string): string {
    return this.baseUrl + path;
  }

  hitsFor(key: string): GraphHit[] {
    return this.hits.filter((hit) => hit.idempotencyKey === key);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const DAY_MS = 86_400_000;

/** Graph's daily insights answer for `metric` from since (included) to until (excluded): end_time is the next day's 07:00 UTC. */
export function insightsBody(query: Record<string, string>, value: (metric: string, day: string) => number = (_m, day) => Number(day.slice(8, 10))): object {
  const days: string[] = [];
  for (let t = Date.parse(`${query.since}T00:00:00Z`); t < Date.parse(`${query.until}T00:00:00Z`); t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  const endTime = (day: string) => `${new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)}T07:00:00+0000`;
  return {
    data: (query.metric ?? '').split(',').map((name) => ({ name, period: 'day', values: days.map((day) => ({ value: value(name, day), end_time: endTime(day) })) })),
    paging: {},
  };
}
