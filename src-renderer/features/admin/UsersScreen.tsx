import {
  Box,
  Button,
  Chip,
  MenuItem,
  Stack,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { ROLES, type Failure, type Result, type Role } from '../../../shared/contract';
import type { UserSummary } from '../../../shared/contract/channels/users';
import { invoke } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { queryCache } from '../../api/query-cache';
import { useI18n } from '../../app/i18n';
import { DelayedProgress } from '../../components/DelayedProgress';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SimpleTable } from '../../components/SimpleTable';
import { CreateUserForm } from './CreateUserForm';
import { DeactivateDialog, OldBackupsNote } from './DeactivateDialog';
import { OtherRolesSelect } from './OtherRolesSelect';
import { useReauth } from './ReauthDialog';
import { TemporaryPasswordDialog } from './TemporaryPasswordDialog';

type Shown = { username: string; fullName: string; password: string } | null;

/** Staff accounts: create, change role, reset password, deactivate/reactivate (never delete). */
export function UsersScreen() {
  const { t, language } = useI18n();
  const list = useQuery('users.list', { includeInactive: true });
  const { guarded, dialog } = useReauth();
  const [shown, setShown] = useState<Shown>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [deactivating, setDeactivating] = useState<UserSummary | null>(null);

  const after = (result: Result<unknown>) => {
    setFailure(result.ok ? null : result);
    queryCache.invalidate((name) => name === 'users.list');
  };
  const setRole = async (user: UserSummary, role: Role, others: readonly Role[]) => {
    const roles = [role, ...others.filter((r) => r !== role)];
    after(await guarded(() => invoke('users.setRole', { id: user.id, role, roles })));
  };
  const issue = async (user: UserSummary, channel: 'users.resetPassword' | 'users.reactivate') => {
    const result = await guarded(() => invoke(channel, { id: user.id }));
    after(result);
    if (result.ok)
      setShown({
        username: user.username,
        fullName: user.fullName,
        password: result.value.temporaryPassword,
      });
  };

  return (
    <Box sx={{ p: 3, maxWidth: 1200, mx: 'auto' }}>
      <Typography variant="h1" gutterBottom>
        {t('admin.users')}
      </Typography>
      <CreateUserForm
        onCreated={(created) => {
          setShown(created);
          queryCache.invalidate((name) => name === 'users.list');
        }}
      />
      <ErrorAlert failure={failure ?? list.failure} sx={{ mb: 2 }} />
      {!list.data ? <DelayedProgress active={list.busy} /> : null}
      {list.data ? (
        <SimpleTable
          label={t('admin.users')}
          columns={[
            t('users.username'),
            t('users.fullName'),
            t('users.role'),
            t('users.status'),
            t('users.lastSignIn'),
            t('users.actions'),
          ]}
        >
          {list.data.users.map((user) => (
            <TableRow key={user.id} data-username={user.username}>
              <TableCell>{user.username}</TableCell>
              <TableCell>{user.fullName}</TableCell>
              <TableCell>
                <TextField
                  select
                  size="small"
                  value={user.role}
                  disabled={!user.active}
                  onChange={(e) => void setRole(user, e.target.value as Role, user.roles.slice(1))}
                  slotProps={{ htmlInput: { 'aria-label': `${t('users.changeRole')}: ${user.username}` } }}
                >
                  {ROLES.map((role) => (
                    <MenuItem key={role} value={role}>
                      {t(`role.${role}`)}
                    </MenuItem>
                  ))}
                </TextField>
                <OtherRolesSelect
                  size="small"
                  main={user.role}
                  value={user.roles}
                  disabled={!user.active}
                  onChange={(others) => void setRole(user, user.role, others)}
                  sx={{ ml: 1, minWidth: 140 }}
                  slotProps={{
                    htmlInput: { 'aria-label': `${t('users.changeOtherRoles')}: ${user.username}` },
                  }}
                />
              </TableCell>
              <TableCell>
                <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                  <Chip
                    size="small"
                    color={user.active ? 'success' : 'default'}
                    label={t(user.active ? 'users.active' : 'users.inactive')}
                  />
                  {user.active && user.mustChangePassword ? (
                    <Chip size="small" label={t('users.temporary')} />
                  ) : null}
                  {user.active && !user.hasKeySlot ? (
                    <Chip size="small" color="warning" label={t('users.needsReset')} />
                  ) : null}
                </Stack>
                <OldBackupsNote user={user} />
              </TableCell>
              <TableCell>
                {user.lastLoginAt
                  ? new Date(user.lastLoginAt).toLocaleString(language, {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    })
                  : t('users.never')}
              </TableCell>
              <TableCell>
                {user.active ? (
                  <Stack direction="row" spacing={1}>
                    <Button size="small" onClick={() => void issue(user, 'users.resetPassword')}>
                      {t('users.resetPassword')}
                    </Button>
                    <Button size="small" color="warning" onClick={() => setDeactivating(user)}>
                      {t('users.deactivate')}
                    </Button>
                  </Stack>
                ) : (
                  <Button size="small" onClick={() => void issue(user, 'users.reactivate')}>
                    {t('users.reactivate')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </SimpleTable>
      ) : null}
      <DeactivateDialog
        user={deactivating}
        guarded={guarded}
        onClose={(result) => {
          setDeactivating(null);
          if (result) after(result);
        }}
      />
      <TemporaryPasswordDialog shown={shown} onClose={() => setShown(null)} />
      {dialog}
    </Box>
  );
}
