import { PatientProgrammesScreen } from '../programmes/PatientProgrammesScreen';
import { ProgrammesScreen } from '../programmes/ProgrammesScreen';
import { AdmitScreen } from './AdmitScreen';
import { CaseloadScreen } from './CaseloadScreen';
import { DashboardScreen } from './DashboardScreen';
import { DefaultersScreen } from './DefaultersScreen';
import { EpisodeScreen } from './EpisodeScreen';
import { SettingsScreen } from './SettingsScreen';
import { StockScreen } from './StockScreen';

/** The screens of the CMAM and programme routes (app/routes.ts), merged into app/screens.tsx. */
export const cmamScreens = {
  cmam: CaseloadScreen,
  'cmam.admit': AdmitScreen,
  'cmam.episode': EpisodeScreen,
  'cmam.defaulters': DefaultersScreen,
  'cmam.dashboard': DashboardScreen,
  'cmam.stock': StockScreen,
  'cmam.settings': SettingsScreen,
  programmes: ProgrammesScreen,
  'programmes.patient': PatientProgrammesScreen,
} as const;
