import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useRef } from 'react';
import { actorHas } from '../../../shared/contract';
import { useT } from '../../app/i18n';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { PatientSearch } from './PatientSearch';
import { registerPrefill } from './patient-form';

/** Find the patient in seconds; registering comes after searching (duplicate safety starts here). */
export function PatientSearchScreen() {
  const t = useT();
  const { session } = useSession();
  const typed = useRef('');
  const canRegister = session ? actorHas(session, 'patients.write') : false;
  const register = () => {
    registerPrefill.text = typed.current;
    navigate('patients.register');
  };
  return (
    <Box sx={{ p: 3, maxWidth: 1100, mx: 'auto' }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 2 }}>
        <Typography variant="h1">{t('patients.search.title')}</Typography>
        {canRegister ? (
          <Button variant="contained" onClick={register}>
            {t('patients.register.open')}
          </Button>
        ) : null}
      </Stack>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <PatientSearch
          autoFocus
          onTyped={(q) => (typed.current = q)}
          onOpen={(p) => navigate('patients.chart', { patientId: p.id })}
        />
      </Paper>
    </Box>
  );
}
