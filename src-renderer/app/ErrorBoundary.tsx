import { Alert, AlertTitle, Box, Button, Stack } from '@mui/material';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useT } from './i18n';

interface Props {
  children: ReactNode;
  /** Changing it (e.g. the route) clears a caught error, so moving on leaves the broken screen behind. */
  resetKey?: string;
}

/**
 * Catches a screen that crashed while drawing. Staff see plain words and a way on, never a stack trace; the
 * data is safe because every save is one transaction in the core.
 */
export class ErrorBoundary extends Component<Props, { failed: boolean; resetKey?: string }> {
  override state: { failed: boolean; resetKey?: string } = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: { failed: boolean; resetKey?: string }) {
    return props.resetKey !== state.resetKey ? { failed: false, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For the developer console only; the screen shows none of it.
    console.error(
      'screen crashed',
      error instanceof Error ? error.name : typeof error,
      info.componentStack?.length,
    );
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return <CrashNotice onRetry={() => this.setState({ failed: false })} />;
  }
}

function CrashNotice({ onRetry }: { onRetry(): void }) {
  const t = useT();
  return (
    <Box sx={{ p: 4, maxWidth: 720, mx: 'auto' }} role="alert">
      <Alert severity="error" variant="outlined">
        <AlertTitle>{t('crash.title')}</AlertTitle>
        {t('crash.body')}
        <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
          <Button variant="contained" onClick={onRetry}>
            {t('app.retry')}
          </Button>
          <Button onClick={() => window.location.reload()}>{t('crash.reload')}</Button>
        </Stack>
      </Alert>
    </Box>
  );
}
