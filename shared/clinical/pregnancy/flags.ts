// ANC measurement flags: hypertension and pre-eclampsia, anaemia by gestational age, GDM / diabetes.
import { ClinicalInputError, requireInRange, requireInteger, requireOneOf } from '../errors';

export interface BpReading {
  systolic: number;
  diastolic: number;
}

export type BpLevel = 'normal' | 'hypertension' | 'severe';
export type Proteinuria = 'negative' | 'trace' | '+' | '++' | '+++' | '++++';
export const PROTEINURIA: readonly Proteinuria[] = ['negative', 'trace', '+', '++', '+++', '++++'];
export type SevereSymptom = 'severe-headache' | 'blurred-vision' | 'epigastric-pain';
export const SEVERE_SYMPTOMS: readonly SevereSymptom[] = [
  'severe-headache',
  'blurred-vision',
  'epigastric-pain',
];

export interface HypertensionInput {
  first: BpReading;
  /** The repeat reading; without it a raised first reading only asks for a repeat. */
  repeat: BpReading | null;
  proteinuria?: Proteinuria | null;
  symptoms?: readonly SevereSymptom[];
}

export interface HypertensionFlags {
  /** Confirmed level: both readings must meet the threshold. */
  level: BpLevel;
  preEclampsia: 'none' | 'pre-eclampsia' | 'severe-pre-eclampsia';
  /** First reading raised and no repeat yet. */
  repeatNeeded: boolean;
}

function reading(r: BpReading | null | undefined, field: string): BpReading {
  if (!r) throw new ClinicalInputError(field, 'required', `${field} blood pressure is required`);
  const systolic = requireInteger(
    requireInRange(r.systolic, `${field}.systolic`, 50, 300, ' mmHg'),
    `${field}.systolic`,
  );
  const diastolic = requireInteger(
    requireInRange(r.diastolic, `${field}.diastolic`, 20, 200, ' mmHg'),
    `${field}.diastolic`,
  );
  if (diastolic >= systolic) {
    throw new ClinicalInputError(
      `${field}.diastolic`,
      'invalid-value',
      'diastolic must be lower than systolic',
    );
  }
  return { systolic, diastolic };
}

/** One reading: severe if SBP ≥ 160 or DBP ≥ 110; hypertension if SBP ≥ 140 or DBP ≥ 90. */
// WHO 2016 ANC model / CLINICAL.md §3: hypertension 140–159 / 90–109, severe ≥ 160 / ≥ 110
export function bpLevel(r: BpReading): BpLevel {
  const { systolic, diastolic } = reading(r, 'reading');
  if (systolic >= 160 || diastolic >= 110) return 'severe';
  if (systolic >= 140 || diastolic >= 90) return 'hypertension';
  return 'normal';
}

const RANK: Record<BpLevel, number> = { normal: 0, hypertension: 1, severe: 2 };

/**
 * Flags from two readings (both must meet a threshold); pre-eclampsia: BP ≥ 140/90 with proteinuria ++ or more;
 * severe pre-eclampsia: BP ≥ 140/90 with severe headache, blurred vision or epigastric pain.
 */
// WHO 2016 ANC model; WHO 2011 pre-eclampsia recommendations; CLINICAL.md §3
export function hypertensionFlags(input: HypertensionInput): HypertensionFlags {
  const first = bpLevel(reading(input.first, 'first'));
  const repeat =
    input.repeat === null || input.repeat === undefined ? null : bpLevel(reading(input.repeat, 'repeat'));
  const proteinuria =
    input.proteinuria === null || input.proteinuria === undefined
      ? null
      : requireOneOf(input.proteinuria, 'proteinuria', PROTEINURIA);
  const symptoms = (input.symptoms ?? []).map((s, i) => requireOneOf(s, `symptoms[${i}]`, SEVERE_SYMPTOMS));
  const level: BpLevel = repeat === null ? 'normal' : RANK[first] <= RANK[repeat] ? first : repeat;
  const raised = level !== 'normal';
  let preEclampsia: HypertensionFlags['preEclampsia'] = 'none';
  if (raised && symptoms.length > 0) preEclampsia = 'severe-pre-eclampsia';
  else if (raised && proteinuria !== null && PROTEINURIA.indexOf(proteinuria) >= PROTEINURIA.indexOf('++')) {
    preEclampsia = 'pre-eclampsia';
  }
  return { level, preEclampsia, repeatNeeded: repeat === null && first !== 'normal' };
}

export type AnaemiaLevel = 'none' | 'anaemia' | 'severe';

/** Hb < 11.0 g/dL at ≤ 12 or ≥ 28 weeks, < 10.5 at 13–27 weeks; severe < 7.0. */
// WHO 2016 ANC model / WHO 2011 haemoglobin thresholds; CLINICAL.md §3
export function anaemia(
  hbGdL: number,
  gestationalAgeDays: number,
): { level: AnaemiaLevel; thresholdGdL: number } {
  const hb = requireInRange(hbGdL, 'hbGdL', 2, 25, ' g/dL');
  const weeks = Math.floor(requireInteger(gestationalAgeDays, 'gestationalAgeDays') / 7);
  const thresholdGdL = weeks >= 13 && weeks <= 27 ? 10.5 : 11.0;
  const level: AnaemiaLevel = hb < 7.0 ? 'severe' : hb < thresholdGdL ? 'anaemia' : 'none';
  return { level, thresholdGdL };
}

export type GlucoseUnit = 'mg/dL' | 'mmol/L';
export type GlycaemiaLevel = 'normal' | 'gdm' | 'diabetes';

/** Fasting plasma glucose: GDM 92–125 mg/dL (5.1–6.9 mmol/L); diabetes ≥ 126 mg/dL (7.0 mmol/L). */
// WHO 2013 hyperglycaemia in pregnancy criteria; CLINICAL.md §3
export function fastingGlucoseLevel(value: number, unit: GlucoseUnit): GlycaemiaLevel {
  const u = requireOneOf(unit, 'unit', ['mg/dL', 'mmol/L'] as const);
  // Each unit uses its own published cut-offs: converting would move 5.1 mmol/L (91.9 mg/dL) across 92.
  const [min, max, gdm, diabetes] = u === 'mg/dL' ? [20, 700, 92, 126] : [1, 40, 5.1, 7.0];
  const v = requireInRange(value, 'value', min, max, ` ${u}`);
  if (v >= diabetes) return 'diabetes';
  return v >= gdm ? 'gdm' : 'normal';
}
