// Registration of a pregnancy, birth plan, voiding, and the derived follow-up dates that the due
// and missed lists read. Rules first, then one transaction through the record kernel.
import { and, eq } from 'drizzle-orm';
import {
  ancFollowUp,
  ancFollowUpBooked,
  ClinicalInputError,
  datePregnancy,
  gestationalAgeDays,
  localDate,
  riskFactors,
  type RiskInput,
} from '../../../shared/clinical';
import { AppError, type FieldError } from '../../../shared/contract';
import { invalid } from '../../../shared/contract/validation';
import type { BirthPlan, PregnancyRecord } from '../../../shared/contract/channels/pregnancy';
import type { z } from 'zod';
import type { pregnancyDraft } from '../../../shared/contract/channels/pregnancy-fields';
import { PREGNANCY_MESSAGES as M } from '../../../shared/contract/channels/pregnancy-messages';
import { ageParts } from '../../../shared/contract/channels/patient-rules';
import { uuidv7 } from '../../../shared/ids';
import type { OpenDatabase } from '../../core/state';
import { ancContacts, pregnancies } from '../../db/schema';
import { requireFacility } from '../directory/directory.service';
import { requireActivePatient } from '../patients/patients.repo';
import {
  assertCanCorrect,
  assertVersion,
  diffFields,
  firstVersion,
  writeFirstVersion,
  writeNextVersion,
  writeVoided,
  type Actor,
} from '../../records';
import {
  emptyBirthPlan,
  findPregnancy,
  pregnancyStore,
  protocolOf,
  toPregnancyRecord,
  type PregnancyRow,
} from './pregnancy.repo';

type Draft = z.output<typeof pregnancyDraft>;

/** The active pregnancy of a woman, if any. */
export function activePregnancyOf(open: OpenDatabase, patientId: string): PregnancyRow | undefined {
  return open.db
    .select()
    .from(pregnancies)
    .where(
      and(
        eq(pregnancies.patientId, patientId),
        eq(pregnancies.status, 'active'),
        eq(pregnancies.voided, false),
      ),
    )
    .get();
}

function clinicalField(e: unknown, fallback: string): FieldError {
  if (e instanceof ClinicalInputError) {
    const path =
      e.field === 'on'
        ? 'lmp'
        : e.field.startsWith('gestationalAge')
          ? 'ultrasound.gestationalAgeDays'
          : e.field === 'scanDate'
            ? 'ultrasound.scanDate'
            : e.field;
    return { path, message: e.message };
  }
  return { path: fallback, message: 'is not valid' };
}

export function registerPregnancy(
  open: OpenDatabase,
  actor: Actor,
  input: Draft,
  now: Date,
): PregnancyRecord {
  const at = now.toISOString();
  const today = localDate(now);
  const profile = protocolOf(open.sqlite);
  return open.sqlite.transaction(() => {
    const patient = requireActivePatient(open.db, input.patientId);
    if (patient.sex !== 'female')
      throw new AppError('VALIDATION', M.notFemale, [
        { path: 'patientId', message: 'is not a female patient' },
      ]);
    const age = ageParts(patient.birthDate, today).years;
    if (age < 10 || age > 55)
      throw new AppError('VALIDATION', M.ageOutOfRange, [
        { path: 'patientId', message: `is ${age} years old (a pregnancy is registered from 10 to 55)` },
      ]);
    const open1 = activePregnancyOf(open, patient.id);
    if (open1)
      throw new AppError('CONFLICT', M.alreadyActive, [
        {
          path: 'patientId',
          message: `has an active pregnancy registered on ${open1.registeredOn} (EDD ${open1.edd})`,
        },
      ]);
    const fields: FieldError[] = [];
    if (input.ultrasound && input.ultrasound.scanDate > today)
      fields.push({ path: 'ultrasound.scanDate', message: 'is in the future' });
    if (input.lmp && input.lmp > today) fields.push({ path: 'lmp', message: 'is in the future' });
    if (fields.length > 0) invalid(fields);
    let dating;
    try {
      dating = datePregnancy({ lmp: input.lmp, ultrasound: input.ultrasound });
      gestationalAgeDays(dating.datingLmp, today);
    } catch (e) {
      invalid([clinicalField(e, 'lmp')]);
    }
    const has = (h: string) => (input.history as readonly string[]).includes(h);
    const risk: RiskInput = {
      ageYears: Math.max(age, 8),
      gravida: input.gravida,
      parity: input.para,
      previousCaesarean: input.previousCaesarean,
      multiplePregnancy: input.multiplePregnancy,
      hivPositive: input.hivStatus === 'positive',
      abnormalPresentation: has('abnormal-presentation'),
      previousConvulsions: has('previous-convulsions'),
      previousHeavyBleeding: has('previous-heavy-bleeding'),
      previousInstrumentalDelivery: has('previous-instrumental-delivery'),
      previousSevereTear: has('previous-severe-tear'),
      currentVaginalBleeding: has('current-vaginal-bleeding'),
    };
    const follow = ancFollowUp(dating.datingLmp, [], profile);
    const row: PregnancyRow = {
      id: uuidv7(now.getTime()),
      patientId: patient.id,
      status: 'active',
      registeredOn: today,
      motherAgeYears: age,
      lmp: input.lmp,
      datingMethod: dating.method,
      ultrasoundDate: input.ultrasound?.scanDate ?? null,
      ultrasoundGaDays: input.ultrasound?.gestationalAgeDays ?? null,
      edd: dating.edd,
      datingLmp: dating.datingLmp,
      gravida: input.gravida,
      para: input.para,
      abortions: input.abortions,
      livingChildren: input.livingChildren,
      previousCaesarean: input.previousCaesarean,
      multiplePregnancy: input.multiplePregnancy,
      hivStatus: input.hivStatus,
      history: JSON.stringify(input.history),
      riskFactors: JSON.stringify(riskFactors(risk, profile)),
      firstContactDate: null,
      firstContactGaDays: null,
      nextContactDate: follow.nextContact?.date ?? null,
      nextContactNumber: follow.nextContact?.number ?? null,
      missedFrom: follow.missedFrom,
      birthPlan: JSON.stringify(emptyBirthPlan()),
      outcomeDate: null,
      outcomeType: null,
      outcomeReason: '',
      delivery: null,
      ...firstVersion(actor, at),
    };
    writeFirstVersion(open, actor, at, pregnancyStore, row, 'pregnancy.create');
    return toPregnancyRecord(row);
  })();
}

