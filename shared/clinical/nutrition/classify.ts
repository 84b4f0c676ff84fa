// Acute malnutrition (SAM / MAM / normal) from MUAC, WHZ and oedema, with every criterion that was met.
import { ClinicalInputError, requireFinite, requireInRange, requireInteger, requireOneOf } from '../errors';
import { HARD_LIMITS } from '../growth/anthropometry';
import { DAYS_PER_MONTH, MAX_AGE_DAYS } from '../growth/indicators';
import { DEFAULT_PROTOCOL } from '../protocols/profiles';
import type { ProtocolProfile } from '../protocols/profiles';
import { OEDEMA_INPUTS } from '../types';
import type { OedemaInput } from '../types';

export type NutritionStatus = 'SAM' | 'MAM' | 'normal';

/** oedema: bilateral pitting oedema; muac-sam: MUAC < 115 mm; whz-sam: WHZ < −3; muac-mam: MUAC 115–124 mm;
 *  whz-mam: −3 ≤ WHZ < −2. */
export type NutritionCriterion = 'oedema' | 'muac-sam' | 'whz-sam' | 'muac-mam' | 'whz-mam';

/** How a case entered: by MUAC, WHZ, oedema, or several criteria of its own severity (monthly report row B). */
export type AdmissionCriterion = 'muac' | 'whz' | 'oedema' | 'several';

export type ClassificationNote = 'infant-muac-not-used' | 'age-outside-6-59-months' | 'not-enough-data';

export interface NutritionInput {
  muacMm?: number | null;
  /** Weight-for-length/height z as reported (2 decimals), null when not computable. */
  whz?: number | null;
  oedema?: OedemaInput | null;
  /** Age in days; null when unknown (then MUAC cut-offs are used, as in screening). */
  ageDays?: number | null;
}

export interface NutritionClassification {
  /** null when nothing measured can decide, or the child is outside the programme's ages. */
  status: NutritionStatus | null;
  /** Every criterion met, most severe first. */
  criteria: NutritionCriterion[];
  /** The criteria of the status' own severity, summarised for admission statistics; null unless SAM/MAM. */
  admissionCriterion: AdmissionCriterion | null;
  notes: ClassificationNote[];
}

const ORDER: readonly NutritionCriterion[] = ['oedema', 'muac-sam', 'whz-sam', 'muac-mam', 'whz-mam'];

/**
 * SAM if any of MUAC < 115 mm, WHZ < −3, bilateral oedema; MAM if MUAC 115–124 mm or −3 ≤ WHZ < −2 without
 * oedema; the most severe criterion decides. Under 6 months MUAC cut-offs are not used (WHO 2013).
 */
// WHO 2013 SAM guideline; CLINICAL.md §2 (CMAM, children 6–59 months)
export function classifyNutrition(
  input: NutritionInput,
  profile: ProtocolProfile = DEFAULT_PROTOCOL,
): NutritionClassification {
  const c = profile.cmam;
  const muac =
    input.muacMm === null || input.muacMm === undefined
      ? null
      : requireInRange(input.muacMm, 'muacMm', HARD_LIMITS.muacMm.min, HARD_LIMITS.muacMm.max, ' mm');
  const whz = input.whz === null || input.whz === undefined ? null : requireFinite(input.whz, 'whz');
  const oedema =
    input.oedema === null || input.oedema === undefined
      ? 'none'
      : requireOneOf(input.oedema, 'oedema', OEDEMA_INPUTS);
  const ageDays =
    input.ageDays === null || input.ageDays === undefined ? null : requireInteger(input.ageDays, 'ageDays');
  if (oedema !== 'none' && whz !== null) {
    throw new ClinicalInputError('whz', 'invalid-value', 'no weight-for-length z-score exists with oedema');
  }

  const notes: ClassificationNote[] = [];
  if (ageDays !== null && ageDays > MAX_AGE_DAYS) {
    return { status: null, criteria: [], admissionCriterion: null, notes: ['age-outside-6-59-months'] };
  }
  const infant = ageDays !== null && ageDays / DAYS_PER_MONTH < c.infantMonths;
  const useMuac = muac !== null && !infant;
  if (infant && muac !== null) notes.push('infant-muac-not-used');

  const met = new Set<NutritionCriterion>();
  if (oedema !== 'none') met.add('oedema');
  if (useMuac && muac < c.samMuacBelowMm) met.add('muac-sam');
  else if (useMuac && muac < c.mamMuacBelowMm) met.add('muac-mam');
  if (whz !== null && whz < c.samWhzBelow) met.add('whz-sam');
  else if (whz !== null && whz < c.mamWhzBelow) met.add('whz-mam');
  const criteria = ORDER.filter((k) => met.has(k));

  let status: NutritionStatus | null;
  if (met.has('oedema') || met.has('muac-sam') || met.has('whz-sam')) status = 'SAM';
  else if (met.has('muac-mam') || met.has('whz-mam')) status = 'MAM';
  else if (useMuac || whz !== null) status = 'normal';
  else status = null;
  if (status === null) notes.push('not-enough-data');
  return { status, criteria, admissionCriterion: admissionCriterionOf(status, criteria), notes };
}

/** The criteria of the classification's own severity: one → that one, several → 'several'. */
export function admissionCriterionOf(
  status: NutritionStatus | null,
  criteria: readonly NutritionCriterion[],
): AdmissionCriterion | null {
  if (status !== 'SAM' && status !== 'MAM') return null;
  const own: AdmissionCriterion[] = [];
  for (const k of criteria) {
    if (status === 'SAM' && k === 'oedema') own.push('oedema');
    if ((status === 'SAM' && k === 'muac-sam') || (status === 'MAM' && k === 'muac-mam')) own.push('muac');
    if ((status === 'SAM' && k === 'whz-sam') || (status === 'MAM' && k === 'whz-mam')) own.push('whz');
  }
  if (own.length === 0) return null;
  return own.length === 1 ? (own[0] as AdmissionCriterion) : 'several';
}
