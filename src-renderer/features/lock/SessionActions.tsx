import { Box, Button, Divider, Menu, MenuItem, Typography } from '@mui/material';
import { useState } from 'react';
import { actorHas, type SessionInfo } from '../../../shared/contract';
import { invoke } from '../../api/client';
import { useT } from '../../app/i18n';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';

type AdminRoute = 'admin.users' | 'admin.audit' | 'admin.backups' | 'admin.sync';

/**
 * App-bar controls of an open session: Lock (Ctrl+L) stays one click away; everything else about the user
 * (My account, administration by role, sign-out) sits in one menu under their name, so the bar fits 1366 px.
 */
export function SessionActions({ session }: { session: SessionInfo }) {
  const t = useT();
  const { refresh, signOut } = useSession();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const open = session.locked || session.mustChangePassword ? false : true;
  const admin = actorHas(session, 'users.manage');
  const audit = actorHas(session, 'audit.read');
  const sync = actorHas(session, 'sync.manage');
  const go = (to: AdminRoute | 'account') => {
    setAnchor(null);
    navigate(to);
  };
  return (
    <>
      {open ? (
        <Button
          color="inherit"
          onClick={() => void invoke('session.lock', {}).then(() => refresh())}
          title={t('lock.lockNowHint')}
        >
          {t('lock.lockNow')}
        </Button>
      ) : null}
      <Button
        color="inherit"
        variant="outlined"
        aria-haspopup="menu"
        data-testid="appbar-user"
        onClick={(e) => setAnchor(e.currentTarget)}
        sx={{ textTransform: 'none', maxWidth: 240, lineHeight: 1.15, py: 0.5 }}
      >
        <Box sx={{ textAlign: 'left', overflow: 'hidden' }}>
          <Typography component="div" noWrap sx={{ fontWeight: 600, fontSize: '0.95rem' }}>
            {session.fullName}
          </Typography>
          <Typography component="div" noWrap variant="body2" sx={{ opacity: 0.85 }}>
            {session.roles.map((r) => t(`role.${r}`)).join(' · ')}
          </Typography>
        </Box>
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {open ? <MenuItem onClick={() => go('account')}>{t('account.menu')}</MenuItem> : null}
        {open && admin ? <MenuItem onClick={() => go('admin.users')}>{t('admin.users')}</MenuItem> : null}
        {open && audit ? <MenuItem onClick={() => go('admin.audit')}>{t('admin.audit')}</MenuItem> : null}
        {open && admin ? <MenuItem onClick={() => go('admin.backups')}>{t('admin.backups')}</MenuItem> : null}
        {open && sync ? <MenuItem onClick={() => go('admin.sync')}>{t('sync.menu')}</MenuItem> : null}
        {open ? <Divider /> : null}
        <MenuItem
          onClick={() => {
            setAnchor(null);
            void signOut();
          }}
        >
          {t('app.signOut')}
        </MenuItem>
      </Menu>
    </>
  );
}
