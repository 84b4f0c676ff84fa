import { useEffect } from 'react';
import { invoke } from '../../api/client';
import { useSession } from '../../app/session';

/** Activity is told to the core at most this often: enough to keep the idle lock away while someone types. */
const TOUCH_EVERY_MS = 30_000;
const ACTIVITY = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * While a session is open and unlocked: Ctrl+L locks at once, and typing or clicking postpones the idle lock
 * (the core decides when it locks and tells the window with a `session.changed` event).
 */
export function ActivityWatcher() {
  const { refresh } = useSession();
  useEffect(() => {
    let last = Date.now();
    const onActivity = () => {
      if (Date.now() - last < TOUCH_EVERY_MS) return;
      last = Date.now();
      void invoke('session.touch', {});
    };
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        void invoke('session.lock', {}).then(() => refresh());
      }
    };
    for (const name of ACTIVITY) window.addEventListener(name, onActivity, { passive: true });
    window.addEventListener('keydown', onKey);
    return () => {
      for (const name of ACTIVITY) window.removeEventListener(name, onActivity);
      window.removeEventListener('keydown', onKey);
    };
  }, [refresh]);
  return null;
}
