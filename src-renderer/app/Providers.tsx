import { CssBaseline, ThemeProvider } from '@mui/material';
import type { ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary';
import { I18nProvider } from './i18n';
import { SessionProvider } from './session';
import { theme } from './theme';

/** Theme, language, crash screen, session: everything a screen may rely on. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <I18nProvider>
        <ErrorBoundary>
          <SessionProvider>{children}</SessionProvider>
        </ErrorBoundary>
      </I18nProvider>
    </ThemeProvider>
  );
}
