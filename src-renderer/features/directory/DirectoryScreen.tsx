import {
  Box,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Paper,
  Stack,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { actorHas } from '../../../shared/contract';
import { FACILITY_TYPES, type DirectoryEntry } from '../../../shared/contract/channels/directory';
import { validateInput } from '../../api/client';
import { useAction, useQuery } from '../../api/hooks';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { DelayedProgress } from '../../components/DelayedProgress';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SimpleTable } from '../../components/SimpleTable';
import { FormTextField } from '../../components/FormTextField';
import { useForm } from '../../components/use-form';
import { FormCheck, FormSelect } from '../patients/fields';
import { labels } from '../patients/labels';

/** The referral directory: hospitals, stabilisation centres, health centres, pharmacies. */
export function DirectoryScreen() {
  const t = useT();
  const { session } = useSession();
  const [query, setQuery] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const list = useQuery('directory.list', { query, includeInactive });
  const [editing, setEditing] = useState<DirectoryEntry | 'new' | null>(null);
  const canManage = session ? actorHas(session, 'directory.manage') : false;
  return (
    <Box sx={{ p: 3, maxWidth: 1200, mx: 'auto' }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 2 }}>
        <Typography variant="h1">{t('directory.title')}</Typography>
        {canManage ? (
          <Button variant="contained" onClick={() => setEditing('new')}>
            {t('directory.add')}
          </Button>
        ) : null}
      </Stack>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <TextField
          label={t('directory.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          sx={{ maxWidth: 420 }}
        />
        <FormControlLabel
          control={
            <Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} />
          }
          label={t('directory.showInactive')}
        />
      </Stack>
      <ErrorAlert failure={list.failure} />
      <DelayedProgress active={list.busy && !list.data} />
      <Paper variant="outlined">
        <SimpleTable
          label={t('directory.title')}
          columns={[
            t('directory.field.name'),
            t('directory.field.type'),
            t('directory.field.phone'),
            t('directory.field.address'),
            t('directory.field.services'),
            null,
          ]}
        >
          {(list.data?.facilities ?? []).map((f) => (
            <TableRow key={f.id} data-testid="directory-row" sx={{ opacity: f.active ? 1 : 0.55 }}>
              <TableCell sx={{ fontWeight: 600 }}>
                {f.name}
                {!f.active ? <Chip size="small" sx={{ ml: 1 }} label={t('directory.inactive')} /> : null}
              </TableCell>
              <TableCell>{labels.facilityType(t, f.type)}</TableCell>
              <TableCell>{f.phone || '—'}</TableCell>
              <TableCell>{[f.address, f.district].filter(Boolean).join(', ') || '—'}</TableCell>
              <TableCell>{f.services.join(', ') || '—'}</TableCell>
              <TableCell>
                {canManage ? <Button onClick={() => setEditing(f)}>{t('directory.edit')}</Button> : null}
              </TableCell>
            </TableRow>
          ))}
        </SimpleTable>
      </Paper>
      {editing ? (
        <FacilityDialog entry={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </Box>
  );
}

function FacilityDialog({ entry, onClose }: { entry: DirectoryEntry | null; onClose(): void }) {
  const t = useT();
  const form = useForm({
    name: entry?.name ?? '',
    type: entry?.type ?? '',
    phone: entry?.phone ?? '',
    address: entry?.address ?? '',
    district: entry?.district ?? '',
    services: entry?.services.join(', ') ?? '',
    notes: entry?.notes ?? '',
    active: entry?.active ?? true,
  });
  const create = useAction('directory.create', { invalidates: ['directory.list'] });
  const update = useAction('directory.update', { invalidates: ['directory.list'] });
  const failure = entry ? update.failure : create.failure;
  const submit = async () => {
    const v = form.values;
    const facility = {
      name: v.name,
      type: v.type as (typeof FACILITY_TYPES)[number],
      phone: v.phone,
      address: v.address,
      district: v.district,
      services: v.services
        .split(/[,;\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
      notes: v.notes,
    };
    const strip = (p: string) => p.replace(/^facility\./, '');
    if (entry) {
      const input = { id: entry.id, expectedVersion: entry.version, facility, active: v.active };
      const problems = validateInput('directory.update', input);
      if (problems.length > 0) return form.showErrors(problems.map((f) => ({ ...f, path: strip(f.path) })));
      const result = await update.run(input);
      if (result.ok) return onClose();
      form.showErrors((result.fields ?? []).map((f) => ({ ...f, path: strip(f.path) })));
    } else {
      const problems = validateInput('directory.create', facility);
      if (problems.length > 0) return form.showErrors(problems);
      const result = await create.run(facility);
      if (result.ok) return onClose();
      form.showFailure(result);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <DialogTitle>{entry ? t('directory.edit') : t('directory.add')}</DialogTitle>
        <DialogContent>
          <FormTextField form={form} name="name" label={t('directory.field.name')} required autoFocus />
          <FormSelect
            form={form}
            name="type"
            label={t('directory.field.type')}
            required
            options={FACILITY_TYPES.map((ft) => ({ value: ft, label: labels.facilityType(t, ft) }))}
          />
          <FormTextField form={form} name="phone" label={t('directory.field.phone')} />
          <FormTextField form={form} name="address" label={t('directory.field.address')} />
          <FormTextField form={form} name="district" label={t('directory.field.district')} />
          <FormTextField
            form={form}
            name="services"
            label={t('directory.field.services')}
            helperText={t('directory.field.servicesHint')}
          />
          <FormTextField form={form} name="notes" label={t('directory.field.notes')} multiline minRows={2} />
          {entry ? <FormCheck form={form} name="active" label={t('directory.field.active')} /> : null}
          <ErrorAlert
            failure={failure}
            shownPaths={['name', 'type', 'phone', 'address', 'district', 'services', 'notes']}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('patients.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={create.busy || update.busy}>
            {t('directory.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
