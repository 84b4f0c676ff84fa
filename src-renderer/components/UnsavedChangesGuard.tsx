import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useEffect, useState } from 'react';
import { useT } from '../app/i18n';
import { setNavigationBlocker } from '../app/router';
import { discardAll, hasUnsavedChanges } from './drafts';

/**
 * Asks before a menu item, a link, Back or Cancel leaves a form with unsaved changes. Mounted once by the app;
 * forms take part through `useForm(initial, { draft })`.
 */
export function UnsavedChangesGuard() {
  const t = useT();
  const [pending, setPending] = useState<string | null>(null);
  useEffect(() => {
    setNavigationBlocker((to) => {
      if (!hasUnsavedChanges()) return false;
      setPending(to);
      return true;
    });
    return () => setNavigationBlocker(null);
  }, []);
  const leave = () => {
    const to = pending;
    setPending(null);
    discardAll();
    if (to !== null) window.location.hash = to;
  };
  return (
    <Dialog open={pending !== null} onClose={() => setPending(null)} aria-labelledby="unsaved-title">
      <DialogTitle id="unsaved-title">{t('form.unsaved.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('form.unsaved.body')}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => setPending(null)} autoFocus>
          {t('form.unsaved.stay')}
        </Button>
        <Button color="error" onClick={leave}>
          {t('form.unsaved.leave')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
