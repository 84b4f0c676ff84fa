// CMAM episodes: admission type from the history, discharge (cured) eligibility, programme performance.
import { addMonths, toDayNumber } from '../dates';
import type { IsoDate } from '../dates';
import { ClinicalInputError, requireFinite, requireInteger, requireOneOf } from '../errors';
import { DEFAULT_PROTOCOL } from '../protocols/profiles';
import type { ProtocolProfile } from '../protocols/profiles';
import { OEDEMA_INPUTS } from '../types';
import type { OedemaInput } from '../types';
import type { NutritionCriterion, NutritionStatus } from './classify';
import type { Programme } from './placement';

export type AdmissionType = 'new' | 'relapse' | 'readmission' | 'transfer-in';
export type ExitType =
  'cured' | 'died' | 'defaulted' | 'non-responder' | 'medical-transfer' | 'transfer-out' | 'moved-other';

export interface PastEpisode {
  programme: Programme;
  admissionDate: IsoDate;
  /** null while open; open episodes are ignored here. */
  exitDate: IsoDate | null;
  exitType: ExitType | null;
}

export interface AdmissionTypeInput {
  admissionDate: IsoDate;
  status: NutritionStatus;
  /** Set when the child arrives from SC/OTP or another site. */
  transferFrom: 'SC' | 'OTP' | 'TSFP' | 'other-site' | null;
  history: readonly PastEpisode[];
}

/**
 * transfer-in when moved from SC/OTP/another site; readmission when the last stay ended in default; relapse when
 * SAM again less than 2 months after a cured exit from SC/OTP; otherwise new.
 */
// CLINICAL.md §2 admission types (CMAM)
export function admissionType(
  input: AdmissionTypeInput,
  profile: ProtocolProfile = DEFAULT_PROTOCOL,
): AdmissionType {
  const admission = toDayNumber(input.admissionDate, 'admissionDate');
  if (input.transferFrom !== null) return 'transfer-in';
  let last: PastEpisode | null = null;
  let lastExit = -Infinity;
  input.history.forEach((e, i) => {
    if (e.exitDate === null) return;
    const exit = toDayNumber(e.exitDate, `history[${i}].exitDate`);
    if (exit < toDayNumber(e.admissionDate, `history[${i}].admissionDate`)) {
      throw new ClinicalInputError(`history[${i}].exitDate`, 'date-order', 'exit is before admission');
    }
    if (exit > admission) {
      throw new ClinicalInputError(
        `history[${i}].exitDate`,
        'date-order',
        'a past stay ends after this admission',
      );
    }
    if (exit >= lastExit) [last, lastExit] = [e, exit];
  });
  const previous = last as PastEpisode | null;
  if (previous === null) return 'new';
  if (previous.exitType === 'defaulted' && previous.exitDate !== null) {
    const limit = toDayNumber(addMonths(previous.exitDate, profile.cmam.readmissionWithinMonths));
    return admission < limit ? 'readmission' : 'new';
  }
  const samProgramme = previous.programme === 'SC' || previous.programme === 'OTP';
  if (previous.exitType === 'cured' && samProgramme && input.status === 'SAM' && previous.exitDate !== null) {
    const limit = toDayNumber(addMonths(previous.exitDate, profile.cmam.relapseWithinMonths));
    if (admission < limit) return 'relapse';
  }
  return 'new';
}

export interface DischargeVisit {
  date: IsoDate;
  muacMm: number | null;
  /** Rounded WHZ; null when not measured or not computable. */
  whz: number | null;
  oedema: OedemaInput;
}

export type DischargeUnmet =
  | 'muac-below-threshold'
  | 'muac-missing'
  | 'whz-below-threshold'
  | 'whz-missing'
  | 'oedema-present'
  | 'oedema-free-visits-too-few';

export interface DischargeEligibility {
  eligible: boolean;
  rule: 'same-indicator' | 'all-criteria';
  unmet: DischargeUnmet[];
}

/**
 * Cured (WHO 2013): MUAC ≥ 125 mm or WHZ ≥ −2 on the same indicator(s) as admission, and no oedema for 2
 * consecutive visits. WHO 2023: WHZ ≥ −2 AND MUAC ≥ 125 mm and no oedema. Visits oldest first, the last is today's.
 */
