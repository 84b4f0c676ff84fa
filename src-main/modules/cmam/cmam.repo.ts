// CMAM rows: the record stores (statements compiled once per connection, one outbox call per entity), row → record, settings and the protocol in force.
import { getProtocolProfile, type ProtocolProfile } from '../../../shared/clinical';
import { AppError } from '../../../shared/contract';
import type { CmamSettings, EpisodeRecord, FollowupRecord } from '../../../shared/contract/channels/cmam';
import { CMAM_MESSAGES } from '../../../shared/contract/channels/cmam-messages';
import type { OpenDatabase } from '../../core/state';
import { cmamEpisodes, cmamFollowups, rutfStock, settings } from '../../db/schema';
import { enqueueStored } from '../../sync/outbox';
import { insertRow, parseJson, stmt, updateRow, type RecordStore } from '../../records';

export type EpisodeRow = typeof cmamEpisodes.$inferSelect;
export type FollowupRow = typeof cmamFollowups.$inferSelect;
export type StockRow = typeof rutfStock.$inferSelect;

export const episodeStore: RecordStore<EpisodeRow> = {
  entity: 'cmam_episode',
  insert: (db, row) => insertRow(db.$client, cmamEpisodes, row),
  update: (db, row) => updateRow(db.$client, cmamEpisodes, row),
  afterWrite: (sqlite, row, at) => enqueueStored(sqlite, 'cmam_episode', 'cmam_episodes', row.id, at),
  patientOf: (row) => row.patientId,
};

export const followupStore: RecordStore<FollowupRow> = {
  entity: 'cmam_followup',
  insert: (db, row) => insertRow(db.$client, cmamFollowups, row),
  update: (db, row) => updateRow(db.$client, cmamFollowups, row),
  afterWrite: (sqlite, row, at) => enqueueStored(sqlite, 'cmam_followup', 'cmam_followups', row.id, at),
  patientOf: (row) => row.patientId,
};

export const stockStore: RecordStore<StockRow> = {
  entity: 'rutf_stock',
  insert: (db, row) => insertRow(db.$client, rutfStock, row),
  update: (db, row) => updateRow(db.$client, rutfStock, row),
  afterWrite: (sqlite, row, at) => enqueueStored(sqlite, 'rutf_stock', 'rutf_stock_movements', row.id, at),
};

export function toEpisode(row: EpisodeRow): EpisodeRecord {
  const {
    admissionVisitId: _v,
    lengthCm: _l,
    rutfSachets: _r,
    notes: _n,
    merged: _m,
    criteria,
    medicinesGiven,
    ...rest
  } = row;
  return {
    ...rest,
    criteria: parseJson<string[]>(criteria, []),
    medicinesGiven: parseJson<EpisodeRecord['medicinesGiven']>(medicinesGiven, []),
  };
}

export function toFollowup(row: FollowupRow): FollowupRecord {
  const { rationPerWeek: _r, medicinesGiven, alerts, ...rest } = row;
  return {
    ...rest,
    medicinesGiven: parseJson<FollowupRecord['medicinesGiven']>(medicinesGiven, []),
    alerts: parseJson<string[]>(alerts, []),
  };
}

const BOOLEAN_COLUMNS = new Set([
  'voided',
  'internal_move',
  'medical_complication',
  'danger_sign',
  'merged',
  'new_complication',
]);

/** A row read with a cached raw statement (the follow-up save is a hot path), in drizzle's camelCase shape. */
const camelNames = new Map<string, string>();
function camelName(column: string): string {
  let name = camelNames.get(column);
  if (name === undefined) {
    name = column.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
    camelNames.set(column, name);
  }
  return name;
}

function camel<T>(row: Record<string, unknown> | undefined): T | undefined {
  if (!row) return undefined;
  const out: Record<string, unknown> = {};
  for (const k in row) out[camelName(k)] = BOOLEAN_COLUMNS.has(k) ? row[k] === 1 : row[k];
  return out as T;
}

export function findEpisode(open: OpenDatabase, id: string): EpisodeRow | undefined {
  return camel<EpisodeRow>(
    stmt(open.sqlite, 'SELECT * FROM cmam_episodes WHERE id = ?').get(id) as Record<string, unknown>,
  );
}

export function requireEpisode(open: OpenDatabase, id: string, field = 'episodeId'): EpisodeRow {
  const row = findEpisode(open, id);
  if (!row)
    throw new AppError('NOT_FOUND', CMAM_MESSAGES.episodeNotFound, [
      { path: field, message: 'is not a known CMAM episode' },
    ]);
  return row;
}

/** An episode that takes follow-ups, exits and moves: not voided, not closed. */
export function requireOpenEpisode(open: OpenDatabase, id: string, field = 'episodeId'): EpisodeRow {
  const row = requireEpisode(open, id, field);
  if (row.voided) throw new AppError('CONFLICT', CMAM_MESSAGES.episodeVoided);
  if (row.exitDate !== null)
    throw new AppError('CONFLICT', CMAM_MESSAGES.episodeClosed, [
      { path: field, message: `was closed on ${row.exitDate}` },
    ]);
  return row;
}

export function followupsOf(open: OpenDatabase, episodeId: string): FollowupRow[] {
  const rows = stmt(
    open.sqlite,
    'SELECT * FROM cmam_followups WHERE episode_id = ? AND voided = 0 ORDER BY visit_date',
  ).all(episodeId) as Record<string, unknown>[];
  return rows.map((r) => camel<FollowupRow>(r)!);
}

/** The open (non-voided) episode of a child in a programme, if any. */
export function openEpisodeIn(
  open: OpenDatabase,
  patientId: string,
  programme: string,
): { id: string; number: string; admission_date: string } | undefined {
  return stmt(
    open.sqlite,
    `SELECT id, number, admission_date FROM cmam_episodes
     WHERE patient_id = ? AND programme = ? AND exit_date IS NULL AND voided = 0 AND merged = 0`,
  ).get(patientId, programme) as { id: string; number: string; admission_date: string } | undefined;
}

export const DEFAULT_CMAM_SETTINGS: CmamSettings = { defaulterAbsences: 3, orderWeeks: 4 };
const SETTINGS_KEY = 'cmam.settings';

export function readCmamSettings(open: OpenDatabase): CmamSettings {
  const row = stmt(open.sqlite, 'SELECT value FROM settings WHERE key = ?').get(SETTINGS_KEY) as
    { value: string } | undefined;
  return { ...DEFAULT_CMAM_SETTINGS, ...parseJson<Partial<CmamSettings>>(row?.value, {}) };
}

export function writeCmamSettings(open: OpenDatabase, value: CmamSettings, by: string, at: string): void {
  open.db
    .insert(settings)
    .values({ key: SETTINGS_KEY, value, updatedAt: at, updatedBy: by })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at, updatedBy: by } })
    .run();
}

/** The facility's protocol profile with its own number of absences before a defaulted exit is proposed. */
export function protocolOf(open: OpenDatabase, protocol?: string): ProtocolProfile {
  const id =
    protocol ??
    (
      stmt(open.sqlite, 'SELECT protocol_profile AS p FROM facility LIMIT 1').get() as
        { p: string } | undefined
    )?.p ??
    'who-2013';
  const base = getProtocolProfile(id);
  const { defaulterAbsences } = readCmamSettings(open);
  return { ...base, cmam: { ...base.cmam, defaulterMissedVisits: defaulterAbsences } };
}