const FOLLOW_FIELDS = [
  'firstContactDate',
  'firstContactGaDays',
  'nextContactDate',
  'nextContactNumber',
  'missedFrom',
] as const;

/** Recomputes the follow-up columns from the pregnancy's contacts; writes a version only when they change. */
export function refreshFollowUp(
  open: OpenDatabase,
  actor: Actor,
  pregnancyId: string,
  at: string,
): PregnancyRow {
  const before = findPregnancy(open, pregnancyId);
  const dates = open.db
    .select({ d: ancContacts.contactDate, ga: ancContacts.gaDays, booked: ancContacts.nextContactDate })
    .from(ancContacts)
    .where(and(eq(ancContacts.pregnancyId, pregnancyId), eq(ancContacts.voided, false)))
    .all()
    .sort((a, b) => (a.d < b.d ? -1 : 1));
  // The date booked at her latest contact wins over the plan's target (see ancFollowUpBooked).
  const follow = ancFollowUpBooked(
    before.datingLmp,
    dates.map((x) => x.d),
    dates.at(-1)?.booked ?? null,
    protocolOf(open.sqlite),
  );
  const next: Pick<PregnancyRow, (typeof FOLLOW_FIELDS)[number]> = {
    firstContactDate: dates[0]?.d ?? null,
    firstContactGaDays: dates[0]?.ga ?? null,
    nextContactDate: follow.nextContact?.date ?? null,
    nextContactNumber: follow.nextContact?.number ?? null,
    missedFrom: follow.missedFrom,
  };
  const changes = diffFields({ ...before }, { ...before, ...next }, FOLLOW_FIELDS);
  if (changes.length === 0) return before;
  return writeNextVersion(open, actor, at, pregnancyStore, {
    before,
    set: next,
    history: { action: 'update', changes },
  });
}

export function saveBirthPlan(
  open: OpenDatabase,
  actor: Actor,
  input: { id: string; expectedVersion: number; plan: BirthPlan },
  now: Date,
): PregnancyRecord {
  const at = now.toISOString();
  return open.sqlite.transaction(() => {
    const before = findPregnancy(open, input.id);
    if (before.voided) throw new AppError('CONFLICT', M.voided);
    assertVersion(before.version, input.expectedVersion);
    if (input.plan.emergencyFacilityId)
      requireFacility(open, input.plan.emergencyFacilityId, 'plan.emergencyFacilityId');
    const birthPlan = JSON.stringify(input.plan);
    if (birthPlan === before.birthPlan) return toPregnancyRecord(before);
    const after = writeNextVersion(open, actor, at, pregnancyStore, {
      before,
      set: { birthPlan },
      history: {
        action: 'update',
        changes: [{ field: 'birthPlan', from: JSON.parse(before.birthPlan), to: input.plan }],
      },
      audit: { action: 'pregnancy.birth-plan' },
    });
    return toPregnancyRecord(after);
  })();
}

export function voidPregnancy(
  open: OpenDatabase,
  actor: Actor,
  input: { id: string; expectedVersion: number; reason: string },
  now: Date,
): PregnancyRecord {
  return open.sqlite.transaction(() => {
    const before = findPregnancy(open, input.id);
    if (before.voided) throw new AppError('CONFLICT', M.voided);
    assertVersion(before.version, input.expectedVersion);
    assertCanCorrect(before, actor, now);
    const after = writeVoided(open, actor, now.toISOString(), pregnancyStore, {
      before,
      reason: input.reason,
      auditAction: 'pregnancy.void',
    });
    return toPregnancyRecord(after);
  })();
}
