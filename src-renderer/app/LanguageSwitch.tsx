import { MenuItem, TextField } from '@mui/material';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage } from '../../shared/i18n';
import { useI18n } from './i18n';

/** Shown on every screen, including setup and sign-in, each language named in itself. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <TextField
      select
      size="small"
      margin="none"
      fullWidth={false}
      label={t('app.language')}
      value={language}
      onChange={(event) => {
        if (isLanguage(event.target.value)) setLanguage(event.target.value);
      }}
      sx={{
        minWidth: 120,
        '& .MuiInputBase-root': { color: 'inherit', bgcolor: 'rgba(255,255,255,0.12)' },
        '& .MuiInputLabel-root, & .MuiInputLabel-root.Mui-focused': { color: 'inherit' },
        '& .MuiOutlinedInput-notchedOutline': { borderColor: 'rgba(255,255,255,0.6)' },
        '& .MuiSvgIcon-root': { color: 'inherit' },
      }}
      slotProps={{ htmlInput: { 'aria-label': t('app.language') } }}
    >
      {LANGUAGES.map((code) => (
        <MenuItem key={code} value={code} lang={code}>
          {LANGUAGE_NAMES[code]}
        </MenuItem>
      ))}
    </TextField>
  );
}
