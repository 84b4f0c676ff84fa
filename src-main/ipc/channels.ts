import type { ChannelName, EventName } from '../../shared/contract';

/**
 * IPC names for contract channels and events. Prefixed so they can never meet Electron's own channels; the
 * list itself always comes from the contract (`channelNames`, `events`), never typed out here.
 */
export const ipcChannelOf = (channel: ChannelName): string => `caredesk:${channel}`;
export const ipcEventOf = (event: EventName): string => `caredesk:event:${event}`;
