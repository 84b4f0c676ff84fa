import type { HandlerSlice } from '../../core/handler';
import { readSettings, updateSettings } from './settings.service';
import { guardBackupSettings } from '../backup/backup-guard';

export const settingsHandlers: HandlerSlice<'settings.get' | 'settings.update'> = {
  'settings.get': (_input, ctx) => readSettings(ctx.database().db),
  'settings.update': (input, ctx) => {
    const { sqlite, db } = ctx.database();
    const user = ctx.user();
    guardBackupSettings(ctx.state, user, input);
    const next = updateSettings(
      sqlite,
      db,
      input,
      { userId: user.userId, role: user.role },
      ctx.now.toISOString(),
    );
    ctx.state.sessions.idleMs = next.idleLockMinutes * 60_000;
    return next;
  },
};
