// Pregnancy dating: EDD by Naegele's rule or from an ultrasound scan; gestational age in days and as "Nw Nd".
import { fromDayNumber, toDayNumber } from '../dates';
import type { IsoDate } from '../dates';
import { ClinicalInputError, requireInteger } from '../errors';

/** Pregnancy length from the LMP (Naegele: 280 days). */
export const PREGNANCY_DAYS = 280;
/** An LMP more than 44 weeks before the visit is a typing error or a finished pregnancy. */
export const MAX_GESTATION_DAYS = 44 * 7;

export type DatingMethod = 'lmp' | 'ultrasound';

export interface PregnancyDating {
  method: DatingMethod;
  edd: IsoDate;
  /** LMP used for gestational age: the real one, or EDD − 280 days when dated by ultrasound. */
  datingLmp: IsoDate;
}

/** EDD = LMP + 280 days. */
// Naegele's rule; CLINICAL.md §3 (WHO 2016 ANC model)
export function eddFromLmp(lmp: IsoDate): IsoDate {
  return fromDayNumber(toDayNumber(lmp, 'lmp') + PREGNANCY_DAYS);
}

/** EDD from a scan: scan date + (280 − gestational age measured at the scan). */
// WHO 2016 ANC model: ultrasound dating
export function eddFromUltrasound(scanDate: IsoDate, gestationalAgeAtScanDays: number): IsoDate {
  const ga = requireInteger(gestationalAgeAtScanDays, 'gestationalAgeAtScanDays');
  if (ga > MAX_GESTATION_DAYS) {
    throw new ClinicalInputError(
      'gestationalAgeAtScanDays',
      'out-of-range',
      'gestational age at scan is over 44 weeks',
    );
  }
  return fromDayNumber(toDayNumber(scanDate, 'scanDate') + PREGNANCY_DAYS - ga);
}

/** Dating by ultrasound when a scan is recorded, else by LMP; the method is part of the result. */
export function datePregnancy(input: {
  lmp?: IsoDate | null;
  ultrasound?: { scanDate: IsoDate; gestationalAgeDays: number } | null;
}): PregnancyDating {
  if (input.ultrasound) {
    const edd = eddFromUltrasound(input.ultrasound.scanDate, input.ultrasound.gestationalAgeDays);
    return { method: 'ultrasound', edd, datingLmp: fromDayNumber(toDayNumber(edd) - PREGNANCY_DAYS) };
  }
  if (!input.lmp) throw new ClinicalInputError('lmp', 'required', 'LMP or an ultrasound dating is required');
  return { method: 'lmp', edd: eddFromLmp(input.lmp), datingLmp: input.lmp };
}

/** Days since the (dating) LMP on `on`; refuses an LMP in the future or more than 44 weeks before. */
// CLINICAL.md §3: LMP in the future or > 44 weeks ago is rejected
export function gestationalAgeDays(lmp: IsoDate, on: IsoDate): number {
  const days = toDayNumber(on, 'on') - toDayNumber(lmp, 'lmp');
  if (days < 0) throw new ClinicalInputError('lmp', 'future-date', 'LMP is after the visit date');
  if (days > MAX_GESTATION_DAYS)
    throw new ClinicalInputError('lmp', 'out-of-range', 'LMP is more than 44 weeks ago');
  return days;
}

/** "Nw Nd", e.g. 90 days → "12w 6d". */
export function formatGestationalAge(days: number): string {
  const d = requireInteger(days, 'gestationalAgeDays');
  return `${Math.floor(d / 7)}w ${d % 7}d`;
}

/** Completed gestational weeks. */
export function gestationalWeeks(days: number): number {
  return Math.floor(requireInteger(days, 'gestationalAgeDays') / 7);
}
