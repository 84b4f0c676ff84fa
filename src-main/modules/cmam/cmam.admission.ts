// CMAM admission: the core proposes SAM/MAM with every criterion, the placement, the admission type
// from the child's history, the ration and medicines; the nurse confirms; the number comes from the counter in
// the same transaction as the episode, its stock movement, outbox and audit rows.
import {
  ClinicalInputError,
  DAYS_PER_MONTH,
  addDays,
  admissionType,
  appetiteTest,
  appetiteTestMinimum,
  classifyNutrition,
  computeAnthropometry,
  daysBetween,
  localDate,
  medicinesDue,
  placeChild,
  rutfRation,
  type PastEpisode,
  type ProtocolProfile,
} from '../../../shared/clinical';
import { AppError, type FieldError } from '../../../shared/contract';
import type { Assessment, CmamProgramme, EpisodeRecord } from '../../../shared/contract/channels/cmam';
import { CMAM_MESSAGES } from '../../../shared/contract/channels/cmam-messages';
import { invalid } from '../../../shared/contract/validation';
import { uuidv7 } from '../../../shared/ids';
import type { OpenDatabase } from '../../core/state';
import { firstVersion, numberInScope, stmt, writeFirstVersion, type Actor } from '../../records';
import { requireActivePatient, type PatientRow } from '../patients/patients.repo';
import { ensureBuiltIns } from '../programmes/programmes.repo';
import { episodeStore, openEpisodeIn, protocolOf, toEpisode, type EpisodeRow } from './cmam.repo';
import { dispense } from './cmam.stock';

/** The engine's refusal on the field the person typed. */
export function clinicalField(error: unknown, fallback: string): FieldError {
  if (error instanceof ClinicalInputError) {
    return {
      path: error.field.includes('[') ? fallback : error.field,
      message: error.message.replace(/^\w+ /, ''),
    };
  }
  throw error;
}

export interface AssessInput {
  patientId: string;
  admissionDate: string;
  visitId: string | null;
  weightKg: number;
  lengthCm: number | null;
  measured: 'lying' | 'standing' | null;
  muacMm: number | null;
  oedema: 'none' | '+' | '++' | '+++';
  appetiteSachetsEaten: number | null;
  medicalComplication: boolean;
  dangerSign: boolean;
  transferFrom: 'SC' | 'OTP' | 'TSFP' | 'other-site' | null;
}

interface Assessed extends Assessment {
  patient: PatientRow;
  profile: ProtocolProfile;
}

/** The child's closed, non-voided stays, for the admission type. */
function history(open: OpenDatabase, patientId: string): PastEpisode[] {
  return stmt(
    open.sqlite,
    `SELECT programme, admission_date AS admissionDate, exit_date AS exitDate, exit_type AS exitType
     FROM cmam_episodes WHERE patient_id = ? AND voided = 0 AND exit_date IS NOT NULL AND internal_move = 0`,
  ).all(patientId) as PastEpisode[];
}

function numberPreview(open: OpenDatabase, programme: string, year: string): string {
  const row = stmt(open.sqlite, 'SELECT last FROM registration_counters WHERE scope = ?').get(
    `${programme}:${year}`,
  ) as { last: number } | undefined;
  return `${programme}-${year}-${String((row?.last ?? 0) + 1).padStart(4, '0')}`;
}

