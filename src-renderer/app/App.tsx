import { Alert, AlertTitle, Box, Button } from '@mui/material';
import type { Failure } from '../../shared/contract';
import { useState } from 'react';
import { LoginScreen } from '../features/auth/LoginScreen';
import { SetupScreen } from '../features/setup/SetupScreen';
import { ActivityWatcher } from '../features/lock/ActivityWatcher';
import { ForcedPasswordScreen } from '../features/lock/ForcedPasswordScreen';
import { LockScreen } from '../features/lock/LockScreen';
import { DelayedProgress } from '../components/DelayedProgress';
import { UnsavedChangesGuard } from '../components/UnsavedChangesGuard';
import { useI18n } from './i18n';
import { CurrentScreen } from './screens';
import { useSession } from './session';
import { TopBar } from './TopBar';

/**
 * The first screen comes from the core's app.status: not set up → setup; nobody signed in → sign-in;
 * otherwise the signed-in app at the current route.
 */
export function App() {
  const { state, refresh } = useSession();
  // Setup signs the admin in at once, but the recovery code must be acknowledged before anything else.
  const [recoveryPending, setRecoveryPending] = useState(false);

  let content;
  if (state.phase === 'loading') {
    content = <DelayedProgress active />;
  } else if (state.phase === 'unreachable') {
    content = <Unreachable failure={state.failure} onRetry={() => void refresh()} />;
  } else if (!state.status.initialized || recoveryPending) {
    content = (
      <SetupScreen
        onCreated={() => setRecoveryPending(true)}
        onDone={() => {
          setRecoveryPending(false);
          void refresh();
        }}
      />
    );
  } else if (!state.status.session) {
    content = <LoginScreen />;
  } else if (state.status.session.locked) {
    // The same user's PIN or password, or "switch user": nothing behind it shows (issue 4).
    content = <LockScreen key={state.status.session.userId} session={state.status.session} />;
  } else if (state.status.session.mustChangePassword) {
    content = <ForcedPasswordScreen session={state.status.session} />;
  } else {
    content = (
      <>
        <ActivityWatcher />
        <UnsavedChangesGuard />
        <CurrentScreen />
      </>
    );
  }

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
      <TopBar />
      <Box component="main" sx={{ flex: 1 }}>
        {content}
      </Box>
    </Box>
  );
}

function Unreachable({ failure, onRetry }: { failure: Failure; onRetry(): void }) {
  const { t, failureText } = useI18n();
  const text = failureText(failure);
  return (
    <Box sx={{ p: 4, maxWidth: 720, mx: 'auto' }}>
      <Alert
        severity="error"
        role="alert"
        action={
          <Button color="inherit" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        }
      >
        <AlertTitle>{t('app.unreachable')}</AlertTitle>
        {text.message}
        {text.detail ? <div>{t('error.details', { detail: text.detail })}</div> : null}
      </Alert>
    </Box>
  );
}
