import { eq } from 'drizzle-orm';
import { DEFAULT_DOCUMENT_MEGABYTES } from '../../../shared/contract/channels/documents';
import type { FacilitySettings } from '../../../shared/contract/channels/settings';
import type { Db, Sqlite } from '../../db/open';
import { settings } from '../../db/schema';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../../security/session';
import { appendAudit, type AuditEntry } from '../audit/audit.service';

export const DEFAULT_SETTINGS: FacilitySettings = {
  idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
  backupFolder: null,
  backupKeep: 7,
  autoBackup: true,
  documentMaxMegabytes: DEFAULT_DOCUMENT_MEGABYTES,
};

const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof FacilitySettings)[];

/** Facility settings with defaults for anything never set. */
export function readSettings(db: Db): FacilitySettings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of db.select().from(settings).all()) {
    if ((KEYS as string[]).includes(row.key)) out[row.key] = row.value;
  }
  return out as FacilitySettings;
}

/** One value kept by the system itself (last backup time …): not a facility choice, not audited here. */
export function readSystemValue<T>(db: Db, key: string): T | null {
  const row = db
    .select()
    .from(settings)
    .where(eq(settings.key, `system.${key}`))
    .get();
  return row ? (row.value as T) : null;
}

export function writeSystemValue(db: Db, key: string, value: unknown, at: string): void {
  // A JSON column cannot hold null (NOT NULL): "no value" is no row.
  if (value === null) {
    db.delete(settings)
      .where(eq(settings.key, `system.${key}`))
      .run();
    return;
  }
  db.insert(settings)
    .values({ key: `system.${key}`, value, updatedAt: at, updatedBy: null })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } })
    .run();
}

/** Applies the changed settings and audits old → new in the same transaction. */
export function updateSettings(
  sqlite: Sqlite,
  db: Db,
  patch: Partial<FacilitySettings>,
  by: Pick<AuditEntry, 'userId' | 'role'>,
  at: string,
): FacilitySettings {
  return sqlite.transaction(() => {
    const before = readSettings(db);
    const changes: string[] = [];
    for (const key of KEYS) {
      if (!(key in patch) || patch[key] === undefined) continue;
      let value = patch[key] as unknown;
      if (key === 'backupFolder' && value === '') value = null;
      if (JSON.stringify(before[key]) === JSON.stringify(value)) continue;
      if (value === null) db.delete(settings).where(eq(settings.key, key)).run();
      else
        db.insert(settings)
          .values({ key, value, updatedAt: at, updatedBy: by.userId ?? null })
          .onConflictDoUpdate({
            target: settings.key,
            set: { value, updatedAt: at, updatedBy: by.userId ?? null },
          })
          .run();
      changes.push(`${key}: ${JSON.stringify(before[key])} → ${JSON.stringify(value)}`);
    }
    if (changes.length > 0) {
      appendAudit(
        sqlite,
        { ...by, action: 'settings.update', entity: 'settings', detail: changes.join('; ') },
        at,
      );
    }
    return readSettings(db);
  })();
}
