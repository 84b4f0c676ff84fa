import type { FieldError, InputOf } from '../../../shared/contract';
import { validateInput } from '../../api/client';

export const emptySetupForm = {
  facilityName: '',
  facilityCode: '',
  district: '',
  country: '',
  username: '',
  fullName: '',
  password: '',
  confirmPassword: '',
  /** The administrator also sees patients (admin + clinician): no second account needed in a small facility. */
  seesPatients: false as boolean,
};
export type SetupFormValues = typeof emptySetupForm;

/** Contract input paths of the fields on the screen (errors for any other path are listed in the alert). */
export const SETUP_PATHS = {
  facilityName: 'facility.name',
  facilityCode: 'facility.code',
  district: 'facility.district',
  country: 'facility.country',
  username: 'admin.username',
  fullName: 'admin.fullName',
  password: 'admin.password',
  confirmPassword: 'confirmPassword',
  seesPatients: 'admin.seesPatients',
} as const satisfies Record<keyof SetupFormValues, string>;

export function toSetupInput(v: SetupFormValues): InputOf<'setup.initialize'> {
  return {
    facility: { name: v.facilityName, code: v.facilityCode, district: v.district, country: v.country },
    admin: { username: v.username, fullName: v.fullName, password: v.password, seesPatients: v.seesPatients },
  };
}

/** The contract's own rules plus the one only the screen knows: both passwords typed the same. */
export function validateSetup(v: SetupFormValues): FieldError[] {
  const errors = validateInput('setup.initialize', toSetupInput(v));
  if (v.confirmPassword !== v.password) {
    errors.push({
      path: SETUP_PATHS.confirmPassword,
      message: v.confirmPassword ? 'does not match the password' : 'is required',
    });
  }
  return errors;
}
