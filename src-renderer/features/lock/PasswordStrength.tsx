import { Box, LinearProgress, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../shared/contract';
import { invoke } from '../../api/client';
import { useT } from '../../app/i18n';

type Verdict = OutputOf<'auth.passwordStrength'>;
const COLORS = ['error', 'error', 'warning', 'success', 'success'] as const;

/** The core's own verdict (same rules as when the password is saved), asked a moment after typing stops. */
export function PasswordStrength({
  password,
  username,
  fullName,
}: {
  password: string;
  username?: string;
  fullName?: string;
}) {
  const t = useT();
  // Kept with the password it judged, so a stale answer is never shown for newer typing.
  const [judged, setJudged] = useState<{ password: string; verdict: Verdict } | null>(null);
  useEffect(() => {
    if (!password) return;
    let live = true;
    const timer = setTimeout(() => {
      void invoke('auth.passwordStrength', {
        password,
        ...(username ? { username } : {}),
        ...(fullName ? { fullName } : {}),
      }).then((r) => {
        if (live && r.ok) setJudged({ password, verdict: r.value });
      });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [password, username, fullName]);
  const verdict = judged && judged.password === password ? judged.verdict : null;
  if (!verdict) return null;
  const problem = verdict.problems[0];
  return (
    <Box sx={{ mt: 1 }} data-testid="password-strength" data-score={verdict.score} aria-live="polite">
      <LinearProgress
        variant="determinate"
        value={(verdict.score + 1) * 20}
        color={COLORS[verdict.score] ?? 'error'}
        aria-label={t('strength.label')}
      />
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {t(`strength.${verdict.score as 0 | 1 | 2 | 3 | 4}`)}
        {problem ? ` — ${t(`strength.${problem}`)}` : ''}
      </Typography>
    </Box>
  );
}
