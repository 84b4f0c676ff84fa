import { z } from 'zod';
import { channel } from '../channel';
import { empty, sessionInfo } from './common';
import { pinField } from './auth';

export const sessionChannels = {
  'session.lock': channel({
    summary: 'Lock this window now (button or Ctrl+L); the same user unlocks with PIN or password.',
    permission: 'session',
    audit: 'none',
    input: empty,
    output: sessionInfo,
  }),
  'session.unlock': channel({
    summary: 'Unlock this window’s locked session with the PIN (5 tries) or the password.',
    permission: 'session',
    audit: 'none',
    input: z
      .object({ pin: pinField.optional(), password: z.string().min(1).max(128).optional() })
      .strict()
      .refine((v) => (v.pin === undefined) !== (v.password === undefined), {
        error: 'give either the PIN or the password',
      }),
    output: sessionInfo,
  }),
  'session.touch': channel({
    summary: 'The person is active in this window (keys, mouse): postpones the idle lock.',
    permission: 'session',
    audit: 'none',
    input: empty,
    output: z.object({ idleLockMinutes: z.number().int(), locksAt: z.string().nullable() }),
  }),
};
