// Versioned protocol profiles: every "(setting)" of CLINICAL.md as data. A profile is chosen per facility and its
// id + version is recorded on each enrolment, so an old decision is always re-judged by the rules it was made under.
import { ClinicalInputError } from '../errors';

export type ProtocolId = 'who-2013' | 'who-2023';

/** RUTF (92 g, 500 kcal sachet) ration for children from minKg up to the next band. */
export interface RutfBand {
  readonly minKg: number;
  readonly sachetsPerDay: number;
  readonly sachetsPerWeek: number;
}

/** Appetite test: from minKg, the child passes by eating at least minSachets (fraction of a sachet) in 30 min. */
export interface AppetiteBand {
  readonly minKg: number;
  readonly minSachets: number;
}

export type MedicineCode = 'amoxicillin' | 'vitamin-a' | 'deworming' | 'measles-vaccine';

/** A routine OTP medicine: given at week `week` of treatment (0 = admission) when the conditions hold. */
export interface MedicineRule {
  readonly medicine: MedicineCode;
  readonly week: number;
  /** Last week it may still be started (null: catch up at any later visit). */
  readonly untilWeek: number | null;
  /** Minimum age in months (days / 30.4375). */
  readonly minAgeMonths: number | null;
}

export interface CmamSettings {
  readonly samMuacBelowMm: number;
  readonly mamMuacBelowMm: number;
  readonly samWhzBelow: number;
  readonly mamWhzBelow: number;
  /** Age (months) below which a child with SAM goes to SC and MUAC cut-offs are not used. */
  readonly infantMonths: number;
  readonly appetiteTest: readonly AppetiteBand[];
  readonly rutf: readonly RutfBand[];
  readonly followUpIntervalDays: number;
  /** Defaulted: absent this many consecutive scheduled visits. */
  readonly defaulterMissedVisits: number;
  /** Non-responder: not cured after this many weeks. */
  readonly nonResponderWeeks: number;
  /** Relapse: SAM again less than this many months after a cured exit. */
  readonly relapseWithinMonths: number;
  /** Readmission after default: back less than this many months after a defaulted exit (later counts as new). */
  readonly readmissionWithinMonths: number;
  readonly discharge: {
    /** same-indicator: the admission indicator(s) recovered (WHO 2013); all-criteria: WHZ ≥ −2 AND MUAC ≥ 125 (WHO 2023). */
    readonly rule: 'same-indicator' | 'all-criteria';
    readonly muacAtLeastMm: number;
    readonly whzAtLeast: number;
    /** Consecutive visits (current included) without oedema. */
    readonly oedemaFreeVisits: number;
    /** Indicator used for a child admitted on oedema alone (the programme's routine one). */
    readonly oedemaOnlyIndicator: 'muac' | 'whz';
  };
  readonly referral: { readonly weightLossVisits: number; readonly noGainVisits: number };
  readonly medicines: readonly MedicineRule[];
}

export interface AncSettings {
  /** Gestational weeks of the 8 contacts (the first is "at or before" its week). */
  readonly contactWeeks: readonly number[];
  /** Days after a contact's week has passed before she is on the missed list. */
  readonly missedAfterDays: number;
  readonly riskAgeAtMost: number;
  /** Older-mother risk age, or null when the facility does not count it. */
  readonly riskAgeAtLeast: number | null;
  readonly riskParityAtLeast: number;
  readonly iptpFromWeeks: number;
  readonly iptpMinIntervalMonths: number;
  readonly iptpTargetDoses: number;
}

export interface ProtocolProfile {
  readonly id: ProtocolId;
  readonly version: number;
  readonly name: string;
  readonly sources: readonly string[];
  readonly cmam: CmamSettings;
  readonly anc: AncSettings;
}

