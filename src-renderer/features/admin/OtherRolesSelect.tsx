import { MenuItem, TextField, type TextFieldProps } from '@mui/material';
import { ROLES, type Role } from '../../../shared/contract';
import { useT } from '../../app/i18n';

type Props = Omit<TextFieldProps, 'value' | 'onChange' | 'select'> & {
  /** The main role: not offered again here. */
  main: Role;
  value: readonly Role[];
  onChange(roles: Role[]): void;
};

/**
 * The roles an account holds besides its main one (a small facility's in-charge: administrator and manager).
 * Rights add up; the core checks them.
 */
export function OtherRolesSelect({ main, value, onChange, ...rest }: Props) {
  const t = useT();
  return (
    <TextField
      {...rest}
      select
      value={value.filter((r) => r !== main)}
      onChange={(e) => {
        const picked = e.target.value as unknown as string[] | string;
        const list = typeof picked === 'string' ? picked.split(',') : picked;
        onChange(ROLES.filter((r) => r !== main && list.includes(r)));
      }}
      slotProps={{
        ...rest.slotProps,
        select: {
          multiple: true,
          displayEmpty: true,
          renderValue: (selected) =>
            (selected as Role[]).length === 0
              ? t('users.noOtherRole')
              : (selected as Role[]).map((r) => t(`role.${r}`)).join(', '),
        },
      }}
    >
      {ROLES.filter((r) => r !== main).map((role) => (
        <MenuItem key={role} value={role}>
          {t(`role.${role}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}
