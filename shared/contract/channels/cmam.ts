import { z } from 'zod';
import { channel } from '../channel';
import { calendarDate } from './common';
import { expectedVersion, id, line, note, recordMeta, voidReason } from './record-fields';
import { OEDEMA_GRADES } from './visits';

export const CMAM_PROGRAMMES = ['OTP', 'SC', 'TSFP'] as const;
export type CmamProgramme = (typeof CMAM_PROGRAMMES)[number];
export const ADMISSION_TYPES = ['new', 'relapse', 'readmission', 'transfer-in'] as const;
export const ADMISSION_CRITERIA = ['muac', 'whz', 'oedema', 'several'] as const;
export const EXIT_TYPES = [
  'cured',
  'died',
  'defaulted',
  'non-responder',
  'medical-transfer',
  'transfer-out',
  'moved-other',
] as const;
export type CmamExitType = (typeof EXIT_TYPES)[number];
export const MEDICINES = ['amoxicillin', 'vitamin-a', 'deworming', 'measles-vaccine'] as const;
export const TRANSFER_SOURCES = ['SC', 'OTP', 'TSFP', 'other-site'] as const;
export const APPETITES = ['good', 'poor'] as const;

const weightKg = z
  .number({ error: 'must be a number of kilograms' })
  .gt(0.5, { error: 'must be more than 0.5 kg' })
  .max(60, { error: 'must be at most 60 kg' });
const muacMm = z
  .number({ error: 'must be a number of millimetres' })
  .min(50, { error: 'must be at least 50 mm' })
  .max(300, { error: 'must be at most 300 mm' });
const sachetsEaten = z
  .number({ error: 'must be a number of sachets' })
  .min(0, { error: 'cannot be negative' })
  .max(5, { error: 'must be at most 5 sachets' });
const sachetsGiven = z
  .number()
  .int({ error: 'must be a whole number of sachets' })
  .min(0, { error: 'cannot be negative' })
  .max(500, { error: 'must be at most 500 sachets' });

export const episodeRecord = z.object({
  id: z.string(),
  patientId: z.string(),
  programme: z.enum(CMAM_PROGRAMMES),
  number: z.string(),
  admissionDate: z.string(),
  admissionType: z.enum(ADMISSION_TYPES),
  admissionCriterion: z.enum(ADMISSION_CRITERIA).nullable(),
  criteria: z.array(z.string()),
  status: z.enum(['SAM', 'MAM']),
  transferFrom: z.enum(TRANSFER_SOURCES).nullable(),
  transferSite: z.string(),
  transferNumber: z.string(),
  previousEpisodeId: z.string().nullable(),
  weightKg: z.number(),
  muacMm: z.number().nullable(),
  whz: z.number().nullable(),
  oedema: z.enum(OEDEMA_GRADES),
  appetiteTest: z.enum(['pass', 'fail']).nullable(),
  medicalComplication: z.boolean(),
  dangerSign: z.boolean(),
  rationPerWeek: z.number().nullable(),
  medicinesGiven: z.array(z.enum(MEDICINES)),
  nextVisitDate: z.string().nullable(),
  exitDate: z.string().nullable(),
  exitType: z.enum(EXIT_TYPES).nullable(),
  exitNotes: z.string(),
  internalMove: z.boolean(),
  sex: z.enum(['male', 'female']),
  ageMonthsAtAdmission: z.number().int(),
  protocol: z.string(),
  ...recordMeta,
});
export type EpisodeRecord = z.infer<typeof episodeRecord>;

export const followupRecord = z.object({
  id: z.string(),
  episodeId: z.string(),
  patientId: z.string(),
  visitDate: z.string(),
  weightKg: z.number(),
  muacMm: z.number().nullable(),
  oedema: z.enum(OEDEMA_GRADES),
  appetite: z.enum(APPETITES),
  appetiteTest: z.enum(['pass', 'fail']).nullable(),
  newComplication: z.boolean(),
  rutfSachets: z.number().int(),
  medicinesGiven: z.array(z.enum(MEDICINES)),
  nextVisitDate: z.string(),
  notes: z.string(),
  gainGPerKgPerDay: z.number().nullable(),
  alerts: z.array(z.string()),
  ...recordMeta,
});
export type FollowupRecord = z.infer<typeof followupRecord>;

