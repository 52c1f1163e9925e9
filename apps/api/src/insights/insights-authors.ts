import type { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import type { InsightsGranularity } from './insights.types';

export interface AuthorRow {
  grp: string;
  b: string;
  authors: number;
}

export interface AuthorQuery {
  brandId: string;
  nodes: readonly string[];
  from: string;
  to: string;
  granularity: InsightsGranularity | null;
  /**
   * Counts each node's pages, `:authorNodes` (uuid[]) the nodes to count: the statement, run with
   * the caller's parameters. Its groups must be the nodes' whole subtrees (see `shared`).
   */
  count: (sql: string, extra: Record<string, unknown>) => Promise<Array<Record<string, unknown>>>;
  sql: string;
  /** Whether the counts are the same for every reader (the caller's Metrics rules follow the tree): only then are they kept. */
  shared: boolean;
}

/**
 * Distinct authors per node and bucket. They do not add up day by day, so they are counted from
 * conversation_metric_authors; a count once made is kept in insights_author_counts until the
 * rollups rebuild a day of its range (refreshInsightsRollups drops it and bumps the brand's
 * version), and a count made while a rebuild ran is not kept (the version it read is gone).
 */
export async function loadAuthors(db: DataSource, query: AuthorQuery): Promise<AuthorRow[]> {
  const { brandId, nodes, from, to, shared } = query;
  const granularity = query.granularity ?? 'ALL';
  const toRows = (rows: Array<Record<string, unknown>>) => rows.map((row) => ({ grp: String(row.grp), b: String(row.b ?? ''), authors: Number(row.authors) }));
  if (!shared) return toRows(await query.count(query.sql, { authorNodes: nodes }));
  const [kept] = await preparedQuery<{ version: string | null; counts: Record<string, Record<string, number>> | null }>(
    db,
    `WITH ensure AS (INSERT INTO insights_versions (brand_id, version) VALUES ($1, 0) ON CONFLICT DO NOTHING)
     SELECT (SELECT version::text FROM insights_versions WHERE brand_id = $1) AS version,
            (SELECT jsonb_object_agg(page_id, counts) FROM insights_author_counts
              WHERE page_id = ANY($2::uuid[]) AND granularity = $3 AND from_day = $4 AND to_day = $5) AS counts`,
    [brandId, nodes, granularity, from, to],
  );
  const counts = kept?.counts ?? {};
  const missing = nodes.filter((node) => !counts[node]);
  if (missing.length) {
    const fresh = toRows(await query.count(query.sql, { authorNodes: missing }));
    for (const node of missing) counts[node] = {};
    for (const row of fresh) counts[row.grp]![row.b] = row.authors;
    await keep(db, { brandId, granularity, from, to, version: kept?.version ?? '0', counts: missing.map((node) => [node, counts[node]!] as const) });
  }
  return nodes.flatMap((node) => Object.entries(counts[node] ?? {}).map(([b, authors]) => ({ grp: node, b, authors })));
}

async function keep(
  db: DataSource,
  input: { brandId: string; granularity: string; from: string; to: string; version: string; counts: ReadonlyArray<readonly [string, Record<string, number>]> },
): Promise<void> {
  await db.transaction(async (tx) => {
    // Shared: a rebuild bumping the version waits for this, or this waits for it and sees the new version.
    const [row] = (await tx.query(`SELECT version::text AS version FROM insights_versions WHERE brand_id = $1 FOR SHARE`, [input.brandId])) as Array<{ version: string }>;
    if ((row?.version ?? '0') !== input.version) return;
    await tx.query(
      `INSERT INTO insights_author_counts (page_id, granularity, from_day, to_day, brand_id, counts)
       SELECT c.page_id, $2, $3, $4, $1, c.counts FROM jsonb_to_recordset($5::jsonb) AS c(page_id uuid, counts jsonb)
       ON CONFLICT DO NOTHING`,
      [input.brandId, input.granularity, input.from, input.to, JSON.stringify(input.counts.map(([page_id, counts]) => ({ page_id, counts })))],
    );
  });
}