// WHO 2013 SAM guideline / WHO 2023 wasting guideline: discharge criteria (CLINICAL.md §2 exits)
export function dischargeEligibility(
  input: { admissionCriteria: readonly NutritionCriterion[]; visits: readonly DischargeVisit[] },
  profile: ProtocolProfile = DEFAULT_PROTOCOL,
): DischargeEligibility {
  const d = profile.cmam.discharge;
  const visits = input.visits;
  const current = visits[visits.length - 1];
  if (!current) throw new ClinicalInputError('visits', 'required', 'at least one visit is needed');
  visits.forEach((v, i) => {
    requireOneOf(v.oedema, `visits[${i}].oedema`, OEDEMA_INPUTS);
    if (i > 0 && toDayNumber(v.date, `visits[${i}].date`) <= toDayNumber(visits[i - 1]?.date, 'date')) {
      throw new ClinicalInputError(
        `visits[${i}].date`,
        'date-order',
        'visits must be in date order, one per day',
      );
    }
  });
  const admittedBy = new Set(
    input.admissionCriteria.map((c) => (c.startsWith('muac') ? 'muac' : c.startsWith('whz') ? 'whz' : c)),
  );
  let needMuac: boolean;
  let needWhz: boolean;
  if (d.rule === 'all-criteria') [needMuac, needWhz] = [true, true];
  else if (admittedBy.has('muac') || admittedBy.has('whz'))
    [needMuac, needWhz] = [admittedBy.has('muac'), admittedBy.has('whz')];
  else if (admittedBy.has('oedema'))
    [needMuac, needWhz] = [d.oedemaOnlyIndicator === 'muac', d.oedemaOnlyIndicator === 'whz'];
  else throw new ClinicalInputError('admissionCriteria', 'required', 'the admission criteria are needed');

  const unmet: DischargeUnmet[] = [];
  if (needMuac) {
    if (current.muacMm === null) unmet.push('muac-missing');
    else if (requireFinite(current.muacMm, 'muacMm') < d.muacAtLeastMm) unmet.push('muac-below-threshold');
  }
  if (needWhz) {
    if (current.whz === null) unmet.push('whz-missing');
    else if (requireFinite(current.whz, 'whz') < d.whzAtLeast) unmet.push('whz-below-threshold');
  }
  const recent = visits.slice(-d.oedemaFreeVisits);
  if (current.oedema !== 'none') unmet.push('oedema-present');
  else if (recent.length < d.oedemaFreeVisits) unmet.push('oedema-free-visits-too-few');
  else if (recent.some((v) => v.oedema !== 'none')) unmet.push('oedema-present');
  return { eligible: unmet.length === 0, rule: d.rule, unmet };
}

export interface ExitCounts {
  cured: number;
  died: number;
  defaulted: number;
  nonResponder: number;
  medicalTransfer: number;
}

export interface PerformanceRate {
  /** Percentage of total exits; null when there were no exits. */
  percent: number | null;
  /** Whether the Sphere standard is met; null without exits or when Sphere sets none. */
  meetsSphere: boolean | null;
}

/** Rates over total exits (cured + died + defaulted + non-responder + medical transfer; internal moves excluded). */
// Sphere 2018 (management of acute malnutrition standard 2.2): cure > 75 %, death < 10 %, default < 15 %
export function cmamPerformance(
  counts: ExitCounts,
): { totalExits: number } & Record<keyof ExitCounts, PerformanceRate> {
  const keys = ['cured', 'died', 'defaulted', 'nonResponder', 'medicalTransfer'] as const;
  for (const k of keys) requireInteger(counts[k], k);
  const total = keys.reduce((sum, k) => sum + counts[k], 0);
  const rate = (k: keyof ExitCounts, sphere: ((p: number) => boolean) | null): PerformanceRate => {
    const percent = total === 0 ? null : (counts[k] * 100) / total;
    return { percent, meetsSphere: percent === null || sphere === null ? null : sphere(percent) };
  };
  return {
    totalExits: total,
    cured: rate('cured', (p) => p > 75),
    died: rate('died', (p) => p < 10),
    defaulted: rate('defaulted', (p) => p < 15),
    nonResponder: rate('nonResponder', null),
    medicalTransfer: rate('medicalTransfer', null),
  };
}