const patientLine = z.object({
  id: z.string(),
  registrationNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  village: z.string(),
  caregiverName: z.string(),
  caregiverPhone: z.string(),
  phone: z.string(),
});

export const episodeDetail = z.object({
  episode: episodeRecord,
  patient: patientLine,
  followups: z.array(followupRecord),
  /** Admission then each follow-up, oldest first. */
  trend: z.array(z.object({ date: z.string(), weightKg: z.number(), muacMm: z.number().nullable() })),
  alerts: z.array(z.string()),
  ration: z.object({ sachetsPerDay: z.number(), sachetsPerWeek: z.number() }).nullable(),
  medicinesDue: z.array(z.enum(MEDICINES)),
  /** The exit the rules propose now, if any. */
  proposal: z.object({
    exitType: z.enum(['cured', 'defaulted', 'non-responder']).nullable(),
    dischargeUnmet: z.array(z.string()),
    missedVisits: z.number().int(),
    defaulterThreshold: z.number().int(),
  }),
  lastVisitDate: z.string(),
  nextVisitDate: z.string().nullable(),
});
export type EpisodeDetail = z.infer<typeof episodeDetail>;

const measurements = {
  weightKg,
  lengthCm: z.number().min(38).max(130).nullable().default(null),
  measured: z.enum(['lying', 'standing']).nullable().default(null),
  muacMm: muacMm.nullable().default(null),
  oedema: z.enum(OEDEMA_GRADES).default('none'),
  appetiteSachetsEaten: sachetsEaten.nullable().default(null),
  medicalComplication: z.boolean().default(false),
  dangerSign: z.boolean().default(false),
};

const assessInput = z
  .object({
    patientId: id,
    admissionDate: calendarDate,
    visitId: id.nullable().default(null),
    ...measurements,
    transferFrom: z.enum(TRANSFER_SOURCES).nullable().default(null),
  })
  .strict();

export const assessment = z.object({
  ageDays: z.number().int(),
  ageMonths: z.number().int(),
  whz: z.number().nullable(),
  status: z.enum(['SAM', 'MAM', 'normal']).nullable(),
  criteria: z.array(z.string()),
  admissionCriterion: z.enum(ADMISSION_CRITERIA).nullable(),
  notes: z.array(z.string()),
  placement: z.object({
    programme: z.enum(CMAM_PROGRAMMES).nullable(),
    reasons: z.array(z.string()),
    medicalReferral: z.boolean(),
  }),
  appetite: z.object({ minimumSachets: z.number(), result: z.enum(['pass', 'fail']).nullable() }),
  admissionType: z.enum(ADMISSION_TYPES),
  ration: z.object({ sachetsPerDay: z.number(), sachetsPerWeek: z.number() }).nullable(),
  medicinesDue: z.array(z.enum(MEDICINES)),
  nextVisitDate: z.string(),
  /** The number the admission would get now (the real one is given in the save's transaction). */
  numberPreview: z.string().nullable(),
  openEpisode: z.object({ id: z.string(), programme: z.string(), number: z.string() }).nullable(),
});
export type Assessment = z.infer<typeof assessment>;

const caseloadLine = z.object({
  episodeId: z.string(),
  programme: z.enum(CMAM_PROGRAMMES),
  number: z.string(),
  admissionDate: z.string(),
  patient: patientLine,
  lastVisitDate: z.string(),
  nextVisitDate: z.string().nullable(),
  missedVisits: z.number().int(),
  proposeDefault: z.boolean(),
});
export type CaseloadLine = z.infer<typeof caseloadLine>;

const rate = z.object({
  percent: z.number().nullable(),
  meetsSphere: z.boolean().nullable(),
  /** The Sphere threshold as text-free numbers: e.g. { above: 75 } or { below: 10 }. */
  sphere: z.object({ above: z.number().nullable(), below: z.number().nullable() }),
});

const exitTally = z.object(
  Object.fromEntries(EXIT_TYPES.map((t) => [t, z.number().int()])) as {
    [K in CmamExitType]: z.ZodNumber;
  },
);

