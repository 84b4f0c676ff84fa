import type { CliCommand } from '../command';
import { ancCloseCommand, ancContactCommand, ancListCommand, ancRegisterCommand } from './anc';
import { ancDatesCommand } from './anc-dates';
import { auditExportCommand, auditVerifyCommand } from './audit';
import { backupCommand } from './backup';
import { cmamAdmitCommand, cmamExitCommand, cmamFollowupCommand, cmamListCommand } from './cmam';
import { documentsAddCommand, documentsListCommand } from './documents';
import { exportCommand, importCommand } from './exchange';
import { initCommand } from './init';
import {
  patientsImportCommand,
  patientsReindexCommand,
  patientsSearchCommand,
  patientsTemplateCommand,
} from './patients';
import { recoverCommand } from './recover';
import { rekeyCommand } from './rekey';
import {
  reportAncCommand,
  reportCmamCommand,
  reportFreezeCommand,
  reportProgrammesCommand,
  reportVisitsCommand,
} from './report';
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
  ancCloseCommand,
  ancContactCommand,
  ancDatesCommand,
  ancListCommand,
  ancRegisterCommand,
  auditExportCommand,
  auditVerifyCommand,
  backupCommand,
  cmamAdmitCommand,
  cmamExitCommand,
  cmamFollowupCommand,
  cmamListCommand,
  documentsAddCommand,
  documentsListCommand,
  exportCommand,
  importCommand,
  initCommand,
  patientsImportCommand,
  patientsReindexCommand,
  patientsSearchCommand,
  patientsTemplateCommand,
  recoverCommand,
  rekeyCommand,
  reportAncCommand,
  reportCmamCommand,
  reportFreezeCommand,
  reportProgrammesCommand,
  reportVisitsCommand,
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
