import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import type { Failure } from '../../../shared/contract';
import {
  DEFAULT_DOCUMENT_MEGABYTES,
  DOCUMENT_CATEGORIES,
  MEGABYTE,
  type DocumentCategory,
} from '../../../shared/contract/channels/documents';
import { DOCUMENT_MESSAGES } from '../../../shared/contract/channels/document-messages';
import { validateInput } from '../../api/client';
import { useAction, useQuery } from '../../api/hooks';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Form } from '../../components/Form';
import { FormTextField } from '../../components/FormTextField';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { FormSelect } from '../patients/fields';
import { todayText } from '../patients/format';
import { categoryLabel, readAsBase64, sizeText } from './format';

const STALE = ['documents.list', 'patients.chart'] as const;

/** Choose a scan or photo, give it a title, kind and date, and attach it to the patient. */
export function AttachDialog({ patientId, onClose }: { patientId: string; onClose(): void }) {
  const { t, language, failureText, fieldError } = useI18n();
  const settings = useQuery('settings.get', {});
  const limitMb = settings.data?.documentMaxMegabytes ?? DEFAULT_DOCUMENT_MEGABYTES;
  const attach = useAction('documents.attach', { invalidates: STALE });
  const form = useForm({ title: '', category: 'other', documentDate: todayText() });
  const [file, setFile] = useState<File | null>(null);
  const [fileFailure, setFileFailure] = useState<Failure | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  const submit = async () => {
    if (!file) {
      setFileFailure({ ok: false, code: 'VALIDATION', message: t('documents.attach.needFile') });
      return picker.current?.click();
    }
    // Checked here to spare a long upload; the core checks again (and reads the type from the content).
    if (file.size > limitMb * MEGABYTE) {
      const mb = (Math.ceil((file.size / MEGABYTE) * 10) / 10).toFixed(1);
      setFileFailure({
        ok: false,
        code: 'VALIDATION',
        message: DOCUMENT_MESSAGES.tooLarge,
        fields: [{ path: 'content', message: `is ${mb} MB; the limit is ${limitMb} MB` }],
      });
      return;
    }
    const input = {
      patientId,
      title: form.values.title,
      category: form.values.category as DocumentCategory,
      documentDate: form.values.documentDate,
      content: '',
    };
    const problems = validateInput('documents.attach', input);
    if (problems.length > 0) return form.showErrors(problems);
    const result = await attach.run({ ...input, content: await readAsBase64(file) });
    if (result.ok) return onClose();
    if (result.fields?.some((f) => f.path === 'content')) setFileFailure(result);
    else form.showFailure(result);
  };

  const fileError = fileFailure ? failureText({ ...fileFailure, fields: undefined }).message : null;
  const fileDetail = fileFailure?.fields?.find((f) => f.path === 'content');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <Form
        onSubmit={() => void submit()}
        focusRequest={form.focusRequest}
        aria-label={t('documents.attach.title')}
      >
        <DialogTitle>{t('documents.attach.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Button variant="outlined" onClick={() => picker.current?.click()} autoFocus>
                {t('documents.attach.choose')}
              </Button>
              <Typography data-testid="chosen-file">
                {file
                  ? t('documents.attach.chosen', { name: file.name, size: sizeText(t, language, file.size) })
                  : t('documents.attach.noFile')}
              </Typography>
              <input
                ref={picker}
                type="file"
                hidden
                accept="application/pdf,image/jpeg,image/png"
                data-testid="document-file"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setFileFailure(null);
                  attach.reset();
                }}
              />
            </Stack>
            <Typography variant="body2" color="text.secondary">
              {t('documents.attach.rules', { mb: limitMb })}
            </Typography>
            {fileError ? (
              <Typography role="alert" color="error" data-testid="file-error">
                {fileError}
                {fileDetail ? ` (${t('documents.field.content')} ${fieldError(fileDetail)})` : ''}
              </Typography>
            ) : null}
            <FormTextField form={form} name="title" label={t('documents.field.title')} required />
            <FormSelect
              form={form}
              name="category"
              label={t('documents.field.category')}
              required
              options={DOCUMENT_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) }))}
            />
            <FormTextField
              form={form}
              name="documentDate"
              label={t('documents.field.documentDate')}
              required
              type="date"
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: todayText() } }}
            />
            <ErrorAlert
              failure={attach.failure && !fileFailure ? attach.failure : null}
              shownPaths={['title', 'category', 'documentDate', 'content']}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('patients.cancel')}</Button>
          <SubmitButton busy={attach.busy}>
            {attach.busy ? t('documents.attach.saving') : t('documents.attach.submit')}
          </SubmitButton>
        </DialogActions>
      </Form>
    </Dialog>
  );
}