// CLINICAL.md §2 (WHO 2013 SAM guideline; CMAM RUTF and appetite-test tables)
const CMAM_2013: CmamSettings = {
  samMuacBelowMm: 115,
  mamMuacBelowMm: 125,
  samWhzBelow: -3,
  mamWhzBelow: -2,
  infantMonths: 6,
  appetiteTest: [
    { minKg: 0, minSachets: 1 / 8 },
    { minKg: 4, minSachets: 1 / 4 },
    { minKg: 10, minSachets: 1 / 2 },
    { minKg: 15, minSachets: 3 / 4 },
  ],
  rutf: [
    { minKg: 3.5, sachetsPerDay: 1.5, sachetsPerWeek: 11 },
    { minKg: 4.0, sachetsPerDay: 2, sachetsPerWeek: 14 },
    { minKg: 5.0, sachetsPerDay: 2.5, sachetsPerWeek: 18 },
    { minKg: 7.0, sachetsPerDay: 3, sachetsPerWeek: 21 },
    { minKg: 8.5, sachetsPerDay: 3.5, sachetsPerWeek: 25 },
    { minKg: 9.5, sachetsPerDay: 4, sachetsPerWeek: 28 },
    { minKg: 10.5, sachetsPerDay: 4.5, sachetsPerWeek: 32 },
    { minKg: 12, sachetsPerDay: 5, sachetsPerWeek: 35 },
  ],
  followUpIntervalDays: 7,
  defaulterMissedVisits: 3,
  nonResponderWeeks: 12,
  relapseWithinMonths: 2,
  readmissionWithinMonths: 2,
  discharge: {
    rule: 'same-indicator',
    muacAtLeastMm: 125,
    whzAtLeast: -2,
    oedemaFreeVisits: 2,
    oedemaOnlyIndicator: 'muac',
  },
  referral: { weightLossVisits: 2, noGainVisits: 3 },
  // Vitamin A is not routine: RUTF contains it (WHO 2013). Deworming from 12 months (WHO 2017 deworming guideline).
  medicines: [
    { medicine: 'amoxicillin', week: 0, untilWeek: 0, minAgeMonths: null },
    { medicine: 'deworming', week: 2, untilWeek: null, minAgeMonths: 12 },
    { medicine: 'measles-vaccine', week: 4, untilWeek: null, minAgeMonths: 9 },
  ],
};

// CLINICAL.md §3 (WHO 2016 ANC model; WHO SMART ANC)
const ANC_2016: AncSettings = {
  contactWeeks: [12, 20, 26, 30, 34, 36, 38, 40],
  missedAfterDays: 14,
  riskAgeAtMost: 17,
  riskAgeAtLeast: 35,
  riskParityAtLeast: 5,
  iptpFromWeeks: 13,
  iptpMinIntervalMonths: 1,
  iptpTargetDoses: 3,
};

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const PROFILES: readonly ProtocolProfile[] = deepFreeze([
  {
    id: 'who-2013',
    version: 1,
    name: 'WHO 2013 (SAM guideline) + WHO 2016 ANC',
    sources: [
      'WHO 2013 Guideline: updates on the management of SAM in infants and children',
      'WHO 2016 ANC model',
    ],
    cmam: CMAM_2013,
    anc: ANC_2016,
  },
  {
    id: 'who-2023',
    version: 1,
    name: 'WHO 2023 (prevention and management of wasting) + WHO 2016 ANC',
    sources: [
      'WHO 2023 Guideline on the prevention and management of wasting and nutritional oedema',
      'WHO 2016 ANC model',
    ],
    // WHO 2023 changes the cure rule: WHZ ≥ −2 AND MUAC ≥ 125 mm and no oedema.
    cmam: { ...CMAM_2013, discharge: { ...CMAM_2013.discharge, rule: 'all-criteria' } },
    anc: ANC_2016,
  },
]);

export const DEFAULT_PROTOCOL: ProtocolProfile = PROFILES[0] as ProtocolProfile;

export function listProtocolProfiles(): readonly ProtocolProfile[] {
  return PROFILES;
}

/** The profile recorded on an enrolment; without a version, the newest version of that id. */
export function getProtocolProfile(id: string, version?: number): ProtocolProfile {
  const matches = PROFILES.filter((p) => p.id === id && (version === undefined || p.version === version));
  const found = matches.sort((a, b) => b.version - a.version)[0];
  if (!found) {
    const what = version === undefined ? id : `${id} version ${version}`;
    throw new ClinicalInputError('protocol', 'invalid-value', `unknown protocol profile ${what}`);
  }
  return found;
}
