import { z } from 'zod';
import { channel } from '../channel';
import { calendarDate } from './common';
import { expectedVersion, id, note, recordMeta, requiredLine, voidReason } from './record-fields';

/** Built-in programmes: CMAM (OTP, SC, TSFP, entered through admission) and ANC; managers add the rest. */
export const PROGRAMME_KINDS = ['cmam', 'anc', 'custom'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

export const programmeRecord = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(PROGRAMME_KINDS),
  builtIn: z.boolean(),
  active: z.boolean(),
  deactivatedOn: z.string().nullable(),
  deactivationReason: z.string().nullable(),
  /** Open enrolments now (CMAM: open episodes). */
  openCount: z.number().int(),
  ...recordMeta,
});
export type ProgrammeRecord = z.infer<typeof programmeRecord>;

export const enrolmentRecord = z.object({
  id: z.string(),
  patientId: z.string(),
  programmeId: z.string(),
  programmeCode: z.string(),
  programmeName: z.string(),
  enrolledOn: z.string(),
  enrolledBy: z.string().nullable(),
  enrolledByName: z.string().nullable(),
  note: z.string(),
  unenrolledOn: z.string().nullable(),
  unenrolledBy: z.string().nullable(),
  unenrolledByName: z.string().nullable(),
  unenrolReason: z.string().nullable(),
  ...recordMeta,
});
export type EnrolmentRecord = z.infer<typeof enrolmentRecord>;

/** A programme code as people write it on registers: capitals, digits and dashes. */
const programmeCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9-]{1,11}$/, { error: 'must be 2 to 12 capital letters, digits or dashes' });

export const programmeChannels = {
  'programmes.list': channel({
    summary: 'Every programme (built-in and created), active first, with its open enrolments.',
    permission: 'patients.read',
    audit: 'none',
    input: z.object({ includeInactive: z.boolean().default(true) }).strict(),
    output: z.object({ programmes: z.array(programmeRecord) }),
  }),
  'programmes.create': channel({
    summary: 'Create a programme (code, name, description).',
    permission: 'programmes.manage',
    audit: 'none',
    input: z.object({ code: programmeCode, name: requiredLine(100), description: note(500) }).strict(),
    output: programmeRecord,
  }),
  'programmes.deactivate': channel({
    summary:
      'Deactivate a programme: closes its open enrolments with the reason, once their count is confirmed.',
    permission: 'programmes.manage',
    audit: 'none',
    input: z
      .object({
        id,
        expectedVersion,
        reason: voidReason,
        /** The number of open enrolments the manager was shown and confirmed. */
        confirmOpenEnrolments: z.number().int().min(0),
      })
      .strict(),
    output: z.object({ programme: programmeRecord, closed: z.number().int() }),
  }),
  'programmes.enrol': channel({
    summary: 'Enrol a patient in a programme on a date.',
    permission: 'programmes.enrol',
    audit: 'none',
    input: z.object({ patientId: id, programmeId: id, enrolledOn: calendarDate, note: note(500) }).strict(),
    output: enrolmentRecord,
  }),
  'programmes.unenrol': channel({
    summary: 'Close an enrolment on a date with a reason (the enrolment stays in the history).',
    permission: 'programmes.enrol',
    audit: 'none',
    input: z.object({ id, expectedVersion, unenrolledOn: calendarDate, reason: requiredLine(300) }).strict(),
    output: enrolmentRecord,
  }),
  'programmes.patientEnrolments': channel({
    summary: "A patient's enrolments, open and closed, newest first.",
    permission: 'patients.read',
    audit: 'read',
    readAudit: {
      action: 'enrolment.list',
      target: (i) => ({ entity: 'patient', id: i.patientId, patientId: i.patientId }),
    },
    input: z.object({ patientId: id }).strict(),
    output: z.object({ enrolments: z.array(enrolmentRecord) }),
  }),
};
