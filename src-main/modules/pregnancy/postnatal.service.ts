// Postnatal care: contacts of the mother and each baby, numbered by the WHO windows.
import { and, eq } from 'drizzle-orm';
import { localDate, postnatalContacts as postnatalPlan } from '../../../shared/clinical';
import { AppError } from '../../../shared/contract';
import { invalid } from '../../../shared/contract/validation';
import type { PostnatalRecord } from '../../../shared/contract/channels/pregnancy';
import type { postnatalFields } from '../../../shared/contract/channels/pregnancy-fields';
import { PREGNANCY_MESSAGES as M } from '../../../shared/contract/channels/pregnancy-messages';
import { uuidv7 } from '../../../shared/ids';
import type { z } from 'zod';
import type { OpenDatabase } from '../../core/state';
import { pregnancyBirths } from '../../db/schema';
import { firstVersion, writeFirstVersion, type Actor } from '../../records';
import { assertDelivered } from './outcome.service';
import { findPregnancy, postnatalStore, toPostnatalRecord, type PostnatalRow } from './pregnancy.repo';

type Fields = z.output<typeof postnatalFields>;

export function recordPostnatal(
  open: OpenDatabase,
  actor: Actor,
  input: Fields & { pregnancyId: string },
  now: Date,
): PostnatalRecord {
  const at = now.toISOString();
  return open.sqlite.transaction(() => {
    const pregnancy = findPregnancy(open, input.pregnancyId);
    if (pregnancy.voided) throw new AppError('CONFLICT', M.voided);
    assertDelivered(pregnancy.outcomeType);
    const birth = pregnancy.outcomeDate!;
    if (input.contactDate > localDate(now)) invalid([{ path: 'contactDate', message: 'is in the future' }]);
    if (input.contactDate < birth)
      invalid([{ path: 'contactDate', message: `is before the birth (${birth})` }]);
    let patientId = pregnancy.patientId;
    if (input.subject === 'baby') {
      const baby = open.db
        .select()
        .from(pregnancyBirths)
        .where(
          and(
            eq(pregnancyBirths.pregnancyId, pregnancy.id),
            eq(pregnancyBirths.babyPatientId, input.babyPatientId!),
            eq(pregnancyBirths.voided, false),
          ),
        )
        .get();
      if (!baby) invalid([{ path: 'babyPatientId', message: 'is not a baby of this delivery' }]);
      patientId = baby.babyPatientId!;
    }
    const window = postnatalPlan(birth).find((w) => input.contactDate >= w.from && input.contactDate <= w.to);
    const row: PostnatalRow = {
      id: uuidv7(now.getTime()),
      pregnancyId: pregnancy.id,
      patientId,
      subject: input.subject,
      contactDate: input.contactDate,
      contactNumber: window?.number ?? null,
      systolic: input.bp?.systolic ?? null,
      diastolic: input.bp?.diastolic ?? null,
      bleeding: input.bleeding,
      breastfeeding: input.breastfeeding,
      dangerSigns: JSON.stringify(input.dangerSigns),
      familyPlanning: input.familyPlanning,
      weightKg: input.weightKg,
      notes: input.notes,
      ...firstVersion(actor, at),
    };
    writeFirstVersion(open, actor, at, postnatalStore, row, 'postnatal-contact.create');
    return toPostnatalRecord(row);
  })();
}
