import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GraphHit {
  pageId: string;
  form: Record<string, string>;
  idempotencyKey: string | undefined;
  at: number;
}

export interface GraphAnswer {
  status: number;
  body?: unknown;
  /** Answer this late (a timeout, when longer than the connector waits). */
  delayMs?: number;
}

/**
 * A local stand-in for the Graph API's `POST /{page-id}/feed`: records every request and answers
 * what the test scripts (by default 200 with a made-up post id).
 */
export class FakeGraph {
  readonly hits: GraphHit[] = [];
  answer: (hit: GraphHit, nth: number) => GraphAnswer = (hit) => ({ status: 200, body: { id: `${hit.pageId}_${this.hits.length}` } });
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
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
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  hitsFor(key: string): GraphHit[] {
    return this.hits.filter((hit) => hit.idempotencyKey === key);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
