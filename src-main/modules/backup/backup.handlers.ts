import type { HandlerSlice } from '../../core/handler';
import { requireRecentPassword } from '../auth/credentials';
import { guardBackupTarget } from './backup-guard';
import { readSettings, readSystemValue } from '../settings/settings.service';
import { backupFolderOf, createBackup, listBackups } from './backup.service';
import { lastBackupAt, nextDueAt } from './backup.schedule';
import { rekeyDatabase } from './rekey.service';
import { assertNothingWorkingHere, checkBackupFile, restoreBackup } from './restore.service';

type BackupChannels =
  'backup.create' | 'backup.status' | 'backup.restore' | 'backup.restoreWithoutSignIn' | 'database.rekey';

export const backupHandlers: HandlerSlice<BackupChannels> = {
  'backup.create': (input, ctx) => {
    const user = ctx.user();
    guardBackupTarget(ctx.state, user, input);
    return createBackup(ctx.state, {
      folder: input.folder,
      file: input.file,
      kind: 'manual',
      by: { userId: user.userId, role: user.role },
    });
  },
  'backup.status': (_input, ctx) => {
    const { db } = ctx.database();
    const settings = readSettings(db);
    const folder = backupFolderOf(ctx.state);
    return {
      folder,
      onDataDisk: settings.backupFolder === null,
      autoBackup: settings.autoBackup,
      keep: settings.backupKeep,
      lastBackupAt: lastBackupAt(ctx.state),
      lastAutoError: readSystemValue<string>(db, 'lastAutoBackupError'),
      nextDueAt: nextDueAt(ctx.state),
      backups: listBackups(folder),
    };
  },
  'backup.restore': (input, ctx) => {
    ctx.database();
    const user = ctx.user();
    requireRecentPassword(ctx.state, user);
    return restoreBackup(ctx.state, input.file, input.credentials, user);
  },
  'backup.restoreWithoutSignIn': (input, ctx) => {
    checkBackupFile(input.file);
    assertNothingWorkingHere(ctx.state);
    return restoreBackup(ctx.state, input.file, input.credentials, null);
  },
  'database.rekey': (input, ctx) => rekeyDatabase(ctx.state, ctx.user(), input),
};
