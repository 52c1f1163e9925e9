// The floor for the ingest benchmark: a bare node:http server doing the least the webhook must
// do. It checks X-Hub-Signature-256 over the raw bytes (HMAC-SHA256, timingSafeEqual), reads
// the comments and messages out of the delivery, and stores them with one
// `INSERT … ON CONFLICT DO NOTHING` through raw pg into a table shaped like inbound_items.
// No pages, no conversations, no framework. Run as its own process, like the API.
//   BASELINE_PORT          port to listen on (127.0.0.1)
//   BASELINE_DATABASE_URL  where the table lives (created if missing)
//   BASELINE_SECRET        the app secret deliveries are signed with
//   BASELINE_TABLE         the table to create and fill
//   BASELINE_POOL_SIZE     pg pool size (the API's DB_POOL_SIZE)
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';

const port = Number(process.env.BASELINE_PORT);
const secret = process.env.BASELINE_SECRET ?? '';
const LIMIT = 100 * 1024; // the API's default BODY_LIMIT
const TABLE = process.env.BASELINE_TABLE ?? 'bench_baseline_items';

const pool = new pg.Pool({ connectionString: process.env.BASELINE_DATABASE_URL, max: Number(process.env.BASELINE_POOL_SIZE ?? 10) });
await pool.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (
  id bigserial PRIMARY KEY,
  network varchar(40) NOT NULL,
  external_id varchar(200) NOT NULL,
  page_external_id varchar(200) NOT NULL,
  kind varchar(16) NOT NULL,
  thread_id varchar(200) NOT NULL,
  parent_external_id varchar(200),
  author_id varchar(200) NOT NULL,
  author_name varchar(200),
  text text NOT NULL,
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_bench_baseline_items UNIQUE (network, external_id))`);

const signed = (raw, header) => {
  const match = typeof header === 'string' ? /^sha256=([0-9a-f]{64})$/i.exec(header) : null;
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(raw).digest();
  return timingSafeEqual(Buffer.from(match[1], 'hex'), expected);
};

/** The same items the API reads from a page delivery, as rows. */
function rowsOf(body) {
  const rows = [];
  for (const entry of body.entry ?? []) {
    for (const { value: v } of entry.changes ?? []) {
      if (v?.item !== 'comment' || v.verb !== 'add') continue;
      const reply = v.parent_id && v.parent_id !== v.post_id;
      rows.push([v.comment_id, entry.id, reply ? 'REPLY' : 'COMMENT', v.post_id, reply ? v.parent_id : null, v.from.id, v.from.name ?? null, v.message ?? '', new Date(v.created_time * 1000)]);
    }
    for (const e of entry.messaging ?? []) {
      if (!e.message || e.message.is_echo) continue;
      rows.push([e.message.mid, entry.id, 'MESSAGE', `messages:${e.sender.id}`, null, e.sender.id, null, e.message.text ?? '', new Date(e.timestamp)]);
    }
  }
  return rows;
}

async function store(rows) {
  if (rows.length === 0) return 0;
  const params = [];
  const values = rows.map((row) => {
    params.push(...row);
    const n = params.length - row.length;
    return `('facebook', ${row.map((_, i) => `$${n + i + 1}`).join(', ')})`;
  });
  const result = await pool.query(
    `INSERT INTO ${TABLE} (network, external_id, page_external_id, kind, thread_id, parent_external_id, author_id, author_name, text, occurred_at)
     VALUES ${values.join(', ')} ON CONFLICT (network, external_id) DO NOTHING`,
    params,
  );
  return result.rowCount;
}

const answer = (res, status, body) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};

const server = createServer((req, res) => {
  if (req.method !== 'POST') return answer(res, 200, { ok: true });
  const chunks = [];
  let size = 0;
  req.on('data', (chunk) => {
    size += chunk.length;
    if (size <= LIMIT) chunks.push(chunk);
  });
  req.on('end', async () => {
    if (size > LIMIT) return answer(res, 413, { code: 'PAYLOAD_TOO_LARGE' });
    const raw = Buffer.concat(chunks);
    if (!signed(raw, req.headers['x-hub-signature-256'])) return answer(res, 401, { code: 'UNAUTHENTICATED' });
    try {
      // A first-seen repeat within one batch is a duplicate for PostgreSQL too: keep the first.
      const seen = new Set();
      const rows = rowsOf(JSON.parse(raw.toString('utf8'))).filter(([id]) => !seen.has(id) && seen.add(id));
      const stored = await store(rows);
      answer(res, 200, { stored, duplicates: rows.length - stored });
    } catch (error) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      answer(res, 500, { code: 'INTERNAL_SERVER_ERROR' });
    }
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => process.stdout.write(`ingest baseline listening on ${port}\n`));

const stop = () => {
  server.close(() => void pool.end().finally(() => process.exit(0)));
  server.closeAllConnections();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
