// Merging a duplicate into the surviving record: every registered domain checks its rules and moves its records
// (through the kernel) to the survivor, the duplicate is marked merged (kept, never deleted), and blanks of the
// survivor are filled from it.
import { PATIENT_MESSAGES } from '../../../shared/contract/channels/patient-messages';
import { AppError } from '../../../shared/contract';
import type { PatientRecord } from '../../../shared/contract/channels/patients';
import type { OpenDatabase } from '../../core/state';
import { auditBy } from '../audit/audit.service';
import { patientStore, requirePatient, toRecord, type PatientRow } from './patients.repo';
import {
  assertVersion,
  registeredDomains,
  writeNextVersion,
  type Actor,
  type FieldChange,
} from '../../records';

/** Survivor fields filled from the duplicate when the survivor has them blank. */
const FILLABLE = [
  'otherNames',
  'phone',
  'village',
  'district',
  'nationalId',
  'caregiverName',
  'caregiverRelationship',
  'caregiverPhone',
] as const;

export function mergePatients(
  open: OpenDatabase,
  actor: Actor,
  input: {
    survivorId: string;
    mergedId: string;
    survivorVersion: number;
    mergedVersion: number;
    reason: string;
  },
  now: Date,
): { survivor: PatientRecord; moved: Record<string, number> } {
  const { sqlite, db } = open;
  const at = now.toISOString();
  return sqlite.transaction(() => {
    const survivor = requirePatient(db, input.survivorId, 'survivorId');
    const merged = requirePatient(db, input.mergedId, 'mergedId');
    for (const [row, field] of [
      [survivor, 'survivorId'],
      [merged, 'mergedId'],
    ] as const) {
      if (row.mergedInto) {
        throw new AppError('CONFLICT', PATIENT_MESSAGES.mergeAlreadyMerged, [
          { path: field, message: 'was already merged' },
        ]);
      }
      if (row.voided) {
        throw new AppError('CONFLICT', PATIENT_MESSAGES.mergeVoided, [{ path: field, message: 'is voided' }]);
      }
    }
    assertVersion(survivor.version, input.survivorVersion);
    assertVersion(merged.version, input.mergedVersion);

    const participants = registeredDomains().flatMap((d) => (d.merge ? [d.merge] : []));
    for (const p of participants) p.check?.(open, merged.id, survivor.id);
    const moved: Record<string, number> = {};
    for (const p of participants) {
      const counts = p.move(open, actor, {
        fromId: merged.id,
        intoId: survivor.id,
        reason: input.reason,
        at,
      });
      for (const [entity, n] of Object.entries(counts)) if (n > 0) moved[entity] = (moved[entity] ?? 0) + n;
    }

    // The survivor keeps its own values; its blanks take the duplicate's, and allergies are the union of both.
    const fills: Partial<PatientRow> = {};
    const changes: FieldChange[] = [];
    for (const field of FILLABLE) {
      if (!survivor[field] && merged[field]) {
        fills[field] = merged[field];
        changes.push({ field, from: survivor[field], to: merged[field] });
      }
    }
    if (merged.allergies && !survivor.allergies.includes(merged.allergies)) {
      const allergies = survivor.allergies ? `${survivor.allergies}\n${merged.allergies}` : merged.allergies;
      fills.allergies = allergies;
      changes.push({ field: 'allergies', from: survivor.allergies, to: allergies });
    }
    changes.push({ field: 'mergedFrom', from: null, to: merged.id });
    writeNextVersion(open, actor, at, patientStore, {
      before: merged,
      set: { mergedInto: survivor.id },
      history: {
        action: 'merged-into',
        changes: [{ field: 'mergedInto', from: null, to: survivor.id }],
        reason: input.reason,
      },
    });
    const keptRow = writeNextVersion(open, actor, at, patientStore, {
      before: survivor,
      set: fills,
      history: { action: 'merge', changes, reason: input.reason },
    });

    const counts = Object.entries(moved)
      .map(([t, n]) => `${t}=${n}`)
      .join(' ');
    auditBy(
      sqlite,
      actor,
      {
        action: 'patient.merge',
        entity: 'patient',
        entityId: survivor.id,
        patientId: survivor.id,
        detail: `merged=${merged.id}${counts ? ` ${counts}` : ''}`,
      },
      at,
    );
    return { survivor: toRecord(keptRow), moved };
  })();
}
