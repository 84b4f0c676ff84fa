import { z } from 'zod';
import { channel } from '../channel';
import { empty, facilityInfo, requiredText, sessionInfo, text } from './common';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, { error: 'must be at least 3 characters' })
  .max(32, { error: 'must be at most 32 characters' })
  .regex(/^[a-z0-9._-]+$/, { error: 'may use only letters a–z, digits, dot, dash and underscore' });

/** Length only, no composition rules (NIST 800-63B); strength checks come with staff accounts. */
export const newPasswordSchema = z
  .string()
  .min(10, { error: 'must be at least 10 characters' })
  .max(128, { error: 'must be at most 128 characters' });

export const appChannels = {
  'app.status': channel({
    summary: 'Whether the facility is set up, and who is signed in on this window.',
    permission: 'public',
    audit: 'none',
    input: empty,
    output: z.object({
      initialized: z.boolean(),
      session: sessionInfo.nullable(),
      appVersion: z.string(),
      schemaVersion: z.number().int().nullable(),
    }),
  }),
  'setup.initialize': channel({
    summary: 'First-run setup: facility, admin account, encrypted database and key vault.',
    permission: 'public',
    audit: 'none',
    input: z
      .object({
        facility: z
          .object({
            name: requiredText(120),
            code: requiredText(32).pipe(
              z.string().regex(/^[A-Za-z0-9._-]+$/, {
                error: 'may use only letters, digits, dot, dash and underscore',
              }),
            ),
            district: text(120),
            country: text(120),
          })
          .strict(),
        admin: z
          .object({
            username: usernameSchema,
            fullName: requiredText(120),
            password: newPasswordSchema,
            /** The administrator also sees patients (a small facility): the account is admin + clinician. */
            seesPatients: z.boolean().optional(),
          })
          .strict(),
      })
      .strict(),
    output: z.object({
      /** Shown once: it opens the database if every staff password is lost. */
      recoveryCode: z.string(),
      session: sessionInfo,
    }),
  }),
  'home.summary': channel({
    summary: 'Facility and live counts for the home screen.',
    permission: 'facility.read',
    audit: 'none',
    input: empty,
    output: z.object({
      facility: facilityInfo,
      counts: z.object({
        activeStaff: z.number().int(),
        signInsToday: z.number().int(),
        /** Registered patients (not voided, not merged away). */
        patients: z.number().int(),
        /** Visits dated today (the facility's calendar day). */
        visitsToday: z.number().int(),
        /** Referrals still waiting for feedback. */
        openReferrals: z.number().int(),
      }),
    }),
  }),
  'system.status': channel({
    summary: 'Database health for IT: schema versions, integrity quick check, record counts.',
    permission: 'facility.read',
    audit: 'none',
    input: empty,
    output: z.object({
      schemaVersion: z.number().int(),
      appSchemaVersion: z.number().int(),
      /** "ok", or SQLite's first problem report. */
      quickCheck: z.string(),
      counts: z.record(z.string(), z.number().int()),
    }),
  }),
};
