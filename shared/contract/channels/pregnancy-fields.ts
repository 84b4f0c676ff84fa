// What a midwife fills in for a pregnancy, its contacts, its outcome and postnatal care (issue 18), and what the
// core answers. The clinical rules (EDD, flags, schedule) are in shared/clinical/pregnancy; the core applies them.
import { z } from 'zod';
import { DANGER_SIGNS, PROTEINURIA, SEVERE_SYMPTOMS } from '../../clinical';
import { calendarDate } from './common';
import { SEXES } from './patients';
import { id, note, optionalLine, recordMeta } from './record-fields';

const count = (max: number) =>
  z
    .number()
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'cannot be negative' })
    .max(max, { error: `must be at most ${max}` });
const measure = (min: number, max: number, unit: string, int = false) =>
  (int ? z.number().int({ error: 'must be a whole number' }) : z.number())
    .min(min, { error: `must be at least ${min} ${unit}` })
    .max(max, { error: `must be at most ${max} ${unit}` })
    .nullable()
    .default(null);

/** History items of the birth-planning risk list (the other risk factors come from age, gravida and parity). */
export const HISTORY_ITEMS = [
  'abnormal-presentation',
  'previous-convulsions',
  'previous-heavy-bleeding',
  'previous-instrumental-delivery',
  'previous-severe-tear',
  'current-vaginal-bleeding',
] as const;
export const HIV_STATUSES = ['positive', 'negative', 'unknown'] as const;
export const TEST_RESULTS = ['positive', 'negative', 'not-done'] as const;
export const URINE_GLUCOSE = ['negative', 'trace', '+', '++', '+++'] as const;
export const PRESENTATIONS = ['cephalic', 'breech', 'transverse', 'unknown'] as const;
export const COUNSELLING = [
  'nutrition',
  'birth-preparedness',
  'danger-signs',
  'family-planning',
  'breastfeeding',
  'hiv',
] as const;
export const DELIVERY_MODES = ['vaginal', 'assisted', 'caesarean'] as const;
export const DELIVERY_PLACES = ['this-facility', 'other-facility', 'home', 'on-the-way'] as const;
export const OTHER_ENDINGS = [
  'miscarriage',
  'abortion',
  'moved',
  'lost-to-follow-up',
  'maternal-death',
] as const;
export const OUTCOME_TYPES = ['delivery', ...OTHER_ENDINGS] as const;
export const POSTNATAL_DANGER_SIGNS = [
  'heavy-bleeding',
  'fever',
  'convulsions',
  'breathing-difficulty',
  'not-feeding',
  'jaundice',
  'foul-discharge',
] as const;

export const pregnancyDraft = z
  .object({
    patientId: id,
    /** Date of the last menstrual period; or give an ultrasound dating. */
    lmp: calendarDate.nullable().default(null),
    ultrasound: z
      .object({ scanDate: calendarDate, gestationalAgeDays: count(308) })
      .strict()
      .nullable()
      .default(null),
    gravida: count(30).min(1, { error: 'must be at least 1 (this pregnancy counts)' }),
    para: count(30),
    abortions: count(30).default(0),
    livingChildren: count(30).default(0),
    previousCaesarean: z.boolean().default(false),
    multiplePregnancy: z.boolean().default(false),
    hivStatus: z.enum(HIV_STATUSES).default('unknown'),
    history: z.array(z.enum(HISTORY_ITEMS)).max(HISTORY_ITEMS.length).default([]),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.lmp === null && d.ultrasound === null)
      ctx.addIssue({ code: 'custom', path: ['lmp'], message: 'give the LMP or an ultrasound dating' });
    if (d.para >= d.gravida)
      ctx.addIssue({
        code: 'custom',
        path: ['para'],
        message: 'must be less than gravida (this pregnancy counts)',
      });
  });
export type PregnancyDraft = z.input<typeof pregnancyDraft>;

const bp = z
  .object({
    systolic: z
      .number()
      .int()
      .min(50, { error: 'must be at least 50 mmHg' })
      .max(300, { error: 'must be at most 300 mmHg' }),
    diastolic: z
      .number()
      .int()
      .min(20, { error: 'must be at least 20 mmHg' })
      .max(200, { error: 'must be at most 200 mmHg' }),
  })
  .strict()
  .refine((r) => r.diastolic < r.systolic, {
    path: ['diastolic'],
    error: 'must be lower than the systolic pressure',
  });

