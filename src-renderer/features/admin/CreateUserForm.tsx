import { MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { ROLES, type Role } from '../../../shared/contract';
import { validateInput } from '../../api/client';
import { useAction } from '../../api/hooks';
import { useT } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { FormTextField } from '../../components/FormTextField';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { useState } from 'react';
import { OtherRolesSelect } from './OtherRolesSelect';
import { useReauth } from './ReauthDialog';

/** Username, full name and role; CareDesk makes up the temporary password and the parent shows it once. */
export function CreateUserForm({
  onCreated,
}: {
  onCreated(created: { username: string; fullName: string; password: string }): void;
}) {
  const t = useT();
  const form = useForm({ username: '', fullName: '', role: 'clinician' });
  const create = useAction('users.create', { invalidates: ['users.list', 'home.summary'] });
  const [others, setOthers] = useState<Role[]>([]);
  // A new account needs the admin's password re-entered (the core answers REAUTH_REQUIRED).
  const { guarded, dialog } = useReauth();

  const submit = async () => {
    const input = {
      username: form.values.username,
      fullName: form.values.fullName,
      role: form.values.role as Role,
      ...(others.length > 0 ? { roles: [form.values.role as Role, ...others] } : {}),
    };
    const problems = validateInput('users.create', input);
    if (problems.length > 0) {
      form.showErrors(problems);
      return;
    }
    const result = await guarded(() => create.run(input));
    if (!result.ok) {
      form.showFailure(result);
      return;
    }
    form.set('username', '');
    form.set('fullName', '');
    setOthers([]);
    onCreated({
      username: result.value.user.username,
      fullName: result.value.user.fullName,
      password: result.value.temporaryPassword,
    });
  };

  return (
    <Paper variant="outlined" sx={{ p: 3, mb: 3 }}>
      <Typography variant="h2" gutterBottom>
        {t('users.add')}
      </Typography>
      <Form onSubmit={() => void submit()} focusRequest={form.focusRequest} aria-label={t('users.add')}>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <FormTextField form={form} name="username" label={t('users.username')} autoComplete="off" />
          <FormTextField
            form={form}
            name="fullName"
            label={t('users.fullName')}
            autoComplete="off"
            sx={{ minWidth: 260 }}
          />
          <TextField
            select
            label={t('users.role')}
            value={form.values.role}
            onChange={(e) => form.set('role', e.target.value)}
            sx={{ minWidth: 180 }}
            slotProps={{ htmlInput: { 'data-path': 'role' } }}
          >
            {ROLES.map((role) => (
              <MenuItem key={role} value={role}>
                {t(`role.${role}`)}
              </MenuItem>
            ))}
          </TextField>
          <OtherRolesSelect
            label={t('users.otherRoles')}
            main={form.values.role as Role}
            value={others}
            onChange={setOthers}
            sx={{ minWidth: 180 }}
          />
          <SubmitButton busy={create.busy}>{t('users.create')}</SubmitButton>
        </Stack>
        <ErrorAlert failure={create.failure} shownPaths={['username', 'fullName']} sx={{ mt: 1 }} />
      </Form>
      {dialog}
    </Paper>
  );
}
