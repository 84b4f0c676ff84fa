import { z } from 'zod';

/** Events the core pushes to a window (renderer subscribes with `on`). */
export const events = {
  /** This window's session ended or locked; the UI returns to the right screen. */
  'session.changed': z.object({
    reason: z.enum(['logout', 'expired', 'locked', 'unlocked', 'ended']),
  }),
  /** Master-key rotation and database re-key after a deactivation or a reset after a leak. */
  'keys.progress': z.object({
    step: z.enum(['keys', 'database', 'done']),
    percent: z.number().int().min(0).max(100),
  }),
  /** A long export or import (src-main/modules/exchange): rows done of the total. */
  'exchange.progress': z.object({
    work: z.enum(['export', 'import']),
    done: z.number().int(),
    total: z.number().int(),
    percent: z.number().int().min(0).max(100),
  }),
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