export const dashboard = z.object({
  month: z.string(),
  caseload: z.object({ OTP: z.number().int(), SC: z.number().int(), TSFP: z.number().int() }),
  admissions: z.number().int(),
  exits: exitTally,
  internalMoves: z.number().int(),
  totalExits: z.number().int(),
  rates: z.object({ cured: rate, died: rate, defaulted: rate, nonResponder: rate }),
  averageLengthOfStayDays: z.number().nullable(),
  averageWeightGain: z.number().nullable(),
  months: z.array(z.object({ month: z.string(), admissions: z.number().int(), exits: exitTally })),
});
export type CmamDashboard = z.infer<typeof dashboard>;

export const stockMovement = z.object({
  id: z.string(),
  kind: z.enum(['received', 'dispensed', 'adjusted']),
  movementDate: z.string(),
  quantity: z.number().int(),
  batch: z.string(),
  note: z.string(),
  followupId: z.string().nullable(),
  episodeId: z.string().nullable(),
  ...recordMeta,
});

export const cmamSettings = z.object({
  defaulterAbsences: z.number().int(),
  orderWeeks: z.number().int(),
});
export type CmamSettings = z.infer<typeof cmamSettings>;

const programmeFilter = z.enum(CMAM_PROGRAMMES).optional();
const episodeRef = { episodeId: id, expectedVersion };

