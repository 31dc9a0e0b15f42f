import { getMetadataArgsStorage } from 'typeorm';

/**
 * For specs of hand-written read models: the entity's column properties that the SQL does not select (as
 * `alias.column` or `AS "property"`), so a column added to the entity fails its spec until the read model shows it.
 */
export function columnsNotSelected(entity: object, sql: string, except: string[] = []): string[] {
  const selected = new Set(
    [...sql.matchAll(/(?:AS "(\w+)"|\b\w\.(\w+)(?=[,\s]))/g)].map((m) => m[1] ?? m[2]),
  );
  return getMetadataArgsStorage()
    .columns.filter((column) => column.target === entity)
    .map((column) => column.propertyName)
    .filter((property) => !except.includes(property) && !selected.has(property));
}
