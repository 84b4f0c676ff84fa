import type { EventName, Result } from '../../shared/contract';
import type { LogFields } from './log';
import type { CoreOptions } from './state';

/**
 * Messages between the core worker and its host (DESIGN.md §1). The worker accepts only init, call and close;
 * everything crossing the thread boundary is plain data (structured clone), so functions in CoreOptions
 * (logger, clock, emit) stay on each side and are replaced by messages.
 */
export type WorkerInit = Omit<CoreOptions, 'logger' | 'clock' | 'emit'>;

export type ToWorker =
  | { type: 'init'; options: WorkerInit }
  | { type: 'call'; requestId: number; connectionId: string; channel: unknown; input: unknown }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'init-failed'; message: string }
  | { type: 'result'; requestId: number; result: Result<unknown> }
  | { type: 'event'; connectionId: string; name: EventName; payload: unknown }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; event: string; fields?: LogFields }
  | { type: 'closed' };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** Checks a message the worker received; anything else is dropped (and logged by the worker). */
export function parseToWorker(message: unknown): ToWorker | null {
  if (!isRecord(message)) return null;
  switch (message.type) {
    case 'init': {
      const options = message.options;
      if (!isRecord(options) || !isText(options.dataDir)) return null;
      if (options.nativeBinding !== undefined && !isText(options.nativeBinding)) return null;
      if (options.appVersion !== undefined && !isText(options.appVersion)) return null;
      if (options.kdf !== undefined && !isArgon2Params(options.kdf)) return null;
      return { type: 'init', options: options as WorkerInit };
    }
    case 'call':
      if (!Number.isSafeInteger(message.requestId) || !isText(message.connectionId)) return null;
      return {
        type: 'call',
        requestId: message.requestId as number,
        connectionId: message.connectionId,
        channel: message.channel,
        input: message.input,
      };
    case 'close':
      return { type: 'close' };
    default:
      return null;
  }
}

function isArgon2Params(value: unknown): boolean {
  return (
    isRecord(value) &&
    value.alg === 'argon2id' &&
    [value.m, value.t, value.p].every((n) => Number.isSafeInteger(n) && (n as number) > 0)
  );
}

/** Checks a message the host received from the worker. */
export function parseFromWorker(message: unknown): FromWorker | null {
  if (!isRecord(message)) return null;
  switch (message.type) {
    case 'ready':
    case 'closed':
      return { type: message.type };
    case 'init-failed':
      return isText(message.message) ? { type: 'init-failed', message: message.message } : null;
    case 'result':
      if (!Number.isSafeInteger(message.requestId) || !isRecord(message.result)) return null;
      if (typeof message.result.ok !== 'boolean') return null;
      return {
        type: 'result',
        requestId: message.requestId as number,
        result: message.result as unknown as Result<unknown>,
      };
    case 'event':
      if (!isText(message.connectionId) || !isText(message.name)) return null;
      return {
        type: 'event',
        connectionId: message.connectionId,
        name: message.name as EventName,
        payload: message.payload,
      };
    case 'log':
      if (!isText(message.event) || !['info', 'warn', 'error'].includes(message.level as string)) return null;
      return {
        type: 'log',
        level: message.level as 'info' | 'warn' | 'error',
        event: message.event,
        ...(isRecord(message.fields) ? { fields: message.fields as LogFields } : {}),
      };
    default:
      return null;
  }
}
