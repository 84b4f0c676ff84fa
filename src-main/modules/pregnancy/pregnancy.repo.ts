// Rows, stores and conversions of the pregnancy domain: every write goes through the record kernel with these
// stores, and each store's outbox call lives here only (one place per entity).
import { eq, getTableName } from 'drizzle-orm';
import { AppError } from '../../../shared/contract';
import type {
  AncContactRecord,
  BirthPlan,
  PostnatalRecord,
  PregnancyRecord,
} from '../../../shared/contract/channels/pregnancy';
import { PREGNANCY_MESSAGES as M } from '../../../shared/contract/channels/pregnancy-messages';
import { getProtocolProfile, type ProtocolProfile } from '../../../shared/clinical';
import type { OpenDatabase } from '../../core/state';
import type { Sqlite } from '../../db/open';
import { ancContacts, postnatalContacts, pregnancies, pregnancyBirths } from '../../db/schema';
import { parseJson, type RecordStore } from '../../records';
import { enqueueStored } from '../../sync/outbox';

export type PregnancyRow = typeof pregnancies.$inferSelect;
export type ContactRow = typeof ancContacts.$inferSelect;
export type BirthRow = typeof pregnancyBirths.$inferSelect;
export type PostnatalRow = typeof postnatalContacts.$inferSelect;

/** The tables of the domain: each a versioned record with an id column (what the kernel needs). */
type PregnancyTable =
  typeof pregnancies | typeof ancContacts | typeof pregnancyBirths | typeof postnatalContacts;

/**
 * One store per table, all alike: the row is inserted or overwritten by id, and its outbox row names the entity
 * (also the history and audit entity) and the table; `patientOf` names the woman the audit row is about.
 */
function storeOf<T extends PregnancyTable>(
  table: T,
  entity: string,
  patientOf: (row: T['$inferSelect']) => string,
): RecordStore<T['$inferSelect']> {
  const name = getTableName(table);
  // The union of tables does not narrow through drizzle's builders; each T's row is its own table's row.
  const t = table as typeof pregnancies;
  type Row = typeof pregnancies.$inferSelect;
  return {
    entity,
    insert: (db, row) =>
      db
        .insert(t)
        .values(row as Row)
        .run(),
    update: (db, row) =>
      db
        .update(t)
        .set(row as Row)
        .where(eq(t.id, row.id))
        .run(),
    afterWrite: (sqlite, row, at) => enqueueStored(sqlite, entity, name, row.id, at),
    patientOf,
  };
}

export const pregnancyStore = storeOf(pregnancies, 'pregnancy', (r) => r.patientId);
export const contactStore = storeOf(ancContacts, 'anc_contact', (r) => r.patientId);
export const birthStore = storeOf(pregnancyBirths, 'pregnancy_birth', (r) => r.motherId);
export const postnatalStore = storeOf(postnatalContacts, 'postnatal_contact', (r) => r.patientId);

/** The facility's protocol profile (missed-list grace, IPTp rules, risk ages). */
export function protocolOf(sqlite: Sqlite): ProtocolProfile {
  const row = sqlite.prepare('SELECT protocol_profile AS p FROM facility WHERE id = 1').get() as
    { p: string } | undefined;
  try {
    return getProtocolProfile(row?.p ?? 'who-2013');
  } catch {
    return getProtocolProfile('who-2013');
  }
}

export function findPregnancy(open: OpenDatabase, id: string): PregnancyRow {
  const row = open.db.select().from(pregnancies).where(eq(pregnancies.id, id)).get();
  if (!row)
    throw new AppError('NOT_FOUND', M.notFound, [{ path: 'id', message: 'is not a known pregnancy' }]);
  return row;
}

/** A pregnancy that can take antenatal entries: not voided, still active. */
export function requireActivePregnancy(open: OpenDatabase, id: string, field = 'pregnancyId'): PregnancyRow {
  const row = findPregnancy(open, id);
  if (row.voided) throw new AppError('CONFLICT', M.voided, [{ path: field, message: 'is voided' }]);
  if (row.status !== 'active')
    throw new AppError('CONFLICT', M.closed, [{ path: field, message: 'is closed' }]);
  return row;
}

export function findContact(open: OpenDatabase, id: string, field = 'id'): ContactRow {
  const row = open.db.select().from(ancContacts).where(eq(ancContacts.id, id)).get();
  if (!row)
    throw new AppError('NOT_FOUND', M.contactNotFound, [{ path: field, message: 'is not a known contact' }]);
  if (row.voided) throw new AppError('CONFLICT', M.contactVoided, [{ path: field, message: 'is voided' }]);
  return row;
}

const bpOf = (s: number | null, d: number | null) =>
  s === null || d === null ? null : { systolic: s, diastolic: d };

export function toPregnancyRecord(row: PregnancyRow): PregnancyRecord {
  return {
    ...row,
    history: parseJson<string[]>(row.history, []),
    riskFactors: parseJson<string[]>(row.riskFactors, []),
    birthPlan: parseJson<BirthPlan>(row.birthPlan, emptyBirthPlan()),
    outcomeType: row.outcomeType as PregnancyRecord['outcomeType'],
    delivery: parseJson<PregnancyRecord['delivery']>(row.delivery, null),
  };
}

export function emptyBirthPlan(): BirthPlan {
  return {
    place: '',
    attendant: '',
    transport: '',
    emergencyFacilityId: null,
    bloodDonor: '',
    savings: false,
  };
}

export function toContactRecord(row: ContactRow): AncContactRecord {
  return {
    id: row.id,
    pregnancyId: row.pregnancyId,
    patientId: row.patientId,
    contactDate: row.contactDate,
    contactNumber: row.contactNumber,
    gaDays: row.gaDays,
    weightKg: row.weightKg,
    bpFirst: bpOf(row.bp1Systolic, row.bp1Diastolic),
    bpRepeat: bpOf(row.bp2Systolic, row.bp2Diastolic),
    hbGdl: row.hbGdl,
    urineProtein: row.urineProtein,
    urineGlucose: row.urineGlucose,
    fundalHeightCm: row.fundalHeightCm,
    fetalHeartRate: row.fetalHeartRate,
    presentation: row.presentation,
    dangerSigns: parseJson<string[]>(row.dangerSigns, []),
    iptpDose: row.iptpDose,
    tdDose: row.tdDose,
    ironFolic: row.ironFolic,
    hivResult: row.hivResult,
    syphilisResult: row.syphilisResult,
    counselling: parseJson<string[]>(row.counselling, []),
    notes: row.notes,
    nextContactDate: row.nextContactDate,
    flags: parseJson<AncContactRecord['flags']>(row.flags, []),
    referralId: row.referralId,
    version: row.version,
    voided: row.voided,
    voidReason: row.voidReason,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

export function toPostnatalRecord(row: PostnatalRow): PostnatalRecord {
  return {
    id: row.id,
    pregnancyId: row.pregnancyId,
    patientId: row.patientId,
    subject: row.subject,
    contactDate: row.contactDate,
    contactNumber: row.contactNumber,
    bp: bpOf(row.systolic, row.diastolic),
    bleeding: row.bleeding,
    breastfeeding: row.breastfeeding,
    dangerSigns: parseJson<string[]>(row.dangerSigns, []),
    familyPlanning: row.familyPlanning,
    weightKg: row.weightKg,
    notes: row.notes,
    version: row.version,
    voided: row.voided,
    voidReason: row.voidReason,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}
