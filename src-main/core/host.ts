import { Worker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fail, type EventName, type Result } from '../../shared/contract';
import { stderrLogger, type Logger } from './log';
import { parseFromWorker, type FromWorker, type WorkerInit } from './worker-protocol';

/** An event the core pushed to one connection (a window, a browser tab). */
export interface CoreEvent {
  connectionId: string;
  name: EventName;
  payload: unknown;
}

/** Main's view of the core: the same `dispatch` as the in-process core, but every call crosses to a worker. */
export interface CoreHost {
  /** Settles once the worker has loaded the database engine; rejects with a message for people. */
  ready: Promise<void>;
  dispatch(connectionId: string, channel: unknown, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
  /** Lets running calls finish, closes the database, stops the worker. Safe to call twice. */
  close(): Promise<void>;
}

export interface CoreHostOptions {
  /** Receives the worker's log lines (fixed event names and codes, never user input). */
  logger?: Logger;
  /** Crash restarts allowed within `restartWindowMs` before the host gives up (default 3 per minute). */
  maxRestarts?: number;
  restartWindowMs?: number;
  /** How long close() waits for the worker to close the database before stopping it (default 10 s). */
  closeTimeoutMs?: number;
}

export const CRASHED_MESSAGE =
  'CareDesk’s data service stopped unexpectedly, so your last action may not have been saved — please check it. ' +
  'Sign in again to continue.';
export const STOPPED_MESSAGE =
  'CareDesk’s data service has stopped. Please close CareDesk and open it again.';
const CLOSING_MESSAGE = 'CareDesk is closing.';

interface Pending {
  resolve(result: Result<unknown>): void;
}

/**
 * Starts the core in a worker thread (DESIGN.md §1) and proxies calls to it. A crashed worker answers every
 * waiting call with INTERNAL, tells every known connection its session ended, and is restarted (a few times);
 * no caller is ever left waiting.
 */
export function startCoreHost(
  init: WorkerInit,
  workerPath: string | URL,
  options: CoreHostOptions = {},
): CoreHost {
  const logger = options.logger ?? stderrLogger;
  const maxRestarts = options.maxRestarts ?? 3;
  const restartWindowMs = options.restartWindowMs ?? 60_000;
  const closeTimeoutMs = options.closeTimeoutMs ?? 10_000;

  const pending = new Map<number, Pending>();
  const listeners = new Set<(event: CoreEvent) => void>();
  const connections = new Set<string>();
  const restarts: number[] = [];
  let nextRequestId = 1;
  let status: 'running' | 'failed' | 'closing' | 'closed' = 'running';
  let failure = STOPPED_MESSAGE;
  let closed: Promise<void> | null = null;

  let markReady: () => void = () => {};
  let markFailed: (error: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  ready.catch(() => {}); // a caller that never awaits `ready` still gets failures from dispatch

  let worker = spawn();

  function spawn(): Worker {
    const w = createWorker(workerPath);
    w.on('message', (raw: unknown) => onMessage(w, raw));
    w.on('error', (error) => logger.error('core.worker_error', { name: error.name }));
    w.on('exit', (code) => onExit(w, code));
    w.postMessage({ type: 'init', options: init });
    return w;
  }

  function onMessage(from: Worker, raw: unknown): void {
    const message = parseFromWorker(raw);
    if (!message) return logger.warn('core.worker_message_refused');
    if (from !== worker) return; // a late word from a worker already replaced
    handle(message);
  }

  function handle(message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        return markReady();
      case 'init-failed':
        giveUp(message.message);
        void worker.terminate();
        return;
      case 'result': {
        const waiting = pending.get(message.requestId);
        pending.delete(message.requestId);
        return waiting?.resolve(message.result);
      }
      case 'event':
        return emit({ connectionId: message.connectionId, name: message.name, payload: message.payload });
      case 'log':
        return logger[message.level](message.event, message.fields);
      case 'closed':
        return;
    }
  }

  function onExit(from: Worker, code: number): void {
    if (from !== worker) return;
    if (status !== 'running') return answerAll(status === 'failed' ? failure : CLOSING_MESSAGE);
    logger.error('core.worker_exited', { code });
    answerAll(CRASHED_MESSAGE);
    // Sessions lived in the worker: every window must sign in again.
    for (const connectionId of connections)
      emit({ connectionId, name: 'session.changed', payload: { reason: 'ended' } });
    const now = Date.now();
    while (restarts.length > 0 && now - restarts[0]! > restartWindowMs) restarts.shift();
    if (restarts.length >= maxRestarts) {
      logger.error('core.worker_gave_up', { restarts: restarts.length });
      return giveUp(STOPPED_MESSAGE);
    }
    restarts.push(now);
    worker = spawn();
  }

  function giveUp(message: string): void {
    status = 'failed';
    failure = message;
    answerAll(message);
    markFailed(new Error(message));
  }

  function answerAll(message: string): void {
    for (const [id, waiting] of pending) {
      pending.delete(id);
      waiting.resolve(fail('INTERNAL', message));
    }
  }

  function emit(event: CoreEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        logger.error('core.event_listener_failed', { event: event.name });
      }
    }
  }

  return {
    ready,
    dispatch(connectionId, channel, input) {
      if (status === 'failed') return Promise.resolve(fail('INTERNAL', failure));
      if (status !== 'running') return Promise.resolve(fail('INTERNAL', CLOSING_MESSAGE));
      connections.add(connectionId);
      const requestId = nextRequestId++;
      return new Promise<Result<unknown>>((resolve) => {
        pending.set(requestId, { resolve });
        try {
          worker.postMessage({ type: 'call', requestId, connectionId, channel, input });
        } catch {
          pending.delete(requestId);
          resolve(fail('VALIDATION', 'The request could not be read.'));
        }
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed ??= closeWorker();
      return closed;
    },
  };

  async function closeWorker(): Promise<void> {
    const wasRunning = status === 'running';
    status = 'closing';
    if (wasRunning && worker.threadId >= 0) {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ type: 'close' });
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>(
        (resolve) => (timer = setTimeout(() => resolve('timeout'), closeTimeoutMs)),
      );
      if ((await Promise.race([exited, timedOut])) === 'timeout') {
        logger.warn('core.worker_close_timeout');
        await worker.terminate();
      }
      clearTimeout(timer);
    } else {
      await worker.terminate();
    }
    status = 'closed';
    answerAll(CLOSING_MESSAGE);
    listeners.clear();
  }
}

/**
 * A bundled worker (.cjs) starts directly. A TypeScript entry (tests, development) goes through a tiny shim
 * that registers tsx first: `execArgv: ['--import', 'tsx']` does not reach worker entries on Node 20.
 */
function createWorker(path: string | URL): Worker {
  const file = typeof path === 'string' ? path : fileURLToPath(path);
  if (!file.endsWith('.ts')) return new Worker(file);
  const shim =
    "const { workerData } = require('node:worker_threads');" +
    "import('tsx/esm/api').then(({ register }) => { register(); return import(workerData.entry); })" +
    '.catch((error) => { setImmediate(() => { throw error; }); });';
  return new Worker(shim, { eval: true, workerData: { entry: pathToFileURL(file).href } });
}
