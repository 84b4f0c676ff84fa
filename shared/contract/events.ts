import { z } from 'zod';

/** Events the core pushes to a window (renderer subscribes with `on`). */
export const events = {
  /** This window's session ended or locked; the UI returns to the right screen. */
  'session.changed': z.object({
    reason: z.enum(['logout', 'expired', 'locked', 'unlocked', 'ended']),
  }),
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
