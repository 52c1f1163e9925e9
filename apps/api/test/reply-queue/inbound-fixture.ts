import { createHmac } from 'node:crypto';
import { Client } from 'pg';
import type { TestApp } from '../support/test-app';

/** The values the tests configure, so a test signs exactly as the network would. */
export const APP_SECRET = 'reply-queue-test-app-secret';
export const VERIFY_TOKEN = 'reply-queue-test-verify-token';
export const WEBHOOK_ENV = { FACEBOOK_APP_SECRET: APP_SECRET, FACEBOOK_VERIFY_TOKEN: VERIFY_TOKEN, LOGIN_ATTEMPTS_PER_MINUTE: '10000' };

/** The seed gives every demo page the external id `fb-<handle>`. */
export const PAGE = {
  G: 'fb-northwind',
  FR: 'fb-northwind.fr',
  frConsumer: 'fb-northwind.fr.consumer',
  ES: 'fb-northwind.es',
  DE: 'fb-northwind.de',
  US: 'fb-northwind.us',
} as const;

export const sign = (body: string | Buffer, secret = APP_SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

let sequence = 0;
/** A unique id per call, so tests in one file never collide on external ids. */
export const uid = (prefix: string) => `${prefix}-${process.pid}-${++sequence}`;

export interface CommentSpec {
  page: string;
  id: string;
  post: string;
  author: string;
  name?: string;
  parent?: string;
  message?: string;
  time?: number;
}

export interface MessageSpec {
  page: string;
  mid: string;
  sender: string;
  text?: string;
  timestamp?: number;
}

/** A Graph API page delivery: one entry per page, comments as feed changes, messages as messaging events. */
export function delivery(comments: CommentSpec[] = [], messages: MessageSpec[] = []): object {
  const pages = [...new Set([...comments.map((c) => c.page), ...messages.map((m) => m.page)])];
  return {
    object: 'page',
    entry: pages.map((page) => ({
      id: page,
      time: 1_790_000_000,
      changes: comments
        .filter((c) => c.page === page)
        .map((c) => ({
          field: 'feed',
          value: {
            item: 'comment',
            verb: 'add',
            comment_id: c.id,
            post_id: c.post,
            parent_id: c.parent ?? c.post,
            from: { id: c.author, name: c.name ?? `Author ${c.author}` },
            message: c.message ?? `comment ${c.id}`,
            created_time: c.time ?? 1_790_000_000,
          },
        })),
      messaging: messages
        .filter((m) => m.page === page)
        .map((m) => ({
          sender: { id: m.sender },
          recipient: { id: page },
          timestamp: m.timestamp ?? 1_790_000_000_000,
          message: { mid: m.mid, text: m.text ?? `message ${m.mid}` },
        })),
    })),
  };
}

/** POST /webhooks/facebook with the exact bytes given, signed (or not) as asked. */
export function post(app: TestApp, body: string, signature?: string | null) {
  const req = app.http.post('/webhooks/facebook').set('content-type', 'application/json');
  if (signature) req.set('x-hub-signature-256', signature);
  return req.send(body);
}

export const postSigned = (app: TestApp, payload: object) => {
  const body = JSON.stringify(payload);
  return post(app, body, sign(body));
};

/** Straight to the app's database. */
export class InboundTables {
  private constructor(readonly db: Client) {}

  static async open(databaseUrl: string): Promise<InboundTables> {
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    return new InboundTables(db);
  }

  close(): Promise<void> {
    return this.db.end();
  }

  async counts(): Promise<{ items: number; conversations: number; unmatched: number }> {
    const { rows } = await this.db.query(`SELECT
      (SELECT count(*)::int FROM inbound_items) AS items,
      (SELECT count(*)::int FROM conversations) AS conversations,
      (SELECT count(*)::int FROM unmatched_inbound_items) AS unmatched`);
    return rows[0];
  }

  async item(externalId: string) {
    const { rows } = await this.db.query(
      `SELECT i.*, i.scope_ids::text[] AS scope_ids, p.external_id AS page_external_id FROM inbound_items i JOIN pages p ON p.id = i.page_id WHERE i.network = 'facebook' AND i.external_id = $1`,
      [externalId],
    );
    return rows;
  }

  async conversationOf(externalId: string) {
    const { rows } = await this.db.query(
      `SELECT c.*, c.scope_ids::text[] AS scope_ids FROM conversations c JOIN inbound_items i ON i.conversation_id = c.id WHERE i.external_id = $1`,
      [externalId],
    );
    return rows[0];
  }

  async pageId(externalId: string): Promise<string> {
    return (await this.db.query(`SELECT id FROM pages WHERE external_id = $1`, [externalId])).rows[0].id;
  }
}
