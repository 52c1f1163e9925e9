import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Who, World } from '../access/access-world';
import type { GraphqlResult } from '../support/graphql';

/** An audit entry as stored (audit_entries), uuid[] read as text[]. */
export interface StoredEntry {
  id: string;
  seq: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  brandId: string | null;
  scopeIds: string[];
  changes: Record<string, { before: unknown; after: unknown }>;
  requestId: string | null;
  occurredAt: Date;
}

const ENTRY_COLUMNS = `id, seq::text AS seq, actor_id AS "actorId", action, subject_type AS "subjectType", subject_id AS "subjectId",
  brand_id AS "brandId", scope_ids::text[] AS "scopeIds", changes, request_id AS "requestId", occurred_at AS "occurredAt"`;

/** A fresh X-Request-Id the logger accepts (8–128 of [A-Za-z0-9._:-]). */
export const newRequestId = (label: string) => `audit-${label.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 40)}-${randomBytes(4).toString('hex')}`;

/** POST /graphql as `who`, with an X-Request-Id the audit entries must carry. */
export async function call(w: World, who: Who, query: string, variables: Record<string, unknown> = {}, requestId?: string): Promise<GraphqlResult> {
  const req = w.app.http.post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${w.token[who]}`);
  if (requestId) req.set('x-request-id', requestId);
  const res = await req.send({ query, variables });
  return { status: res.status, data: res.body?.data, errors: res.body?.errors };
}

/** Straight to the app's database, as the app's own database user. */
export class AuditTable {
  private constructor(readonly db: Client) {}

  static async open(databaseUrl: string): Promise<AuditTable> {
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    return new AuditTable(db);
  }

  close(): Promise<void> {
    return this.db.end();
  }

  async byRequest(requestId: string): Promise<StoredEntry[]> {
    return (await this.db.query(`SELECT ${ENTRY_COLUMNS} FROM audit_entries WHERE request_id = $1 ORDER BY audit_entries.seq`, [requestId])).rows;
  }

  async where(condition: string, params: unknown[] = []): Promise<StoredEntry[]> {
    return (await this.db.query(`SELECT ${ENTRY_COLUMNS} FROM audit_entries WHERE ${condition} ORDER BY audit_entries.seq DESC`, params)).rows;
  }

  async count(): Promise<number> {
    return Number((await this.db.query('SELECT count(*) AS n FROM audit_entries')).rows[0].n);
  }

  /** The transaction that last wrote a row: equal for rows written in one transaction. */
  async xmin(table: 'audit_entries' | 'pages' | 'brands' | 'market_aliases' | 'users' | 'role_assignments', id: string): Promise<string | undefined> {
    return (await this.db.query(`SELECT xmin::text AS xmin FROM ${table} WHERE id = $1`, [id])).rows[0]?.xmin;
  }

  async scopeOf(table: 'pages' | 'market_aliases' | 'role_assignments', id: string): Promise<string[]> {
    return (await this.db.query(`SELECT scope_ids::text[] AS s FROM ${table} WHERE id = $1`, [id])).rows[0].s;
  }
}
