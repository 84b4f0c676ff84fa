import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { fail, type Result } from '../../shared/contract';
import { createCore, type Core } from './core';
import type { Logger } from './log';
import { parseToWorker, type FromWorker, type WorkerInit } from './worker-protocol';

/**
 * Worker-thread entry of the core (DESIGN.md §1): better-sqlite3 is synchronous, so the database lives here
 * and a long report never freezes the window. Accepts only init, call and close from its host.
 */
if (!parentPort) throw new Error('src-main/core/worker runs only as a worker thread');
const port = parentPort;

const send = (message: FromWorker): void => port.postMessage(message);

const logger: Logger = {
  info: (event, fields) => send({ type: 'log', level: 'info', event, ...(fields ? { fields } : {}) }),
  warn: (event, fields) => send({ type: 'log', level: 'warn', event, ...(fields ? { fields } : {}) }),
  error: (event, fields) => send({ type: 'log', level: 'error', event, ...(fields ? { fields } : {}) }),
};

let core: Core | null = null;
let closing = false;
const inFlight = new Set<Promise<void>>();

port.on('message', (raw: unknown) => {
  const message = parseToWorker(raw);
  if (!message) {
    logger.warn('worker.message_refused');
    return;
  }
  if (message.type === 'init') init(message.options);
  else if (message.type === 'call')
    track(call(message.requestId, message.connectionId, message.channel, message.input));
  else void close();
});

function init(options: WorkerInit): void {
  if (core) {
    logger.warn('worker.init_twice');
    return;
  }
  try {
    probeNativeBinding(options.nativeBinding);
  } catch (error) {
    logger.error('worker.native_binding_failed', { code: errorCode(error) });
    send({
      type: 'init-failed',
      message:
        'The database engine could not be loaded on this computer (it was built for another version). ' +
        'Reinstall CareDesk, or run `npm start` again in a development checkout.',
    });
    return;
  }
  core = createCore({
    ...options,
    logger,
    emit: (connectionId, name, payload) => send({ type: 'event', connectionId, name, payload }),
  });
  send({ type: 'ready' });
}

/** Loads the native module once at start, so a wrong build is reported now and not at the first sign-in. */
function probeNativeBinding(nativeBinding: string | undefined): void {
  const probe = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  probe.close();
}

async function call(
  requestId: number,
  connectionId: string,
  channel: unknown,
  input: unknown,
): Promise<void> {
  let result: Result<unknown>;
  if (!core || closing) {
    result = fail('INTERNAL', 'CareDesk is starting or closing. Please try again in a moment.');
  } else {
    try {
      result = await core.dispatch(connectionId, channel, input);
    } catch (error) {
      // The router maps every handler error; this guards the worker against a bug in the router itself.
      logger.error('worker.dispatch_failed', { code: errorCode(error) });
      result = fail('INTERNAL', 'Something went wrong inside CareDesk. Please try again.');
    }
  }
  try {
    send({ type: 'result', requestId, result });
  } catch (error) {
    // A value that cannot cross threads is a bug in a handler; the caller still gets an answer.
    logger.error('worker.result_not_cloneable', { code: errorCode(error) });
    send({ type: 'result', requestId, result: fail('INTERNAL', 'Something went wrong inside CareDesk.') });
  }
}

function track(promise: Promise<void>): void {
  inFlight.add(promise);
  void promise.finally(() => inFlight.delete(promise));
}

/** Lets calls already running finish (a sign-in may be deriving its key), then closes the database. */
async function close(): Promise<void> {
  if (closing) return;
  closing = true;
  await Promise.allSettled([...inFlight]);
  try {
    core?.close();
  } catch (error) {
    logger.error('worker.close_failed', { code: errorCode(error) });
  }
  core = null;
  send({ type: 'closed' });
  port.close();
}

function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : null;
}
