// The flags of one antenatal contact, from the shared rules: blood pressure, pre-eclampsia, anaemia, glycaemia and
// danger signs. The contact form shows them live and the core stores the same codes.
import { anaemia, fastingGlucoseLevel, hypertensionFlags } from './flags';
import type { BpReading, GlucoseUnit, Proteinuria, SevereSymptom } from './flags';

export type ContactFlag =
  | 'repeat-bp-needed'
  | 'hypertension'
  | 'severe-hypertension'
  | 'chronic-hypertension'
  | 'pre-eclampsia'
  | 'severe-pre-eclampsia'
  | 'anaemia'
  | 'severe-anaemia'
  | 'gdm'
  | 'diabetes'
  | 'danger-signs';

export interface ContactFlagInput {
  gestationalAgeDays: number;
  bpFirst: BpReading | null;
  bpRepeat: BpReading | null;
  urineProtein: Proteinuria | null;
  severeSymptoms: readonly SevereSymptom[];
  hbGdl: number | null;
  fastingGlucose: { value: number; unit: GlucoseUnit } | null;
  dangerSigns: readonly string[];
}

export interface ContactFlags {
  flags: ContactFlag[];
  bpLevel: 'normal' | 'hypertension' | 'severe';
  preEclampsia: 'none' | 'pre-eclampsia' | 'severe-pre-eclampsia';
  anaemia: 'none' | 'anaemia' | 'severe' | null;
  glycaemia: 'normal' | 'gdm' | 'diabetes' | null;
}

/** Pre-eclampsia is a diagnosis from 20 weeks; raised BP confirmed before 20 weeks is chronic hypertension. */
// WHO 2011 recommendations for prevention and treatment of pre-eclampsia and eclampsia (definitions)
export const PRE_ECLAMPSIA_FROM_DAYS = 20 * 7;

/** Every flag of a contact; BP flags need both readings at the threshold (WHO 2016 ANC model). */
// WHO 2016 ANC model; WHO 2011 Hb thresholds; WHO 2013 hyperglycaemia in pregnancy criteria
export function ancContactFlags(input: ContactFlagInput): ContactFlags {
  const flags: ContactFlag[] = [];
  let bpLevel: ContactFlags['bpLevel'] = 'normal';
  let preEclampsia: ContactFlags['preEclampsia'] = 'none';
  if (input.bpFirst) {
    const h = hypertensionFlags({
      first: input.bpFirst,
      repeat: input.bpRepeat,
      proteinuria: input.urineProtein,
      symptoms: input.severeSymptoms,
    });
    bpLevel = h.level;
    if (h.repeatNeeded) flags.push('repeat-bp-needed');
    if (h.level === 'hypertension') flags.push('hypertension');
    if (h.level === 'severe') flags.push('severe-hypertension');
    if (h.level !== 'normal' && input.gestationalAgeDays < PRE_ECLAMPSIA_FROM_DAYS) {
      flags.push('chronic-hypertension');
    } else if (h.preEclampsia !== 'none') {
      preEclampsia = h.preEclampsia;
      flags.push(h.preEclampsia);
    }
  }
  let anaemiaLevel: ContactFlags['anaemia'] = null;
  if (input.hbGdl !== null) {
    anaemiaLevel = anaemia(input.hbGdl, input.gestationalAgeDays).level;
    if (anaemiaLevel === 'anaemia') flags.push('anaemia');
    if (anaemiaLevel === 'severe') flags.push('severe-anaemia');
  }
  let glycaemia: ContactFlags['glycaemia'] = null;
  if (input.fastingGlucose) {
    glycaemia = fastingGlucoseLevel(input.fastingGlucose.value, input.fastingGlucose.unit);
    if (glycaemia !== 'normal') flags.push(glycaemia);
  }
  if (input.dangerSigns.length > 0) flags.push('danger-signs');
  return { flags, bpLevel, preEclampsia, anaemia: anaemiaLevel, glycaemia };
}
