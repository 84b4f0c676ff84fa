// The end of a pregnancy: a delivery registers each live-born baby as a patient (through the
// patients service) linked to the mother, with the birth weight as the baby's first measurement; other endings
// close it with date and reason. All in one transaction.
import { localDate } from '../../../shared/clinical';
import { AppError } from '../../../shared/contract';
import { invalid } from '../../../shared/contract/validation';
import type { OutcomeInput, PregnancyDetail } from '../../../shared/contract/channels/pregnancy';
import type { outcomeInput } from '../../../shared/contract/channels/pregnancy-fields';
import { PREGNANCY_MESSAGES as M } from '../../../shared/contract/channels/pregnancy-messages';
import { visitFields } from '../../../shared/contract/channels/visits';
import { uuidv7 } from '../../../shared/ids';
import type { z } from 'zod';
import type { OpenDatabase } from '../../core/state';
import { requireActivePatient } from '../patients/patients.repo';
import { registerPatient } from '../patients/patients.service';
import { createVisit } from '../visits/visits.service';
import { assertVersion, firstVersion, writeFirstVersion, writeNextVersion, type Actor } from '../../records';
import { pregnancyDetailOf } from './detail';
import { birthStore, pregnancyStore, requireActivePregnancy, type BirthRow } from './pregnancy.repo';

type Outcome = z.output<typeof outcomeInput>;
export type { OutcomeInput };

export function recordOutcome(
  open: OpenDatabase,
  actor: Actor,
  input: { id: string; expectedVersion: number; outcome: Outcome },
  now: Date,
): PregnancyDetail {
  const at = now.toISOString();
  const today = localDate(now);
  return open.sqlite.transaction(() => {
    const before = requireActivePregnancy(open, input.id, 'id');
    assertVersion(before.version, input.expectedVersion);
    const o = input.outcome;
    if (o.date > today) invalid([{ path: 'outcome.date', message: 'is in the future' }]);
    if (o.date < before.datingLmp)
      invalid([{ path: 'outcome.date', message: `is before the pregnancy began (${before.datingLmp})` }]);
    const mother = requireActivePatient(open.db, before.patientId, 'id');
    if (o.type === 'delivery') {
      o.babies.forEach((baby, i) => {
        const babyId =
          baby.outcome === 'live-birth'
            ? registerPatient(
                open,
                actor,
                {
                  givenName: baby.givenName || (o.babies.length > 1 ? `Baby ${i + 1}` : 'Baby'),
                  familyName: mother.familyName,
                  otherNames: '',
                  sex: baby.sex!,
                  birthDate: o.date,
                  birthDateEstimated: false,
                  phone: '',
                  village: mother.village,
                  district: mother.district,
                  nationalId: '',
                  caregiverName: `${mother.givenName} ${mother.familyName}`,
                  caregiverRelationship: 'mother',
                  caregiverPhone: mother.phone,
                  caregiverNoPhone: mother.phone === '',
                  allergies: '',
                  notes: '',
                  // Twins share a birth date, a caregiver and a phone: they are not duplicates of each other.
                  confirmNotDuplicate: true,
                },
                now,
              ).id
            : null;
        if (babyId && baby.weightKg !== null) {
          createVisit(
            open,
            actor,
            {
              ...visitFields.parse({
                visitDate: o.date,
                type: 'postnatal',
                weightKg: baby.weightKg,
                notes: 'Birth weight',
                confirmImplausible: true,
              }),
              patientId: babyId,
            },
            now,
          );
        }
        const row: BirthRow = {
          id: uuidv7(now.getTime()),
          pregnancyId: before.id,
          motherId: mother.id,
          babyPatientId: babyId,
          birthOrder: i + 1,
          outcome: baby.outcome,
          sex: baby.sex,
          weightKg: baby.weightKg,
          ...firstVersion(actor, at),
        };
        writeFirstVersion(open, actor, at, birthStore, row, 'pregnancy-birth.create');
      });
    }
    const set = {
      status: 'closed' as const,
      outcomeDate: o.date,
      outcomeType: o.type,
      outcomeReason: o.type === 'delivery' ? '' : o.reason,
      delivery:
        o.type === 'delivery'
          ? JSON.stringify({ place: o.place, mode: o.mode, attendant: o.attendant })
          : null,
      nextContactDate: null,
      nextContactNumber: null,
      missedFrom: null,
    };
    writeNextVersion(open, actor, at, pregnancyStore, {
      before,
      set,
      history: {
        action: 'update',
        changes: [
          { field: 'status', from: 'active', to: 'closed' },
          { field: 'outcomeType', from: null, to: o.type },
          { field: 'outcomeDate', from: null, to: o.date },
        ],
      },
      audit: { action: 'pregnancy.close', detail: `outcome=${o.type}` },
    });
    return pregnancyDetailOf(open, before.id, now);
  })();
}

/** Guards the closed state for callers that need a delivered pregnancy. */
export function assertDelivered(outcomeType: string | null): void {
  if (outcomeType !== 'delivery') throw new AppError('CONFLICT', M.notDelivered);
}
