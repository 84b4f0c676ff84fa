import type { DocumentCategory } from '../../../shared/contract/channels/documents';
import type { TFunction } from '../../../shared/i18n/translate';
import type { Language } from '../../../shared/i18n/types';

/** A category in the user's language. */
export function categoryLabel(t: TFunction, category: DocumentCategory): string {
  switch (category) {
    case 'referral-letter':
      return t('documents.category.referralLetter');
    case 'lab-result':
      return t('documents.category.labResult');
    case 'consent':
      return t('documents.category.consent');
    case 'other':
      return t('documents.category.other');
  }
}

/** A file size for people: KB under 1 MB, else MB with one decimal, in the language's number format. */
export function sizeText(t: TFunction, language: Language, bytes: number): string {
  const fmt = (n: number, digits: number) =>
    new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(n);
  return bytes < 1024 * 1024
    ? t('documents.size.kb', { n: fmt(Math.max(1, Math.ceil(bytes / 1024)), 0) })
    : t('documents.size.mb', { n: fmt(bytes / (1024 * 1024), 1) });
}

/** The base64 text of a chosen file (what the contract carries), read in memory: no temporary file. */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** A Blob of a document's bytes, for an object URL the viewer shows (img-src / frame-src blob: in the CSP). */
export function blobOf(base64: string, mimeType: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mimeType });
}
