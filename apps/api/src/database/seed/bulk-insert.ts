import type { EntityManager } from 'typeorm';

/** A row's columns and their PostgreSQL types, in insert order. */
export type ColumnTypes = Record<string, string>;

/**
 * Inserts rows (objects keyed by column name) in statements of `chunk` rows, each one JSON
 * parameter unpacked by jsonb_to_recordset, in the order given (identity columns follow it).
 * For the demo seed's thousands of rows: a statement per row would take seconds.
 */
export async function insertJsonRows(tx: EntityManager, table: string, columns: ColumnTypes, rows: object[], chunk = 5_000): Promise<void> {
  const names = Object.keys(columns);
  const list = names.map((name) => `"${name}"`).join(', ');
  const record = names.map((name) => `"${name}" ${columns[name]}`).join(', ');
  for (let start = 0; start < rows.length; start += chunk) {
    await tx.query(`INSERT INTO "${table}" (${list}) SELECT ${list} FROM jsonb_to_recordset($1::jsonb) AS r(${record})`, [
      JSON.stringify(rows.slice(start, start + chunk)),
    ]);
  }
}
