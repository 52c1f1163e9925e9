import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';

/**
 * Runs a statement as a named prepared statement on the API's pool: PostgreSQL parses it (and,
 * once it settles on a generic plan, plans it) once per connection instead of on every request.
 * For long statements of a fixed shape, such as the insights' hundreds of aggregates, parsing and
 * planning were most of their time. Counted and reported like TypeORM's own queries; a failure is
 * the QueryFailedError TypeORM would have thrown.
 */
export async function preparedQuery<T = Record<string, unknown>>(db: DataSource, text: string, values: unknown[]): Promise<T[]> {
  const name = `pivot_${createHash('sha1').update(text).digest('hex').slice(0, 32)}`;
  const pool = (db.driver as unknown as { master: Pool }).master;
  db.logger.logQuery(text, values);
  try {
    return (await pool.query({ name, text, values })).rows as T[];
  } catch (error) {
    db.logger.logQueryError(error as Error, text, values);
    throw new QueryFailedError(text, values, error as Error);
  }
}
