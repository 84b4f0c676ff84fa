import { DirectoryScreen } from '../directory/DirectoryScreen';
import { ImportScreen } from '../imports/ImportScreen';
import { ReferralsScreen } from '../referrals/ReferralsScreen';
import { ReferScreen } from '../referrals/ReferScreen';
import { AppointmentsScreen } from '../visits/AppointmentsScreen';
import { EditVisitScreen, NewVisitScreen } from '../visits/VisitScreen';
import { ChartScreen } from './ChartScreen';
import { EditPatientScreen } from './EditPatientScreen';
import { PatientSearchScreen } from './PatientSearchScreen';
import { RegisterScreen } from './RegisterScreen';

/** The screens of the patient registry's routes (app/routes.ts), merged into app/screens.tsx. */
export const patientScreens = {
  patients: PatientSearchScreen,
  'patients.register': RegisterScreen,
  'patients.chart': ChartScreen,
  'patients.edit': EditPatientScreen,
  'visits.new': NewVisitScreen,
  'referrals.new': ReferScreen,
  'visits.edit': EditVisitScreen,
  appointments: AppointmentsScreen,
  referrals: ReferralsScreen,
  directory: DirectoryScreen,
  'imports.patients': ImportScreen,
} as const;
