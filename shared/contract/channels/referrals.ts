import { z } from 'zod';
import { channel } from '../channel';
import { calendarDate } from './common';
import { FACILITY_TYPES } from './directory';
import { expectedVersion, id, note, recordMeta, requiredLine, voidReason } from './record-fields';

export const REFERRAL_URGENCIES = ['routine', 'urgent', 'emergency'] as const;
export const REFERRAL_OUTCOMES = [
  'seen-and-returned',
  'admitted',
  'treated',
  'transferred-on',
  'did-not-arrive',
  'died',
  'other',
] as const;

export const referralRecord = z.object({
  id: z.string(),
  patientId: z.string(),
  visitId: z.string().nullable(),
  toFacilityId: z.string(),
  facilityName: z.string(),
  facilityType: z.enum(FACILITY_TYPES),
  facilityPhone: z.string(),
  referralDate: z.string(),
  reason: z.string(),
  urgency: z.enum(REFERRAL_URGENCIES),
  status: z.enum(['open', 'closed']),
  feedbackDate: z.string().nullable(),
  feedbackOutcome: z.enum(REFERRAL_OUTCOMES).nullable(),
  feedbackNotes: z.string(),
  ...recordMeta,
});
export type ReferralRecord = z.infer<typeof referralRecord>;

export const openReferral = referralRecord.extend({
  patient: z.object({
    registrationNumber: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    phone: z.string(),
    caregiverPhone: z.string(),
  }),
  daysOpen: z.number().int(),
});
export type OpenReferral = z.infer<typeof openReferral>;

export const referralChannels = {
  'referrals.create': channel({
    summary: 'Refer a patient to a facility of the directory, with the reason and urgency.',
    permission: 'referrals.write',
    audit: 'none',
    input: z
      .object({
        patientId: id,
        visitId: id.nullable().default(null),
        toFacilityId: id,
        referralDate: calendarDate,
        reason: requiredLine(500),
        urgency: z.enum(REFERRAL_URGENCIES),
      })
      .strict(),
    output: referralRecord,
  }),
  'referrals.recordFeedback': channel({
    summary: 'Record what happened at the receiving facility; closes the referral.',
    permission: 'referrals.write',
    audit: 'none',
    input: z
      .object({
        id,
        expectedVersion,
        feedbackDate: calendarDate,
        outcome: z.enum(REFERRAL_OUTCOMES),
        notes: note(1000),
      })
      .strict(),
    output: referralRecord,
  }),
  'referrals.void': channel({
    summary: 'Void a referral entered in error, with a reason.',
    permission: 'referrals.write',
    audit: 'none',
    input: z.object({ id, expectedVersion, reason: voidReason }).strict(),
    output: referralRecord,
  }),
  'referrals.listOpen': channel({
    summary: 'Open referrals waiting for feedback, oldest first, most urgent first.',
    permission: 'patients.read',
    audit: 'read',
    readAudit: {
      action: 'referral.list',
      detail: (_i, o) => `results=${o.referrals.length}`,
      shown: (_i, o) => o.referrals.map((r) => r.patientId),
    },
    input: z
      .object({
        urgency: z.enum(REFERRAL_URGENCIES).optional(),
        limit: z.number().int().min(1).max(500).default(200),
      })
      .strict(),
    output: z.object({ referrals: z.array(openReferral), total: z.number().int() }),
  }),
};
