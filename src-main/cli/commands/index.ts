import type { CliCommand } from '../command';
import { ancDatesCommand } from './anc-dates';
import { auditExportCommand, auditVerifyCommand } from './audit';
import { backupCommand } from './backup';
import { initCommand } from './init';
import {
  patientsImportCommand,
  patientsReindexCommand,
  patientsSearchCommand,
  patientsTemplateCommand,
} from './patients';
import { recoverCommand } from './recover';
import { rekeyCommand } from './rekey';
import { restoreCommand } from './restore';
import { statusCommand } from './status';
import { syncEnrolCommand, syncPushCommand, syncStatusCommand } from './sync';
import {
  usersAddCommand,
  usersDeactivateCommand,
  usersEditCommand,
  usersListCommand,
  usersReactivateCommand,
  usersResetPasswordCommand,
  usersRoleCommand,
} from './users';
import { zscoreCommand } from './zscore';

/** Every `caredesk` command. Add yours here (one line), keeping the list sorted by name. */
export const commands: CliCommand[] = [
  ancDatesCommand,
  auditExportCommand,
  auditVerifyCommand,
  backupCommand,
  initCommand,
  patientsImportCommand,
  patientsReindexCommand,
  patientsSearchCommand,
  patientsTemplateCommand,
  recoverCommand,
  rekeyCommand,
  restoreCommand,
  statusCommand,
  syncEnrolCommand,
  syncPushCommand,
  syncStatusCommand,
  usersAddCommand,
  usersDeactivateCommand,
  usersEditCommand,
  usersListCommand,
  usersReactivateCommand,
  usersResetPasswordCommand,
  usersRoleCommand,
  zscoreCommand,
];
