// A visit's age, z-scores and nutrition status derive from the patient's sex and birth date: when those are
// corrected, every visit of the patient is recomputed in the correction's transaction, so reports never count
// a child by numbers its record no longer supports.
import { and, eq } from 'drizzle-orm';
import { invalid } from '../../../shared/contract/validation';
import type { OpenDatabase } from '../../core/state';
import { visits } from '../../db/schema';
import { diffFields, writeNextVersion, type Actor, type PatientCorrection } from '../../records';
import { facilityProtocol } from '../facility/protocol';
import { computeVisitNumbers } from './measure';
import { visitStore, type VisitRow } from './visits.service';

/** The patient fields a visit's numbers are computed from. */
const INPUTS = ['sex', 'birthDate', 'birthDateEstimated'];

/** The stored numbers a recomputation may change (compared for the history). */
const DERIVED = [
  'ageDays',
  'whz',
  'waz',
  'haz',
  'bmiz',
  'muacz',
  'lengthUsedCm',
  'nutritionStatus',
  'nutritionCriteria',
  'anthropometryFlags',
  'protocolProfileId',
  'protocolProfileVersion',
] as const;

export function recomputeVisits(open: OpenDatabase, actor: Actor, correction: PatientCorrection): void {
  if (!correction.changed.some((f) => INPUTS.includes(f))) return;
  const { after: patient } = correction;
  const rows = open.db
    .select()
    .from(visits)
    .where(and(eq(visits.patientId, patient.id), eq(visits.voided, false)))
    .all();
  const early = rows.filter((v) => v.visitDate < patient.birthDate).map((v) => v.visitDate);
  if (early.length > 0) {
    invalid([{ path: 'birthDate', message: `is after a visit of this patient (${early.sort()[0]})` }]);
  }
  const fallback = facilityProtocol(open.sqlite);
  for (const before of rows) {
    // The profile that classified the visit classifies it again (the facility's, for visits saved before).
    const profile =
      before.protocolProfileId !== null && before.protocolProfileVersion !== null
        ? { id: before.protocolProfileId, version: before.protocolProfileVersion }
        : fallback;
    const entered = { ...before, oedema: before.oedema ?? 'none' };
    const { numbers } = computeVisitNumbers(patient, entered, correction.today, profile);
    const set: Partial<VisitRow> = {
      ...numbers,
      nutritionCriteria: JSON.stringify(numbers.nutritionCriteria),
      anthropometryFlags: JSON.stringify(numbers.anthropometryFlags),
      protocolProfileId: profile.id,
      protocolProfileVersion: profile.version,
    };
    const changes = diffFields(before, { ...before, ...set }, DERIVED);
    if (changes.length === 0) continue;
    writeNextVersion(open, actor, correction.at, visitStore, {
      before,
      set,
      history: {
        action: 'recomputed',
        changes,
        reason: `patient corrected: ${correction.changed.filter((f) => INPUTS.includes(f)).join(', ')}`,
      },
    });
  }
}
