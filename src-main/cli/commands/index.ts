import type { CliCommand } from '../command';
import { initCommand } from './init';
import { statusCommand } from './status';

/** Every `caredesk` command. Add yours here (one line), keeping the list sorted by name. */
export const commands: CliCommand[] = [initCommand, statusCommand];