export const ancContactFields = z
  .object({
    contactDate: calendarDate,
    weightKg: measure(25, 250, 'kg'),
    bpFirst: bp.nullable().default(null),
    bpRepeat: bp.nullable().default(null),
    hbGdl: measure(2, 25, 'g/dL'),
    urineProtein: z.enum(PROTEINURIA).nullable().default(null),
    urineGlucose: z.enum(URINE_GLUCOSE).nullable().default(null),
    fastingGlucose: z
      .object({ value: z.number().positive(), unit: z.enum(['mg/dL', 'mmol/L']) })
      .strict()
      .nullable()
      .default(null),
    fundalHeightCm: measure(5, 50, 'cm'),
    fetalHeartRate: measure(60, 220, '/min', true),
    presentation: z.enum(PRESENTATIONS).nullable().default(null),
    dangerSigns: z.array(z.enum(DANGER_SIGNS)).max(DANGER_SIGNS.length).default([]),
    severeSymptoms: z.array(z.enum(SEVERE_SYMPTOMS)).max(SEVERE_SYMPTOMS.length).default([]),
    /** IPTp-SP given at this contact (the core numbers the dose and checks week and spacing). */
    iptpGiven: z.boolean().default(false),
    /** Td dose number given at this contact (1–5), if any. */
    tdDose: z.number().int().min(1).max(5).nullable().default(null),
    ironFolic: z.boolean().default(false),
    hivResult: z.enum(TEST_RESULTS).nullable().default(null),
    syphilisResult: z.enum(TEST_RESULTS).nullable().default(null),
    counselling: z.array(z.enum(COUNSELLING)).max(COUNSELLING.length).default([]),
    notes: note(2000),
    /** Prefilled from the 8-contact plan; the midwife may change it. */
    nextContactDate: calendarDate.nullable().default(null),
  })
  .strict()
  .refine((c) => c.bpRepeat === null || c.bpFirst !== null, {
    path: ['bpFirst'],
    error: 'is needed before a repeat reading',
  });
export type AncContactFields = z.input<typeof ancContactFields>;

export const birthPlan = z
  .object({
    place: optionalLine(120),
    attendant: optionalLine(120),
    transport: optionalLine(120),
    emergencyFacilityId: id.nullable().default(null),
    bloodDonor: optionalLine(120),
    savings: z.boolean().default(false),
  })
  .strict();
export type BirthPlan = z.output<typeof birthPlan>;

export const babyOutcome = z
  .object({
    outcome: z.enum(['live-birth', 'stillbirth']),
    sex: z.enum(SEXES).nullable().default(null),
    weightKg: measure(0.3, 7, 'kg'),
    givenName: optionalLine(80),
  })
  .strict()
  .refine((b) => b.outcome === 'stillbirth' || b.sex !== null, {
    path: ['sex'],
    error: 'is required for a live birth',
  });

export const outcomeInput = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('delivery'),
      date: calendarDate,
      place: z.enum(DELIVERY_PLACES),
      mode: z.enum(DELIVERY_MODES),
      attendant: optionalLine(120),
      babies: z.array(babyOutcome).min(1, { error: 'give at least one baby' }).max(6),
    })
    .strict(),
  z.object({ type: z.enum(OTHER_ENDINGS), date: calendarDate, reason: optionalLine(300) }).strict(),
]);
export type OutcomeInput = z.input<typeof outcomeInput>;

export const postnatalFields = z
  .object({
    subject: z.enum(['mother', 'baby']),
    /** The baby (a patient registered at delivery) when the subject is a baby. */
    babyPatientId: id.nullable().default(null),
    contactDate: calendarDate,
    bp: bp.nullable().default(null),
    bleeding: z.enum(['normal', 'heavy']).nullable().default(null),
    breastfeeding: z.enum(['exclusive', 'partial', 'none']).nullable().default(null),
    dangerSigns: z.array(z.enum(POSTNATAL_DANGER_SIGNS)).max(POSTNATAL_DANGER_SIGNS.length).default([]),
    familyPlanning: z.boolean().default(false),
    weightKg: measure(0.3, 250, 'kg'),
    notes: note(2000),
  })
  .strict()
  .refine((p) => p.subject === 'mother' || p.babyPatientId !== null, {
    path: ['babyPatientId'],
    error: 'choose the baby',
  });
export type PostnatalFields = z.input<typeof postnatalFields>;

export const ANC_FLAGS = [
  'repeat-bp-needed',
  'hypertension',
  'severe-hypertension',
  'chronic-hypertension',
  'pre-eclampsia',
  'severe-pre-eclampsia',
  'anaemia',
  'severe-anaemia',
  'gdm',
  'diabetes',
  'danger-signs',
] as const;
export type AncFlag = (typeof ANC_FLAGS)[number];

