import type { MessageKey } from './translate';

type Rule = [pattern: RegExp, key: MessageKey, params?: (m: RegExpMatchArray) => Record<string, string>];

/**
 * The field messages of the patient, visit, referral and import channels (their schemas and services), matched
 * back to catalog keys. Patterns follow the core's English word for word; test/unit/patients/i18n.test.ts
 * checks every one of them against the real core.
 */
export const PATIENT_FIELD_RULES: readonly Rule[] = [
  [/^give the date of birth or the age$/, 'patients.error.birthOrAge'],
  [/^give either the date of birth or the age, not both$/, 'patients.error.birthNotBoth'],
  [/^is in the future$/, 'patients.error.future'],
  [/^is more than (\d+) years ago$/, 'patients.error.tooOld', (m) => ({ n: m[1]! })],
  [/^is required for a child under 5$/, 'patients.error.caregiverRequired'],
  [
    /^is required for a child under 5 \(or tick "the caregiver has no phone"\)$/,
    'patients.error.caregiverPhoneRequired',
  ],
  [/^must be a phone number: 6 to 15 digits/, 'patients.error.phone'],
  [
    /^must be ticked to register a person who looks like (.+)$/,
    'patients.error.confirmDuplicate',
    (m) => ({ numbers: m[1]! }),
  ],
  [/^is not a known patient$/, 'patients.error.unknownPatient'],
  [/^was merged into another record$/, 'patients.error.merged'],
  [/^is voided$/, 'patients.error.voided'],
  [/^was already merged$/, 'patients.error.alreadyMerged'],
  [
    /^is (\d+), but the saved record is at version (\d+)$/,
    'patients.error.staleVersion',
    (m) => ({ expected: m[1]!, current: m[2]! }),
  ],
  [/^must be a different record from the one kept$/, 'patients.error.mergeSame'],

  [/^must be at least (-?[\d.]+) (\S+)$/, 'visits.error.minUnit', (m) => ({ n: m[1]!, unit: m[2]! })],
  [/^must be at most (-?[\d.]+) (\S+)$/, 'visits.error.maxUnit', (m) => ({ n: m[1]!, unit: m[2]! })],
  [/^must be lower than the systolic pressure$/, 'visits.error.diastolicLower'],
  [/^is needed with the other blood pressure value$/, 'visits.error.bpPair'],
  [/^is required when the position is given$/, 'visits.error.lengthForPosition'],
  [/^must be an ICD-10 code like E43 or E44\.0$/, 'visits.error.icd10'],
  [
    /^is before the patient's date of birth \((.+)\)$/,
    'visits.error.beforeBirthOn',
    (m) => ({ date: m[1]! }),
  ],
  [/^is before the patient's date of birth$/, 'visits.error.beforeBirth'],
  [/^must be after the visit date$/, 'visits.error.appointmentAfter'],
  [/^is more than 2 years after the visit$/, 'visits.error.appointmentTooFar'],
  [
    /^is impossible for a child under 5: it must be more than ([\d.]+) and at most ([\d.]+) (\S+)$/,
    'visits.error.impossibleMoreThan',
    (m) => ({ low: m[1]!, max: m[2]!, unit: m[3]! }),
  ],
  [
    /^is impossible for a child under 5: it must be at least ([\d.]+) and at most ([\d.]+) (\S+)$/,
    'visits.error.impossibleAtLeast',
    (m) => ({ low: m[1]!, max: m[2]!, unit: m[3]! }),
  ],
  ...(['whz', 'waz', 'haz'] as const).map((k): Rule => {
    const what = { whz: 'weight-for-length/height', waz: 'weight-for-age', haz: 'length/height-for-age' }[k];
    const key = {
      whz: 'visits.error.implausibleWhz',
      waz: 'visits.error.implausibleWaz',
      haz: 'visits.error.implausibleHaz',
    }[k];
    return [
      new RegExp(
        `^gives a ${what.replace('/', '\\/')} z-score of (\\S+), outside (\\S+) to (\\S+): re-measure, or confirm the value$`,
      ),
      key as MessageKey,
      (m) => ({ z: m[1]!, low: m[2]!, high: m[3]! }),
    ];
  }),
  [/^must be ticked to save a value that is implausible$/, 'visits.error.confirmImplausible'],
  [/^is not a known visit$/, 'visits.error.unknownVisit'],

  [/^is no longer active in the directory$/, 'referrals.error.inactive'],
  [/^is not a known referral$/, 'referrals.error.unknownReferral'],
  [/^is not in the directory$/, 'referrals.error.notInDirectory'],
  [/^is not a visit of this patient$/, 'referrals.error.notThisPatient'],
  [/^is before the referral date \((.+)\)$/, 'referrals.error.beforeReferral', (m) => ({ date: m[1]! })],

  [/^must be M or F$/, 'imports.error.sex'],
  [/^must be a real date like 2023-04-15 or 15\/04\/2023$/, 'imports.error.date'],
  [/^must be yes or no$/, 'imports.error.yesNo'],
  [/^is required with age_months$/, 'imports.error.ageYears'],
  [/^is the template's example row: delete it$/, 'imports.error.exampleRow'],
  [/^is not a column CareDesk knows/, 'imports.error.unknownColumn'],
  [/^appears twice in the header$/, 'imports.error.twice'],
  [/^column is missing$/, 'imports.error.missingColumn'],
  [/^column is missing \(or give age_years\)$/, 'imports.error.missingBirth'],
  [/^the file is empty$/, 'imports.error.empty'],
  [/^the file has a header but no patients$/, 'imports.error.noRows'],
  [
    /^the file has (\d+) rows; import at most (\d+) at a time$/,
    'imports.error.tooMany',
    (m) => ({ rows: m[1]!, max: m[2]! }),
  ],
  [/^a quoted cell is never closed/, 'imports.error.quote'],
  [
    /^has (\d+) error\(s\); the first is on row (\d+)$/,
    'imports.error.hasErrors',
    (m) => ({ n: m[1]!, row: m[2]! }),
  ],
  [/^must say whether to import or skip the suspected duplicates$/, 'imports.error.duplicates'],
  [/^does not match the file$/, 'imports.error.hashMismatch'],
  [/^must be the fileHash of the preview$/, 'imports.error.hash'],
  [/^is empty: choose a CSV file$/, 'imports.error.csvEmpty'],
  [/^is too large \(more than 5 MB\)/, 'imports.error.csvTooLarge'],
];
