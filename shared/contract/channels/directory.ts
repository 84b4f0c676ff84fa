import { z } from 'zod';
import { channel } from '../channel';
import {
  expectedVersion,
  id,
  line,
  note,
  optionalLine,
  phone,
  recordMeta,
  requiredLine,
} from './record-fields';

export const FACILITY_TYPES = [
  'hospital',
  'stabilisation-centre',
  'health-centre',
  'pharmacy',
  'other',
] as const;

export const directoryDraft = z
  .object({
    name: requiredLine(120),
    type: z.enum(FACILITY_TYPES),
    phone,
    address: optionalLine(200),
    district: optionalLine(120),
    /** What patients can get there, e.g. "SAM inpatient care", "blood transfusion". */
    services: z.array(requiredLine(80)).max(30).default([]),
    notes: note(1000),
  })
  .strict();
export type DirectoryDraft = z.input<typeof directoryDraft>;

export const directoryEntry = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(FACILITY_TYPES),
  phone: z.string(),
  address: z.string(),
  district: z.string(),
  services: z.array(z.string()),
  notes: z.string(),
  active: z.boolean(),
  ...recordMeta,
});
export type DirectoryEntry = z.infer<typeof directoryEntry>;

export const directoryChannels = {
  'directory.list': channel({
    summary: 'Facilities patients can be referred to, by name, type or service.',
    permission: 'facility.read',
    audit: 'none',
    input: z
      .object({
        query: line(100).default(''),
        type: z.enum(FACILITY_TYPES).optional(),
        includeInactive: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ facilities: z.array(directoryEntry) }),
  }),
  'directory.create': channel({
    summary: 'Add a facility to the referral directory.',
    permission: 'directory.manage',
    audit: 'none',
    input: directoryDraft,
    output: directoryEntry,
  }),
  'directory.update': channel({
    summary: 'Change a directory facility, or deactivate it (old referrals keep pointing to it).',
    permission: 'directory.manage',
    audit: 'none',
    input: z.object({ id, expectedVersion, facility: directoryDraft, active: z.boolean() }).strict(),
    output: directoryEntry,
  }),
};
