import type { Age } from '../../../shared/contract/channels/patients';
import type { TFunction } from '../../../shared/i18n';

/** Age as clinics say it: days for newborns, years and months under 5, years after. */
export function ageText(t: TFunction, age: Age): string {
  if (age.years === 0 && age.months === 0) return t('patients.age.days', { n: age.days });
  if (age.years < 5) return t('patients.age.yearsMonths', { y: age.years, m: age.months });
  return t('patients.age.years', { y: age.years });
}

export function fullName(p: { givenName: string; familyName: string; otherNames?: string }): string {
  return [p.givenName, p.otherNames, p.familyName].filter(Boolean).join(' ');
}

export function sexText(t: TFunction, sex: 'male' | 'female'): string {
  return sex === 'female' ? t('patients.sex.female') : t('patients.sex.male');
}

/** The colour of a nutrition status chip. */
export function statusColor(status: 'SAM' | 'MAM' | 'normal'): 'error' | 'warning' | 'success' {
  return status === 'SAM' ? 'error' : status === 'MAM' ? 'warning' : 'success';
}

/** A calendar date as people read it (no time zone: the date is built from its parts). */
export function dateText(language: string, date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Date(y, m - 1, d).toLocaleDateString(language, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

/** Today's calendar date on this computer. */
export function todayText(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
