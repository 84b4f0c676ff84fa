import { Box, Typography } from '@mui/material';
import type { ComponentType } from 'react';
import { HomeScreen } from '../features/home/HomeScreen';
import { AuditScreen } from '../features/admin/AuditScreen';
import { BackupsScreen } from '../features/admin/BackupsScreen';
import { UsersScreen } from '../features/admin/UsersScreen';
import { SyncScreen } from '../features/sync/SyncScreen';
import { AccountScreen } from '../features/lock/AccountScreen';
import { patientScreens } from '../features/patients/screens';
import { cmamScreens } from '../features/cmam/screens';
import { pregnancyScreens } from '../features/pregnancy/screens';
import { ReportsScreen } from '../features/reports/ReportsScreen';
import { ExchangeScreen } from '../features/exchange/ExchangeScreen';
import { useT } from './i18n';
import { RouteLink, useRoute, type RouteName, type RouteParams } from './router';
import { ErrorBoundary } from './ErrorBoundary';

/** The component for each route of routes.ts; a route without a screen here is a type error. */
const screens: { [N in RouteName]: ComponentType<{ params: RouteParams<N> }> } = {
  home: HomeScreen,
  account: AccountScreen,
  'admin.users': UsersScreen,
  'admin.audit': AuditScreen,
  'admin.backups': BackupsScreen,
  'admin.sync': SyncScreen,
  ...patientScreens,
  ...cmamScreens,
  ...pregnancyScreens,
  reports: ReportsScreen,
  exchange: ExchangeScreen,
};

/** The signed-in app's current screen, inside its own error boundary (reset by moving to another route). */
export function CurrentScreen() {
  const route = useRoute();
  if (!route) return <NotFound />;
  const Screen = screens[route.name] as ComponentType<{ params: typeof route.params }>;
  return (
    <ErrorBoundary resetKey={`${route.name} ${JSON.stringify(route.params)}`}>
      <Screen params={route.params} />
    </ErrorBoundary>
  );
}

function NotFound() {
  const t = useT();
  return (
    <Box sx={{ p: 4 }}>
      <Typography variant="h2" gutterBottom>
        {t('app.notFound')}
      </Typography>
      <RouteLink to="home">{t('app.goHome')}</RouteLink>
    </Box>
  );
}
