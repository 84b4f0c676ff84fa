// Builds each entity's sync payload from its stored row. Known entities register a schema and, when the row
// needs more than the generic conversion, their own builder; every other entity (a domain that has not
// registered yet) still travels typed: camelCase keys, booleans and JSON columns read from the drizzle table.
import { getTableColumns, getTableName, is, type Column } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import {
  directoryFacilityPayload,
  genericPayload,
  patientPayload,
  PAYLOAD_VERSIONS,
  referralPayload,
  userPayload,
  visitPayload,
} from '../../shared/sync/payloads';
import * as schema from '../db/schema';

type Row = Record<string, unknown>;
export type PayloadBuilder = (row: Row) => Record<string, unknown>;

interface Registration {
  table: string;
  schema: z.ZodType<Record<string, unknown>>;
  version: number;
  fromRow: PayloadBuilder;
}

const registered = new Map<string, Registration>();

/** Columns that only mean something on this computer and never travel. */
const LOCAL_ONLY = new Set(['search_rowid']);

function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

interface ColumnKind {
  key: string;
  kind: 'boolean' | 'json' | 'number' | 'plain';
}

const tableColumns = new Map<string, Map<string, ColumnKind>>();

/** How each SQL column of a drizzle table converts (by its declared mode and default). */
function columnsOf(table: string): Map<string, ColumnKind> | undefined {
  if (tableColumns.has(table)) return tableColumns.get(table);
  const found = Object.values(schema).find((t) => is(t, SQLiteTable) && getTableName(t) === table);
  if (!found || !is(found, SQLiteTable)) return undefined;
  const map = new Map<string, ColumnKind>();
  for (const [key, column] of Object.entries(getTableColumns(found)) as [string, Column][]) {
    const jsonText =
      column.columnType === 'SQLiteText' && (column.default === '[]' || column.default === '{}');
    const kind =
      column.columnType === 'SQLiteBoolean'
        ? 'boolean'
        : column.columnType === 'SQLiteTextJson' || column.columnType === 'SQLiteBlobJson' || jsonText
          ? 'json'
          : column.dataType === 'number'
            ? 'number'
            : 'plain';
    map.set(column.name, { key, kind });
  }
  tableColumns.set(table, map);
  return map;
}

function parseJsonValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/**
 * The generic conversion: snake_case → camelCase, 0/1 → booleans and JSON text → values for the columns the
 * drizzle table declares so; for a table drizzle does not know, JSON-looking text of `jsonColumns` is parsed.
 */
export function genericFromRow(table: string, jsonColumns: readonly string[] = []): PayloadBuilder {
  return (row) => {
    const columns = columnsOf(table);
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(row)) {
      if (LOCAL_ONLY.has(name)) continue;
      const column = columns?.get(name);
      const key = column?.key ?? camel(name);
      const kind = column?.kind ?? (jsonColumns.includes(name) ? 'json' : 'plain');
      out[key] =
        value === null
          ? null
          : kind === 'boolean'
            ? Boolean(value)
            : kind === 'json'
              ? parseJsonValue(value)
              : kind === 'number'
                ? Number(value)
                : value;
    }
    return out;
  };
}

/**
 * Declares how an entity travels. Domains call this once at import time (next to their other registrations);
 * without it an entity still travels through the generic conversion, validated only for id and version.
 */
export function registerPayload(
  entity: string,
  table: string,
  payloadSchema: z.ZodType<Record<string, unknown>>,
  fromRow: PayloadBuilder = genericFromRow(table),
  version: number = (PAYLOAD_VERSIONS as Record<string, number>)[entity] ?? 1,
): void {
  registered.set(entity, { table, schema: payloadSchema, version, fromRow });
}

export function payloadRegistration(entity: string, table: string): Registration {
  return (
    registered.get(entity) ?? { table, schema: genericPayload, version: 1, fromRow: genericFromRow(table) }
  );
}

/** The payload of a stored row, checked against its schema (a failure is a programming error: it throws). */
export function buildPayload(
  entity: string,
  table: string,
  row: Row,
): { payload: Record<string, unknown>; version: number } {
  const reg = payloadRegistration(entity, table);
  const parsed = reg.schema.safeParse(reg.fromRow(row));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(
      `outbox: ${entity} payload does not match its schema at ${first?.path.join('.')}: ${first?.message}`,
    );
  }
  return { payload: parsed.data, version: reg.version };
}

registerPayload('patient', 'patients', patientPayload);
registerPayload('visit', 'visits', visitPayload);
registerPayload('referral', 'referrals', referralPayload);
registerPayload('directory_facility', 'directory_facilities', directoryFacilityPayload);
registerPayload('user', 'users', userPayload, (row) => ({
  id: row.id,
  version: Number(row.version),
  username: row.username,
  fullName: row.full_name,
  // Multi-role accounts keep every role, the main one first, comma-separated in `roles`.
  roles: String(row.roles || row.role).split(','),
  active: Boolean(row.active),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
}));
