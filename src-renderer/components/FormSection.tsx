import { Paper, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A titled group of form fields: a fieldset whose legend is the title, so screen readers name the group. */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="fieldset" aria-label={title}>
      <Typography variant="h3" component="legend" sx={{ px: 0.5 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}
