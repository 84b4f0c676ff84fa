import {
  contract,
  events as eventSchemas,
  fail,
  type ChannelName,
  type EventName,
  type EventPayload,
  type FieldError,
  type InputOf,
  type OutputOf,
  type Result,
} from '../../shared/contract';
import { fieldErrorsOf } from '../../shared/contract/validation';
import { coreMessage } from '../../shared/i18n';
import { getBridge } from './bridge';

type SessionLostListener = () => void;
const sessionLostListeners = new Set<SessionLostListener>();

/**
 * Calls one contract channel. Never throws: a broken transport becomes a Failure like any other. A signed-in
 * call answered UNAUTHENTICATED or LOCKED means the session ended elsewhere (expiry, lock, another window):
 * the session provider is told, so the app returns to the right screen.
 */
export async function invoke<C extends ChannelName>(
  channel: C,
  input: InputOf<C>,
): Promise<Result<OutputOf<C>>> {
  let result: Result<OutputOf<C>>;
  try {
    result = await getBridge().invoke(channel, input);
  } catch {
    result = fail('INTERNAL', coreMessage('core.unreachable'));
  }
  if (!result.ok && (result.code === 'UNAUTHENTICATED' || result.code === 'LOCKED')) {
    if (contract[channel].permission !== 'public') for (const listener of sessionLostListeners) listener();
  }
  return result;
}

/** Subscribes to a core event; payloads are checked against the contract before listeners see them. */
export function onEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  try {
    return getBridge().on(event, (payload) => {
      const parsed = eventSchemas[event].safeParse(payload);
      if (parsed.success) listener(parsed.data as EventPayload<E>);
    });
  } catch {
    return () => {};
  }
}

export function onSessionLost(listener: SessionLostListener): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

/**
 * The channel's own input schema, run before sending: the same plain-words field errors as the core, with no
 * round trip. The core still validates everything (the renderer is never trusted).
 */
export function validateInput<C extends ChannelName>(channel: C, input: InputOf<C>): FieldError[] {
  const parsed = contract[channel].input.safeParse(input);
  return parsed.success ? [] : fieldErrorsOf(parsed.error);
}