export const ancContactRecord = z.object({
  id: z.string(),
  pregnancyId: z.string(),
  patientId: z.string(),
  contactDate: z.string(),
  contactNumber: z.number().int(),
  gaDays: z.number().int(),
  weightKg: z.number().nullable(),
  bpFirst: z.object({ systolic: z.number(), diastolic: z.number() }).nullable(),
  bpRepeat: z.object({ systolic: z.number(), diastolic: z.number() }).nullable(),
  hbGdl: z.number().nullable(),
  urineProtein: z.string().nullable(),
  urineGlucose: z.string().nullable(),
  fundalHeightCm: z.number().nullable(),
  fetalHeartRate: z.number().nullable(),
  presentation: z.string().nullable(),
  dangerSigns: z.array(z.string()),
  iptpDose: z.number().int().nullable(),
  tdDose: z.number().int().nullable(),
  ironFolic: z.boolean(),
  hivResult: z.string().nullable(),
  syphilisResult: z.string().nullable(),
  counselling: z.array(z.string()),
  notes: z.string(),
  nextContactDate: z.string().nullable(),
  flags: z.array(z.enum(ANC_FLAGS)),
  referralId: z.string().nullable(),
  ...recordMeta,
});
export type AncContactRecord = z.infer<typeof ancContactRecord>;

export const birthRecord = z.object({
  id: z.string(),
  birthOrder: z.number().int(),
  outcome: z.enum(['live-birth', 'stillbirth']),
  sex: z.enum(SEXES).nullable(),
  weightKg: z.number().nullable(),
  babyPatientId: z.string().nullable(),
  babyRegistrationNumber: z.string().nullable(),
});

export const postnatalRecord = z.object({
  id: z.string(),
  pregnancyId: z.string(),
  patientId: z.string(),
  subject: z.enum(['mother', 'baby']),
  contactDate: z.string(),
  contactNumber: z.number().int().nullable(),
  bp: z.object({ systolic: z.number(), diastolic: z.number() }).nullable(),
  bleeding: z.string().nullable(),
  breastfeeding: z.string().nullable(),
  dangerSigns: z.array(z.string()),
  familyPlanning: z.boolean(),
  weightKg: z.number().nullable(),
  notes: z.string(),
  ...recordMeta,
});
export type PostnatalRecord = z.infer<typeof postnatalRecord>;

export const scheduleLine = z.object({
  number: z.number().int(),
  week: z.number().int(),
  date: z.string(),
  status: z.enum(['attended', 'upcoming', 'due', 'overdue', 'missed']),
  missedFrom: z.string(),
});

export const pregnancyRecord = z.object({
  id: z.string(),
  patientId: z.string(),
  status: z.enum(['active', 'closed']),
  registeredOn: z.string(),
  motherAgeYears: z.number().int(),
  lmp: z.string().nullable(),
  datingMethod: z.enum(['lmp', 'ultrasound']),
  ultrasoundDate: z.string().nullable(),
  ultrasoundGaDays: z.number().int().nullable(),
  edd: z.string(),
  datingLmp: z.string(),
  gravida: z.number().int(),
  para: z.number().int(),
  abortions: z.number().int(),
  livingChildren: z.number().int(),
  previousCaesarean: z.boolean(),
  multiplePregnancy: z.boolean(),
  hivStatus: z.enum(HIV_STATUSES),
  history: z.array(z.string()),
  riskFactors: z.array(z.string()),
  firstContactDate: z.string().nullable(),
  firstContactGaDays: z.number().int().nullable(),
  nextContactDate: z.string().nullable(),
  nextContactNumber: z.number().int().nullable(),
  missedFrom: z.string().nullable(),
  birthPlan: birthPlan,
  outcomeDate: z.string().nullable(),
  outcomeType: z.enum(OUTCOME_TYPES).nullable(),
  outcomeReason: z.string(),
  delivery: z.object({ place: z.string(), mode: z.string(), attendant: z.string() }).nullable(),
  ...recordMeta,
});
export type PregnancyRecord = z.infer<typeof pregnancyRecord>;

export const pregnancyDetail = z.object({
  pregnancy: pregnancyRecord,
  /** Gestational age today (null once closed or past 44 weeks). */
  gestationalAgeDays: z.number().int().nullable(),
  schedule: z.array(scheduleLine),
  contacts: z.array(ancContactRecord),
  births: z.array(birthRecord),
  postnatal: z.array(postnatalRecord),
  /** The 4 postnatal contacts' windows, once delivered. */
  postnatalPlan: z.array(
    z.object({ number: z.number().int(), label: z.string(), from: z.string(), to: z.string() }),
  ),
  iptpDates: z.array(z.string()),
});
export type PregnancyDetail = z.infer<typeof pregnancyDetail>;

export const listLine = z.object({
  pregnancyId: z.string(),
  patientId: z.string(),
  registrationNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  phone: z.string(),
  village: z.string(),
  edd: z.string(),
  gestationalAgeDays: z.number().int().nullable(),
  contactNumber: z.number().int().nullable(),
  /** Target date of the contact due (due list) or missed (missed list), or the postnatal window's start. */
  date: z.string(),
});
export type ListLine = z.infer<typeof listLine>;
