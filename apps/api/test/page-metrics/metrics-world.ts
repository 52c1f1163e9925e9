import { Client } from 'pg';
import { PageMetricsService } from '../../src/page-metrics/page-metrics.service';
import type { TestApp } from '../support/test-app';

export async function sql<T = Record<string, any>>(app: TestApp, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: app.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The active market page of a country: id and external id. */
export async function marketPage(app: TestApp, country: string): Promise<{ id: string; externalId: string }> {
  const [row] = await sql(app, `SELECT id, external_id AS "externalId" FROM pages WHERE kind = 'MARKET' AND country = $1 AND status = 'ACTIVE' ORDER BY name LIMIT 1`, [country]);
  return row as { id: string; externalId: string };
}

/** A page's stored values: "metric day" → value. */
export async function storedDays(app: TestApp, pageId: string): Promise<Map<string, number>> {
  const rows = await sql(app, `SELECT metric, to_char(day, 'YYYY-MM-DD') AS day, value FROM page_metric_daily WHERE page_id = $1`, [pageId]);
  return new Map(rows.map((row) => [`${row.metric} ${row.day}`, Number(row.value)]));
}

export async function statusOf(app: TestApp, pageId: string) {
  const [row] = await sql(app, `SELECT reasons, last_error_reason, last_success_at, last_error_at FROM page_metric_status WHERE page_id = $1`, [pageId]);
  return row;
}

export const fetchPage = (app: TestApp, pageId: string, from: string, to: string) => app.app.get(PageMetricsService).fetchPage({ pageId, from, to });
