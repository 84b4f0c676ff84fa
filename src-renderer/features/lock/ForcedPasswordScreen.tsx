import { Box, Button, Paper, Typography } from '@mui/material';
import type { SessionInfo } from '../../../shared/contract';
import { useT } from '../../app/i18n';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { ChangePasswordForm } from './ChangePasswordForm';

/** After a temporary password (new account, reset): nothing else opens until the person picks their own. */
export function ForcedPasswordScreen({ session }: { session: SessionInfo }) {
  const t = useT();
  const { refresh, signOut } = useSession();
  return (
    <Box sx={{ maxWidth: 520, mx: 'auto', mt: { xs: 2, md: 4 }, p: 2 }}>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography variant="h1" gutterBottom>
          {t('account.forcedTitle')}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {t('account.forcedBody')}
        </Typography>
        <ChangePasswordForm
          session={session}
          forced
          onDone={() => {
            navigate('account');
            void refresh();
          }}
        />
        <Button color="inherit" sx={{ mt: 2 }} onClick={() => void signOut()}>
          {t('app.signOut')}
        </Button>
      </Paper>
    </Box>
  );
}
