import { createTheme } from '@mui/material/styles';

/**
 * Readable on a 1366×768 clinic screen in a bright room: system fonts (nothing fetched; the CSP allows none),
 * 15 px body text, strong contrast, large click targets.
 */
export const theme = createTheme({
  palette: {
    mode: 'light',
    primary: { main: '#0b5e8a' },
    secondary: { main: '#2e7d32' },
    error: { main: '#b3261e' },
    background: { default: '#f3f6f8', paper: '#ffffff' },
    text: { primary: '#1a1f24', secondary: '#3d4852' },
  },
  typography: {
    fontFamily: '"Segoe UI", "Noto Sans", Roboto, "Helvetica Neue", Arial, sans-serif',
    fontSize: 15,
    h1: { fontSize: '1.75rem', fontWeight: 600 },
    h2: { fontSize: '1.4rem', fontWeight: 600 },
    h3: { fontSize: '1.15rem', fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  shape: { borderRadius: 6 },
  components: {
    MuiButton: { defaultProps: { disableElevation: true }, styleOverrides: { root: { minHeight: 40 } } },
    MuiTextField: { defaultProps: { fullWidth: true, margin: 'dense' } },
    MuiAlert: { styleOverrides: { root: { alignItems: 'center' } } },
  },
});