function assessWith(open: OpenDatabase, input: AssessInput, now: Date): Assessed {
  const today = localDate(now);
  const patient = requireActivePatient(open.db, input.patientId);
  const profile = protocolOf(open);
  const fields: FieldError[] = [];
  if (input.admissionDate > today) fields.push({ path: 'admissionDate', message: 'is in the future' });
  if (input.admissionDate < patient.birthDate)
    fields.push({ path: 'admissionDate', message: "is before the child's date of birth" });
  let whz: number | null = null;
  if (input.visitId) {
    const visit = stmt(open.sqlite, 'SELECT patient_id, whz, voided FROM visits WHERE id = ?').get(
      input.visitId,
    ) as { patient_id: string; whz: number | null; voided: number } | undefined;
    if (!visit || visit.voided === 1 || visit.patient_id !== patient.id)
      fields.push({ path: 'visitId', message: 'is not a visit of this child' });
    else whz = visit.whz;
  }
  if (fields.length > 0) invalid(fields);
  const ageDays = daysBetween(patient.birthDate, input.admissionDate);
  try {
    if (input.lengthCm !== null) {
      whz = computeAnthropometry({
        sex: patient.sex,
        ageDays,
        weightKg: input.weightKg,
        lengthCm: input.lengthCm,
        measured: input.measured,
        muacMm: input.muacMm,
        oedema: input.oedema,
      }).whz;
    }
    if (input.oedema !== 'none') whz = null;
    const c = classifyNutrition({ muacMm: input.muacMm, whz, oedema: input.oedema, ageDays }, profile);
    const appetite =
      input.appetiteSachetsEaten === null
        ? { result: null, minimumSachets: appetiteTestMinimum(input.weightKg, profile) }
        : appetiteTest(input.weightKg, input.appetiteSachetsEaten, profile);
    const placement =
      c.status === null
        ? { programme: null, reasons: [], medicalReferral: input.medicalComplication || input.dangerSign }
        : placeChild(
            {
              status: c.status,
              ageDays,
              oedema: input.oedema,
              medicalComplication: input.medicalComplication,
              dangerSign: input.dangerSign,
              appetiteTest: appetite.result,
            },
            profile,
          );
    const status = c.status === 'SAM' || c.status === 'MAM' ? c.status : 'SAM';
    const type = admissionType(
      {
        admissionDate: input.admissionDate,
        status,
        transferFrom: input.transferFrom,
        history: history(open, patient.id),
      },
      profile,
    );
    const target = placement.programme;
    const ration = target === 'OTP' ? rutfRation(input.weightKg, profile) : null;
    const open_ = target ? openEpisodeIn(open, patient.id, target) : undefined;
    return {
      patient,
      profile,
      ageDays,
      ageMonths: Math.floor(ageDays / DAYS_PER_MONTH),
      whz,
      status: c.status,
      criteria: c.criteria,
      admissionCriterion: c.admissionCriterion,
      notes: c.notes,
      placement,
      appetite: { minimumSachets: appetite.minimumSachets, result: appetite.result },
      admissionType: type,
      ration: ration ? { sachetsPerDay: ration.sachetsPerDay, sachetsPerWeek: ration.sachetsPerWeek } : null,
      medicinesDue:
        target === 'OTP'
          ? medicinesDue(
              { admissionDate: input.admissionDate, visitDate: input.admissionDate, ageDays, given: [] },
              profile,
            )
          : [],
      nextVisitDate: addDays(input.admissionDate, profile.cmam.followUpIntervalDays),
      numberPreview: target ? numberPreview(open, target, input.admissionDate.slice(0, 4)) : null,
      openEpisode: open_ ? { id: open_.id, programme: target!, number: open_.number } : null,
    };
  } catch (error) {
    invalid([clinicalField(error, 'admissionDate')]);
  }
}

export function assessAdmission(open: OpenDatabase, input: AssessInput, now: Date): Assessment {
  const { patient: _p, profile: _f, ...assessment } = assessWith(open, input, now);
  return assessment;
}

export interface AdmitInput extends AssessInput {
  programme: CmamProgramme;
  transferSite: string;
  transferNumber: string;
  medicinesGiven: EpisodeRecord['medicinesGiven'];
  rutfSachetsGiven: number;
  nextVisitDate: string | null;
  notes: string;
}

