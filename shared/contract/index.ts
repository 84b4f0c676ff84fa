import type { z } from 'zod';
import type { ChannelDef } from './channel';
import { appChannels } from './channels/app';
import { authChannels } from './channels/auth';
import { directoryChannels } from './channels/directory';
import { documentChannels } from './channels/documents';
import { importChannels } from './channels/imports';
import { patientChannels } from './channels/patients';
import { referralChannels } from './channels/referrals';
import { reportChannels } from './channels/reports';
import { exchangeChannels } from './channels/exchange';
import { visitChannels } from './channels/visits';
import { programmeChannels } from './channels/programmes';
import { cmamChannels } from './channels/cmam';
import { pregnancyChannels } from './channels/pregnancy';
import { auditChannels } from './channels/audit';
import { backupChannels } from './channels/backup';
import { sessionChannels } from './channels/session';
import { settingsChannels } from './channels/settings';
import { usersChannels } from './channels/users';
import { syncChannels } from './channels/sync';
import type { Result } from './errors';
import type { EventName, EventPayload } from './events';

/** Every channel of the app. Main, preload, core and renderer all derive from this one map. */
export const contract = {
  ...appChannels,
  ...authChannels,
  ...sessionChannels,
  ...usersChannels,
  ...auditChannels,
  ...settingsChannels,
  ...backupChannels,
  ...patientChannels,
  ...visitChannels,
  ...referralChannels,
  ...directoryChannels,
  ...importChannels,
  ...programmeChannels,
  ...cmamChannels,
  ...pregnancyChannels,
  ...documentChannels,
  ...reportChannels,
  ...exchangeChannels,
  ...syncChannels,
} satisfies Record<string, ChannelDef>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>;
export type OutputOf<C extends ChannelName> = z.output<Contract[C]['output']>;

export const channelNames = Object.keys(contract) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** What the preload exposes as `window.caredesk` and every transport implements. */
export interface CareDeskBridge {
  invoke<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export * from './errors';
export * from './roles';
export * from './events';
export type { ChannelDef, AuditKind, ReadAudit } from './channel';
export type { SessionInfo, FacilityInfo } from './channels/common';
