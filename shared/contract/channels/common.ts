import { z } from 'zod';
import { ROLES } from '../roles';

/** Calendar date as typed by staff, no time zone: YYYY-MM-DD, and a real day. */
export const calendarDate = z.iso.date({ error: 'must be a real date (YYYY-MM-DD)' });

/** Free text from a form: trimmed, no control characters, bounded length. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), {
      error: 'contains invisible control characters',
    });

export const requiredText = (max: number) => text(max).pipe(z.string().min(1, { error: 'is required' }));

export const empty = z.object({}).strict();

export const role = z.enum(ROLES);
/** One or more roles; the first is the account's main role (named first on screen). */
export const roleSet = z.array(role).min(1, { error: 'needs at least one role' }).max(ROLES.length);

export const sessionInfo = z.object({
  userId: z.string(),
  username: z.string(),
  fullName: z.string(),
  role,
  /** Every role of the account (the main one first); rights are the union. */
  roles: z.array(role),
  mustChangePassword: z.boolean(),
  /** The screen is locked: only the PIN (or password) of this user, or "switch user", goes on. */
  locked: z.boolean(),
  hasPin: z.boolean(),
  /** UTC ISO instant after which the session ends regardless of activity. */
  expiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const facilityInfo = z.object({
  name: z.string(),
  code: z.string(),
  district: z.string(),
  country: z.string(),
});
export type FacilityInfo = z.infer<typeof facilityInfo>;
