import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { AppError } from '../../../shared/contract';

/** How long work reports itself and learns it was cancelled; one per connection (a window or the CLI). */
export interface Job {
  /** Called every few thousand rows with what is done so far. */
  progress(done: number, total: number): void;
  /** Throws CANCELLED-as-CONFLICT when the user asked to stop. */
  checkpoint(): Promise<void>;
}

const cancelled = new Set<string>();

export function requestCancel(connectionId: string): void {
  cancelled.add(connectionId);
}

export function startJob(connectionId: string, report: (done: number, total: number) => void): Job {
  cancelled.delete(connectionId);
  let lastPercent = -1;
  return {
    progress(done, total) {
      const percent = total === 0 ? 100 : Math.floor((done * 100) / total);
      if (percent === lastPercent) return;
      lastPercent = percent;
      report(done, total);
    },
    async checkpoint() {
      await yieldToLoop();
      if (cancelled.delete(connectionId)) {
        throw new AppError('CONFLICT', 'Stopped as you asked: nothing was written.');
      }
    },
  };
}

/** A job for callers that show no progress (tests, the bench). */
export const quietJob: Job = { progress: () => {}, checkpoint: () => Promise.resolve() };
