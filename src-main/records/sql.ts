import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, type Column } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Sqlite } from '../db/open';

type Statement = Database.Statement<unknown[], unknown>;
const caches = new WeakMap<Sqlite, Map<string, Statement>>();

/** A prepared statement, compiled once per connection: hot paths (search, visit save) skip re-parsing SQL. */
export function stmt(sqlite: Sqlite, sql: string): Statement {
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(sqlite, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** Parses a JSON column written by this app; a damaged value reads as the fallback instead of failing a chart. */
export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

interface RowSql {
  insert: string;
  update: string;
  columns: [key: string, column: Column][];
}
const rowSql = new WeakMap<SQLiteTable, RowSql>();

function sqlOf(table: SQLiteTable): RowSql {
  let cached = rowSql.get(table);
  if (!cached) {
    const columns = Object.entries(getTableColumns(table));
    const name = (c: Column) => `"${c.name.replace(/"/g, '""')}"`;
    const tableName = `"${getTableName(table).replace(/"/g, '""')}"`;
    const rest = columns.filter(([key]) => key !== 'id');
    cached = {
      columns,
      insert: `INSERT INTO ${tableName} (${columns.map(([, c]) => name(c)).join(', ')})
        VALUES (${columns.map(() => '?').join(', ')})`,
      update: `UPDATE ${tableName} SET ${rest.map(([, c]) => `${name(c)} = ?`).join(', ')} WHERE "id" = ?`,
    };
    rowSql.set(table, cached);
  }
  return cached;
}

function driverValues(columns: RowSql['columns'], row: Record<string, unknown>): unknown[] {
  return columns.map(([key, column]) => {
    const value = row[key];
    return value === null || value === undefined ? null : column.mapToDriverValue(value);
  });
}

/**
 * Stores a whole row (every column, drizzle's camelCase shape, values mapped as drizzle maps them) with a
 * statement compiled once per connection: the record stores of hot paths (a follow-up save) use it instead of
 * building the query each time.
 */
export function insertRow<T extends SQLiteTable>(sqlite: Sqlite, table: T, row: T['$inferSelect']): void {
  const { insert, columns } = sqlOf(table);
  stmt(sqlite, insert).run(...driverValues(columns, row as Record<string, unknown>));
}

/** Overwrites the stored row with this row's id (every column but the id), as `insertRow` writes it. */
export function updateRow<T extends SQLiteTable>(
  sqlite: Sqlite,
  table: T,
  row: T['$inferSelect'] & { id: string },
): void {
  const { update, columns } = sqlOf(table);
  const values = driverValues(
    columns.filter(([key]) => key !== 'id'),
    row as Record<string, unknown>,
  );
  const result = stmt(sqlite, update).run(...values, row.id);
  if (result.changes !== 1) throw new Error(`${getTableName(table)}: no row ${row.id} to update`);
}
