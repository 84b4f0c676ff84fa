import { Button, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { roleHas, type SessionInfo } from '../../../shared/contract';
import { invoke } from '../../api/client';
import { useT } from '../../app/i18n';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';

/** App-bar buttons of an open session: Lock (Ctrl+L), My account, and the administration menu by role. */
export function SessionActions({ session }: { session: SessionInfo }) {
  const t = useT();
  const { refresh } = useSession();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (session.locked || session.mustChangePassword) return null;
  const admin = roleHas(session.role, 'users.manage');
  const audit = roleHas(session.role, 'audit.read');
  const go = (to: 'admin.users' | 'admin.audit' | 'admin.backups') => {
    setAnchor(null);
    navigate(to);
  };
  return (
    <>
      <Button
        color="inherit"
        onClick={() => void invoke('session.lock', {}).then(() => refresh())}
        title={t('lock.lockNowHint')}
      >
        {t('lock.lockNow')}
      </Button>
      <Button color="inherit" onClick={() => navigate('account')}>
        {t('account.menu')}
      </Button>
      {admin || audit ? (
        <>
          <Button color="inherit" aria-haspopup="menu" onClick={(e) => setAnchor(e.currentTarget)}>
            {t('admin.menu')}
          </Button>
          <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
            {admin ? <MenuItem onClick={() => go('admin.users')}>{t('admin.users')}</MenuItem> : null}
            {audit ? <MenuItem onClick={() => go('admin.audit')}>{t('admin.audit')}</MenuItem> : null}
            {admin ? <MenuItem onClick={() => go('admin.backups')}>{t('admin.backups')}</MenuItem> : null}
          </Menu>
        </>
      ) : null}
    </>
  );
}
