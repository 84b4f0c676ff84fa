import { channelNames, events } from '../../../shared/contract';

/**
 * The contract's channel and event names. scripts/build.mjs replaces this module in the preload bundle with
 * the same lists as literals (computed from the contract at build time), so the sandboxed preload carries no
 * zod and no schemas — only the names it must allow.
 */
export const CHANNEL_NAMES: readonly string[] = channelNames;
export const EVENT_NAMES: readonly string[] = Object.keys(events);
