import type { OutputOf } from '../../../shared/contract';
import type { TFunction } from '../../../shared/i18n/translate';

type ErrorKind = NonNullable<OutputOf<'sync.status'>['errorKind']>;
type T = TFunction;

/** A push failure in the user's language (the kind itself is never shown). */
export function syncErrorText(t: T, kind: ErrorKind): string {
  switch (kind) {
    case 'unreachable':
      return t('sync.error.unreachable');
    case 'refused':
      return t('sync.error.refused');
    case 'notEnrolled':
      return t('sync.error.notEnrolled');
    default:
      return t('sync.error.other');
  }
}
