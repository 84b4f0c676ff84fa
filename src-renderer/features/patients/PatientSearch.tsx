import { Box, Chip, List, ListItemButton, TextField, Typography } from '@mui/material';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Failure } from '../../../shared/contract';
import type { PatientSummary } from '../../../shared/contract/channels/patients';
import { invoke } from '../../api/client';
import { useDelayedFlag } from '../../api/hooks';
import { useT } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ageText, fullName, sexText } from './format';

/** Wait this long after the last keystroke before asking the core (one search per pause, not per key). */
const DEBOUNCE_MS = 150;
const MIN_CHARS = 2;

interface Props {
  /** Enter (or a click) on a result. */
  onOpen(patient: PatientSummary): void;
  /** Left out of the results (e.g. the record being merged into). */
  excludeId?: string;
  autoFocus?: boolean;
  label?: string;
  /** Called with what is typed, e.g. to prefill a registration. */
  onTyped?(query: string): void;
}

/**
 * Search as you type, keyboard only: type, ↓/↑ to move, Enter to open, Esc to clear. Results keep arriving
 * in order; a late answer to an older query is dropped.
 */
export function PatientSearch({ onOpen, excludeId, autoFocus, label, onTyped }: Props) {
  const t = useT();
  const listId = useId();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  // The latest answer, with the query it answers (a late answer to an older query is dropped).
  const [answer, setAnswer] = useState<{
    query: string;
    results: PatientSummary[];
    failure: Failure | null;
  } | null>(null);
  const [active, setActive] = useState(0);
  const pendingEnter = useRef<string | null>(null);
  const openRef = useRef(onOpen);
  useEffect(() => {
    openRef.current = onOpen;
  }, [onOpen]);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  useEffect(() => {
    if (query.length < MIN_CHARS) return;
    let live = true;
    void invoke('patients.search', { query, limit: 20 }).then((result) => {
      if (!live) return;
      const found = result.ok ? result.value.results.filter((p) => p.id !== excludeId) : [];
      setActive(0);
      setAnswer({ query, results: found, failure: result.ok ? null : result });
      if (pendingEnter.current === query) {
        pendingEnter.current = null;
        if (found[0]) openRef.current(found[0]);
      }
    });
    return () => {
      live = false;
    };
  }, [query, excludeId]);

  const searching = query.length >= MIN_CHARS;
  const busy = searching && answer?.query !== query;
  const slow = useDelayedFlag(busy);
  const results = searching && answer ? answer.results : null;
  const failure = searching ? (answer?.failure ?? null) : null;
  const shown = results ?? [];
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, shown.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter') {
      // Only on the results of what is typed now: pressed early, it opens the first result when they arrive.
      if (!busy && typed.trim() === query) {
        if (shown[active]) onOpen(shown[active]);
      } else pendingEnter.current = typed.trim();
    } else if (event.key === 'Escape') setTyped('');
    else return;
    event.preventDefault();
  };
  const optionId = (i: number) => `${listId}-option-${i}`;

  return (
    <Box>
      <TextField
        label={label ?? t('patients.search.label')}
        value={typed}
        onChange={(e) => {
          pendingEnter.current = null;
          setTyped(e.target.value);
          onTyped?.(e.target.value);
        }}
        onKeyDown={onKeyDown}
        autoFocus={autoFocus}
        autoComplete="off"
        helperText={t('patients.search.hint')}
        slotProps={{
          htmlInput: {
            role: 'combobox',
            'aria-expanded': shown.length > 0,
            'aria-controls': listId,
            'aria-autocomplete': 'list',
            'aria-activedescendant': shown[active] ? optionId(active) : undefined,
            'data-path': 'query',
          },
        }}
      />
      <ErrorAlert failure={failure} sx={{ mt: 1 }} />
      <Typography role="status" variant="body2" color="text.secondary" sx={{ minHeight: 24, mt: 0.5 }}>
        {slow
          ? t('patients.search.searching')
          : results === null
            ? ''
            : t('patients.search.count', { n: shown.length })}
      </Typography>
      <List id={listId} role="listbox" aria-label={t('patients.search.results')} dense disablePadding>
        {shown.map((p, i) => (
          <ListItemButton
            key={p.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            selected={i === active}
            onClick={() => onOpen(p)}
            onMouseMove={() => setActive(i)}
            data-testid="search-result"
            sx={{ borderBottom: 1, borderColor: 'divider', py: 1 }}
          >
            <SearchResult patient={p} />
          </ListItemButton>
        ))}
      </List>
    </Box>
  );
}

function SearchResult({ patient: p }: { patient: PatientSummary }) {
  const t = useT();
  return (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'baseline', flexWrap: 'wrap', width: '100%' }}>
      <Typography sx={{ fontWeight: 700, minWidth: 220 }}>{fullName(p)}</Typography>
      <Typography sx={{ fontFamily: 'monospace', minWidth: 160 }}>{p.registrationNumber}</Typography>
      <Typography sx={{ minWidth: 140 }}>
        {sexText(t, p.sex)} · {ageText(t, p.age)}
        {p.birthDateEstimated ? ` ${t('patients.estimatedMark')}` : ''}
      </Typography>
      <Typography color="text.secondary" sx={{ minWidth: 120 }}>
        {p.village || '—'}
      </Typography>
      {p.caregiverName ? (
        <Typography color="text.secondary" variant="body2">
          {t('patients.search.caregiver', { name: p.caregiverName })}
        </Typography>
      ) : null}
      <Box sx={{ display: 'flex', gap: 0.5 }}>
        {p.programmes.map((g) => (
          <Chip key={g.code} size="small" label={g.name} />
        ))}
      </Box>
    </Box>
  );
}
