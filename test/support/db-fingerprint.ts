import { DataSource } from 'typeorm';

/**
 * Append-only or bookkeeping tables a refused request may legitimately write to: the access log records
 * denials (Normen) and moves its hash chain's head, and the migrations table is not data.
 */
export const FINGERPRINT_EXCLUDED = ['access_log', 'access_log_chain_heads', 'schema_migrations'];

export interface TableFingerprint {
  table: string;
  rows: number;
  hash: string;
}

/**
 * The state of the database as one row per table: row count and md5 of all rows (as text, sorted). Tables with
 * a `municipality_id` are limited to the given municipalities, so the hash stays cheap when other test files
 * have left data behind; the rest (municipalities, join tables) are hashed whole. The table list is read once,
 * so tables added by new migrations are covered without a change here.
 */
export async function fingerprinter(
  dataSource: DataSource,
  municipalityIds: string[],
): Promise<() => Promise<TableFingerprint[]>> {
  const tables: { table: string; scoped: boolean }[] = await dataSource.query(
    `SELECT t.table_name AS "table",
            EXISTS (SELECT 1 FROM information_schema.columns c
                     WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                       AND c.column_name = 'municipality_id') AS scoped
       FROM information_schema.tables t
      WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND NOT (t.table_name = ANY($1))
      ORDER BY t.table_name`,
    [FINGERPRINT_EXCLUDED],
  );
  const sql = tables
    .map(
      ({ table, scoped }) =>
        `SELECT '${table}' AS "table", count(*)::int AS rows,
                coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS hash
           FROM "${table}" t ${scoped ? 'WHERE t.municipality_id = ANY($1::uuid[])' : ''}`,
    )
    .join(' UNION ALL ');
  return () => dataSource.query(sql, [municipalityIds]);
}

/** The tables whose rows differ between two fingerprints, e.g. `contacts (3 → 4 rows)`. */
export function changedTables(before: TableFingerprint[], after: TableFingerprint[]): string[] {
  const byTable = new Map(before.map((f) => [f.table, f]));
  return after
    .filter((f) => byTable.get(f.table)?.hash !== f.hash)
    .map((f) => `${f.table} (${byTable.get(f.table)?.rows ?? 0} → ${f.rows} rows)`);
}
