// The referral directory (issue 5 §7): facilities patients are sent to. Changes keep a history and travel to
// the server; a facility is deactivated, never deleted, so old referrals still name it.
import { asc, eq } from 'drizzle-orm';
import { PATIENT_MESSAGES } from '../../../shared/contract/channels/patient-messages';
import { AppError } from '../../../shared/contract';
import type { DirectoryEntry } from '../../../shared/contract/channels/directory';
import { uuidv7 } from '../../../shared/ids';
import type { OpenDatabase } from '../../core/state';
import { directoryFacilities } from '../../db/schema';
import { enqueueStored } from '../../sync/outbox';
import { nameTokens } from '../patients/names';
import {
  assertVersion,
  changedFieldsDetail,
  diffFields,
  firstVersion,
  writeFirstVersion,
  writeNextVersion,
  type Actor,
  type RecordStore,
} from '../../records';
import { parseJson } from '../../records';

type Row = typeof directoryFacilities.$inferSelect;

const facilityStore: RecordStore<Row> = {
  entity: 'directory_facility',
  insert: (db, row) => db.insert(directoryFacilities).values(row).run(),
  update: (db, row) =>
    db.update(directoryFacilities).set(row).where(eq(directoryFacilities.id, row.id)).run(),
  afterWrite: (sqlite, row, at) =>
    enqueueStored(sqlite, 'directory_facility', 'directory_facilities', row.id, at),
};

export interface DirectoryValues {
  name: string;
  type: Row['type'];
  phone: string;
  address: string;
  district: string;
  services: string[];
  notes: string;
}

const FIELDS = ['name', 'type', 'phone', 'address', 'district', 'services', 'notes', 'active'] as const;

export function toEntry(row: Row): DirectoryEntry {
  return { ...row, services: parseJson<string[]>(row.services, []) };
}

export function listDirectory(
  open: OpenDatabase,
  filter: { query: string; type?: Row['type'] | undefined; includeInactive: boolean },
): DirectoryEntry[] {
  const rows = open.db.select().from(directoryFacilities).orderBy(asc(directoryFacilities.name)).all();
  const wanted = nameTokens(filter.query);
  return rows
    .filter(
      (r) => !r.voided && (filter.includeInactive || r.active) && (!filter.type || r.type === filter.type),
    )
    .filter((r) => {
      if (wanted.length === 0) return true;
      const hay = nameTokens(
        `${r.name} ${r.district} ${r.address} ${parseJson<string[]>(r.services, []).join(' ')}`,
      );
      return wanted.every((w) => hay.some((h) => h.startsWith(w)));
    })
    .map(toEntry);
}

export function requireFacility(open: OpenDatabase, id: string, field = 'id'): Row {
  const row = open.db.select().from(directoryFacilities).where(eq(directoryFacilities.id, id)).get();
  if (!row || row.voided) {
    throw new AppError('NOT_FOUND', PATIENT_MESSAGES.facilityNotInDirectory, [
      { path: field, message: 'is not in the directory' },
    ]);
  }
  return row;
}

export function createFacility(
  open: OpenDatabase,
  actor: Actor,
  values: DirectoryValues,
  now: Date,
): DirectoryEntry {
  const at = now.toISOString();
  return open.sqlite.transaction(() => {
    const row: Row = {
      id: uuidv7(now.getTime()),
      ...values,
      services: JSON.stringify(values.services),
      active: true,
      ...firstVersion(actor, at),
    };
    return toEntry(writeFirstVersion(open, actor, at, facilityStore, row, 'directory.create'));
  })();
}

export function updateFacility(
  open: OpenDatabase,
  actor: Actor,
  input: { id: string; expectedVersion: number; facility: DirectoryValues; active: boolean },
  now: Date,
): DirectoryEntry {
  const at = now.toISOString();
  return open.sqlite.transaction(() => {
    const before = requireFacility(open, input.id);
    assertVersion(before.version, input.expectedVersion);
    const next = {
      ...before,
      ...input.facility,
      services: JSON.stringify(input.facility.services),
      active: input.active,
    };
    const changes = diffFields(before, next, FIELDS);
    if (changes.length === 0) return toEntry(before);
    const after = writeNextVersion(open, actor, at, facilityStore, {
      before,
      set: next,
      history: { action: 'update', changes },
      audit: { action: 'directory.update', detail: changedFieldsDetail(changes) },
    });
    return toEntry(after);
  })();
}
