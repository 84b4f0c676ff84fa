import { AncListsScreen } from './AncListsScreen';
import { PregnancyScreen } from './PregnancyScreen';
import { RegisterPregnancyScreen } from './RegisterPregnancyScreen';

/** The screens of the pregnancy routes (app/routes.ts), merged into app/screens.tsx. */
export const pregnancyScreens = {
  'pregnancy.register': RegisterPregnancyScreen,
  'pregnancy.view': PregnancyScreen,
  'pregnancy.lists': AncListsScreen,
} as const;
