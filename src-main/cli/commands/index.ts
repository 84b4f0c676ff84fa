import type { CliCommand } from '../command';
import { ancDatesCommand } from './anc-dates';
import { initCommand } from './init';
import { statusCommand } from './status';
import { zscoreCommand } from './zscore';

/** Every `caredesk` command. Add yours here (one line), keeping the list sorted by name. */
export const commands: CliCommand[] = [ancDatesCommand, initCommand, statusCommand, zscoreCommand];