export const cmamChannels = {
  'cmam.assess': channel({
    summary:
      'Propose SAM/MAM, the criteria met, placement, admission type, ration and medicines for a child.',
    permission: 'cmam.write',
    audit: 'none',
    input: assessInput,
    output: assessment,
  }),
  'cmam.admit': channel({
    summary: 'Admit a child to OTP, SC or TSFP with a programme number (one open episode per programme).',
    permission: 'cmam.write',
    audit: 'none',
    input: assessInput.safeExtend({
      programme: z.enum(CMAM_PROGRAMMES),
      transferSite: line(120).default(''),
      transferNumber: line(40).default(''),
      medicinesGiven: z.array(z.enum(MEDICINES)).max(4).default([]),
      rutfSachetsGiven: sachetsGiven.default(0),
      nextVisitDate: calendarDate.nullable().default(null),
      notes: note(1000),
    }),
    output: episodeRecord,
  }),
  'cmam.episode': channel({
    summary: 'One episode with its follow-ups, trend, alerts and the exit the rules propose.',
    permission: 'cmam.read',
    audit: 'read',
    readAudit: {
      action: 'cmam.episode.read',
      target: (_i, o) => ({ entity: 'cmam_episode', id: o.episode.id, patientId: o.episode.patientId }),
    },
    input: z.object({ episodeId: id }).strict(),
    output: episodeDetail,
  }),
  'cmam.patientEpisodes': channel({
    summary: "A child's CMAM episodes, newest first.",
    permission: 'cmam.read',
    audit: 'read',
    readAudit: {
      action: 'cmam.episode.list',
      target: (i) => ({ entity: 'patient', id: i.patientId, patientId: i.patientId }),
    },
    input: z.object({ patientId: id }).strict(),
    output: z.object({ episodes: z.array(episodeRecord) }),
  }),
  'cmam.followup': channel({
    summary: 'Record a follow-up visit (weight, MUAC, oedema, appetite, RUTF, medicines, next date).',
    permission: 'cmam.write',
    audit: 'none',
    input: z
      .object({
        episodeId: id,
        visitDate: calendarDate,
        weightKg,
        muacMm: muacMm.nullable().default(null),
        oedema: z.enum(OEDEMA_GRADES).default('none'),
        appetite: z.enum(APPETITES).default('good'),
        appetiteSachetsEaten: sachetsEaten.nullable().default(null),
        newComplication: z.boolean().default(false),
        rutfSachetsGiven: sachetsGiven.default(0),
        medicinesGiven: z.array(z.enum(MEDICINES)).max(4).default([]),
        nextVisitDate: calendarDate,
        notes: note(1000),
      })
      .strict(),
    output: z.object({ followup: followupRecord, detail: episodeDetail }),
  }),
  'cmam.exit': channel({
    summary: 'Close an episode: cured, died, defaulted, non-responder, transfers, moved/other.',
    permission: 'cmam.write',
    audit: 'none',
    input: z
      .object({ ...episodeRef, exitDate: calendarDate, exitType: z.enum(EXIT_TYPES), notes: note(1000) })
      .strict(),
    output: episodeRecord,
  }),
  'cmam.move': channel({
    summary:
      'Move a child OTP ↔ SC or OTP → TSFP: closes the episode and opens a linked one (not an exit in rates).',
    permission: 'cmam.write',
    audit: 'none',
    input: z
      .object({ ...episodeRef, moveDate: calendarDate, to: z.enum(CMAM_PROGRAMMES), notes: note(1000) })
      .strict(),
    output: z.object({ closed: episodeRecord, opened: episodeRecord }),
  }),
  'cmam.correctExit': channel({
    summary: 'Correct a wrongly recorded exit (or reopen the episode), with a reason kept in the history.',
    permission: 'cmam.write',
    audit: 'none',
    input: z
      .object({
        ...episodeRef,
        exitDate: calendarDate.nullable(),
        exitType: z.enum(EXIT_TYPES).nullable(),
        notes: note(1000),
        reason: voidReason,
      })
      .strict(),
    output: episodeRecord,
  }),
  'cmam.void': channel({
    summary: 'Void an episode, follow-up or stock movement entered in error, with a reason.',
    permission: 'cmam.write',
    audit: 'none',
    input: z
      .object({ entity: z.enum(['episode', 'followup', 'stock']), id, expectedVersion, reason: voidReason })
      .strict(),
    output: z.object({ id: z.string(), version: z.number().int() }),
  }),
  'cmam.caseload': channel({
    summary: 'Children in treatment now, by programme.',
    permission: 'cmam.read',
    audit: 'read',
    readAudit: { action: 'cmam.caseload', detail: (_i, o) => `results=${o.lines.length}` },
    input: z.object({ programme: programmeFilter }).strict(),
    output: z.object({ lines: z.array(caseloadLine) }),
  }),
  'cmam.defaulters': channel({
    summary: 'Children who missed their appointment (1, 2, 3+ absences) with caregiver, phone and village.',
    permission: 'cmam.read',
    audit: 'read',
    readAudit: { action: 'cmam.defaulters', detail: (_i, o) => `results=${o.lines.length}` },
    input: z.object({ programme: programmeFilter }).strict(),
    output: z.object({ lines: z.array(caseloadLine), threshold: z.number().int(), asOf: z.string() }),
  }),
  'cmam.dashboard': channel({
    summary: 'Caseload, admissions, exits, rates beside Sphere, stay and weight gain, 12-month charts.',
    permission: 'cmam.read',
    audit: 'none',
    input: z
      .object({
        month: z
          .string()
          .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month (YYYY-MM)' })
          .optional(),
        programme: programmeFilter,
      })
      .strict(),
    output: dashboard,
  }),
  'cmam.stock': channel({
    summary: 'RUTF balance, weekly need of the caseload, weeks left, suggested order and movements.',
    permission: 'cmam.read',
    audit: 'none',
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.object({
      balance: z.number(),
      weeklyNeed: z.number(),
      weeksLeft: z.number().nullable(),
      low: z.boolean(),
      suggestedOrder: z.number(),
      orderWeeks: z.number().int(),
      movements: z.array(stockMovement),
    }),
  }),
  'cmam.stockReceive': channel({
    summary: 'Record RUTF received (date, sachets, batch) or a stock-take adjustment.',
    permission: 'cmam.write',
    audit: 'none',
    input: z
      .object({
        movementDate: calendarDate,
        kind: z.enum(['received', 'adjusted']).default('received'),
        quantity: z
          .number()
          .int({ error: 'must be a whole number of sachets' })
          .min(-100000, { error: 'is too small' })
          .max(100000, { error: 'must be at most 100000 sachets' }),
        batch: line(60).default(''),
        note: note(500),
      })
      .strict(),
    output: stockMovement,
  }),
  'cmam.settings': channel({
    summary: 'CMAM settings: absences before a defaulted exit is proposed, weeks of stock to order.',
    permission: 'cmam.read',
    audit: 'none',
    input: z.object({}).strict(),
    output: cmamSettings,
  }),
  'cmam.updateSettings': channel({
    summary: 'Change the CMAM settings (audited).',
    permission: 'programmes.manage',
    audit: 'none',
    input: z
      .object({
        defaulterAbsences: z.number().int().min(1, { error: 'must be at least 1' }).max(10).optional(),
        orderWeeks: z.number().int().min(1, { error: 'must be at least 1 week' }).max(26).optional(),
      })
      .strict(),
    output: cmamSettings,
  }),
};
