import { z } from 'zod';
import { channel } from '../channel';
import { empty, sessionInfo } from './common';

export const authChannels = {
  'auth.login': channel({
    summary: 'Sign in with username and password; opens the database on the first sign-in after start.',
    permission: 'public',
    audit: 'none',
    input: z
      .object({
        username: z.string().trim().toLowerCase().min(1, { error: 'is required' }).max(64),
        password: z.string().min(1, { error: 'is required' }).max(128),
      })
      .strict(),
    output: sessionInfo,
  }),
  'auth.logout': channel({
    summary: 'End this window’s session.',
    permission: 'session',
    audit: 'none',
    input: empty,
    output: z.object({}),
  }),
};
