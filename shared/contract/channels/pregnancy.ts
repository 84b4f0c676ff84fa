import { z } from 'zod';
import { channel } from '../channel';
import { calendarDate } from './common';
import {
  ancContactFields,
  ancContactRecord,
  birthPlan,
  listLine,
  outcomeInput,
  postnatalFields,
  postnatalRecord,
  pregnancyDetail,
  pregnancyDraft,
  pregnancyRecord,
} from './pregnancy-fields';
import { expectedVersion, historyEntry, id, voidReason } from './record-fields';

export * from './pregnancy-fields';

export const PREGNANCY_ENTITIES = ['pregnancy', 'anc_contact', 'postnatal_contact'] as const;
const listInput = z
  .object({
    /** The list as it stands on this day (default: today). */
    on: calendarDate.optional(),
    limit: z.number().int().min(1).max(5000).default(500),
  })
  .strict();
const listOutput = z.object({ lines: z.array(listLine), total: z.number().int() });

export const pregnancyChannels = {
  'pregnancy.register': channel({
    summary:
      'Register a pregnancy of a woman aged 10–55: dating (LMP or ultrasound), obstetric history, risks.',
    permission: 'pregnancy.write',
    audit: 'none',
    input: pregnancyDraft,
    output: pregnancyRecord,
  }),
  'pregnancy.get': channel({
    summary: 'One pregnancy with its 8-contact plan, contacts, births and postnatal contacts.',
    permission: 'patients.read',
    audit: 'read',
    readAudit: {
      action: 'pregnancy.read',
      target: (_i, o) => ({ entity: 'pregnancy', id: o.pregnancy.id, patientId: o.pregnancy.patientId }),
    },
    input: z.object({ id }).strict(),
    output: pregnancyDetail,
  }),
  'pregnancy.ofPatient': channel({
    summary: "A woman's pregnancies, newest first (the active one first).",
    permission: 'patients.read',
    audit: 'read',
    readAudit: {
      action: 'pregnancy.read',
      target: (i) => ({ entity: 'patient', id: i.patientId, patientId: i.patientId }),
    },
    input: z.object({ patientId: id }).strict(),
    output: z.object({ pregnancies: z.array(pregnancyRecord) }),
  }),
  'pregnancy.recordContact': channel({
    summary:
      'Record an antenatal contact: number, gestational age and flags computed; IPTp-SP rules enforced.',
    permission: 'pregnancy.write',
    audit: 'none',
    input: ancContactFields.safeExtend({ pregnancyId: id }),
    output: ancContactRecord,
  }),
  'pregnancy.voidContact': channel({
    summary: 'Void an antenatal contact entered in error, with a reason.',
    permission: 'pregnancy.write',
    audit: 'none',
    input: z.object({ id, expectedVersion, reason: voidReason }).strict(),
    output: ancContactRecord,
  }),
  'pregnancy.correctContact': channel({
    summary:
      'Correct an antenatal contact entered wrongly, with a reason: its next version, checked like a new one.',
    permission: 'pregnancy.write',
    audit: 'none',
    input: ancContactFields.safeExtend({ id, expectedVersion, reason: voidReason }),
    output: ancContactRecord,
  }),
  'pregnancy.referDangerSigns': channel({
    summary: 'Urgent referral of a contact with danger signs to a directory facility, in one action.',
    permission: 'pregnancy.write',
    audit: 'none',
    input: z.object({ contactId: id, toFacilityId: id }).strict(),
    output: z.object({ referralId: z.string(), contact: ancContactRecord }),
  }),
  'pregnancy.saveBirthPlan': channel({
    summary: 'Save the birth plan (place, attendant, transport, emergency facility, blood donor, savings).',
    permission: 'pregnancy.write',
    audit: 'none',
    input: z.object({ id, expectedVersion, plan: birthPlan }).strict(),
    output: pregnancyRecord,
  }),
  'pregnancy.recordOutcome': channel({
    summary:
      'Close a pregnancy: delivery (each live-born baby registered, linked to the mother) or another ending.',
    permission: 'pregnancy.write',
    audit: 'none',
    input: z.object({ id, expectedVersion, outcome: outcomeInput }).strict(),
    output: pregnancyDetail,
  }),
  'pregnancy.void': channel({
    summary: 'Void a pregnancy registered in error, with a reason.',
    permission: 'pregnancy.write',
    audit: 'none',
    input: z.object({ id, expectedVersion, reason: voidReason }).strict(),
    output: pregnancyRecord,
  }),
  'pregnancy.recordPostnatal': channel({
    summary: 'Record a postnatal contact of the mother or a baby (within 24 h, day 3, days 7–14, 6 weeks).',
    permission: 'pregnancy.write',
    audit: 'none',
    input: postnatalFields.safeExtend({ pregnancyId: id }),
    output: postnatalRecord,
  }),
  'pregnancy.dueList': channel({
    summary: 'Women whose next antenatal contact falls by the end of this week (not yet missed).',
    permission: 'patients.read',
    audit: 'read',
    readAudit: { action: 'pregnancy.list-due', detail: (_i, o) => `results=${o.lines.length}` },
    input: listInput,
    output: listOutput,
  }),
  'pregnancy.missedList': channel({
    summary:
      'Women who missed a contact (grace period from the protocol profile) and have not been seen since.',
    permission: 'patients.read',
    audit: 'read',
    readAudit: { action: 'pregnancy.list-missed', detail: (_i, o) => `results=${o.lines.length}` },
    input: listInput,
    output: listOutput,
  }),
  'pregnancy.postnatalDue': channel({
    summary:
      'Mothers delivered in the last 6 weeks whose next postnatal contact window is open or has passed.',
    permission: 'patients.read',
    audit: 'read',
    readAudit: { action: 'pregnancy.list-postnatal', detail: (_i, o) => `results=${o.lines.length}` },
    input: listInput,
    output: listOutput,
  }),
  'pregnancy.history': channel({
    summary: 'Version history of a pregnancy, antenatal or postnatal contact.',
    permission: 'patients.read',
    audit: 'read',
    readAudit: { action: 'record.history', target: (i) => ({ entity: i.entity, id: i.id, patientId: null }) },
    input: z.object({ entity: z.enum(PREGNANCY_ENTITIES), id }).strict(),
    output: z.object({ entries: z.array(historyEntry) }),
  }),
};