/** Which programmes a classification may enter, and why a chosen one is refused. */
function programmeRefusal(a: Assessed, programme: CmamProgramme): string | null {
  if (a.status !== 'SAM' && a.status !== 'MAM') return 'is not for a child without acute malnutrition';
  if (a.status === 'MAM' && programme !== 'TSFP') return 'must be TSFP for a child with MAM';
  if (a.status === 'SAM' && programme === 'TSFP') return 'must be OTP or SC for a child with SAM';
  if (programme === 'OTP' && a.placement.programme === 'SC')
    return `must be SC (${a.placement.reasons.join(', ')})`;
  return null;
}

export function admit(open: OpenDatabase, actor: Actor, input: AdmitInput, now: Date): EpisodeRecord {
  const at = now.toISOString();
  return open.sqlite.transaction(() => {
    ensureBuiltIns(open, at);
    const a = assessWith(open, input, now);
    const fields: FieldError[] = [];
    const refusal = programmeRefusal(a, input.programme);
    if (refusal) {
      throw new AppError('CONFLICT', CMAM_MESSAGES.notEligible, [{ path: 'programme', message: refusal }]);
    }
    if (input.programme === 'OTP' && a.appetite.result === null)
      fields.push({ path: 'appetiteSachetsEaten', message: 'is needed to admit to OTP (appetite test)' });
    if (input.programme === 'OTP' && input.oedema === '+++')
      fields.push({ path: 'oedema', message: 'is +++: the child must go to SC' });
    if (input.transferFrom === 'other-site' && input.transferNumber === '')
      fields.push({ path: 'transferNumber', message: "is required: the other site's programme number" });
    if (input.nextVisitDate !== null && input.nextVisitDate <= input.admissionDate)
      fields.push({ path: 'nextVisitDate', message: 'must be after the admission date' });
    if (fields.length > 0) invalid(fields);
    const already = openEpisodeIn(open, a.patient.id, input.programme);
    if (already) {
      throw new AppError('CONFLICT', CMAM_MESSAGES.episodeOpenElsewhere, [
        {
          path: 'programme',
          message: `already has an open episode ${already.number} since ${already.admission_date}`,
        },
      ]);
    }
    const ration = input.programme === 'OTP' ? rutfRation(input.weightKg, a.profile) : null;
    const row: EpisodeRow = {
      id: uuidv7(now.getTime()),
      patientId: a.patient.id,
      programme: input.programme,
      number: numberInScope(open.sqlite, input.programme, input.admissionDate.slice(0, 4), 4),
      admissionDate: input.admissionDate,
      admissionType: a.admissionType,
      admissionCriterion: a.admissionCriterion,
      criteria: JSON.stringify(a.criteria),
      status: a.status as 'SAM' | 'MAM',
      transferFrom: input.transferFrom,
      transferSite: input.transferSite,
      transferNumber: input.transferNumber,
      previousEpisodeId: null,
      admissionVisitId: input.visitId,
      weightKg: input.weightKg,
      lengthCm: input.lengthCm,
      muacMm: input.muacMm,
      whz: a.whz,
      oedema: input.oedema,
      appetiteTest: a.appetite.result,
      medicalComplication: input.medicalComplication,
      dangerSign: input.dangerSign,
      rationPerWeek: ration?.sachetsPerWeek ?? null,
      rutfSachets: input.rutfSachetsGiven,
      medicinesGiven: JSON.stringify(input.medicinesGiven),
      nextVisitDate: input.nextVisitDate ?? (input.programme === 'SC' ? null : a.nextVisitDate),
      notes: input.notes,
      exitDate: null,
      exitType: null,
      exitNotes: '',
      internalMove: false,
      sex: a.patient.sex,
      ageMonthsAtAdmission: a.ageMonths,
      protocol: a.profile.id,
      merged: false,
      ...firstVersion(actor, at),
    };
    writeFirstVersion(open, actor, at, episodeStore, row, 'cmam.admit');
    if (input.rutfSachetsGiven > 0)
      dispense(open, actor, at, {
        date: input.admissionDate,
        quantity: input.rutfSachetsGiven,
        episodeId: row.id,
        followupId: null,
      });
    return toEpisode(row);
  })();
}
