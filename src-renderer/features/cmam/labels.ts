import type { MessageKey, TFunction } from '../../../shared/i18n';

/** Contract enum values → catalog keys (catalog keys use no dashes: "non-responder" → "nonResponder"). */
const key = (prefix: string, v: string) =>
  `${prefix}.${v.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())}` as MessageKey;
const say = (t: TFunction, k: MessageKey) => (t as unknown as (key: MessageKey) => string)(k);
export const cmamLabels = {
  exit: (t: TFunction, v: string) => say(t, key('cmam.exit', v)),
  type: (t: TFunction, v: string) => say(t, key('cmam.type', v)),
  status: (t: TFunction, v: string) => say(t, key('cmam.status', v)),
  medicine: (t: TFunction, v: string) => say(t, key('cmam.medicine', v)),
  alert: (t: TFunction, v: string) => say(t, key('cmam.alert', v)),
  stockKind: (t: TFunction, v: string) => say(t, key('cmam.stock.kind', v)),
  event: (t: TFunction, v: string) => say(t, key('patients.timeline.event', v)),
};

/** A number for the reader's language, with at most `digits` decimals. */
export function num(language: string, n: number, digits = 1): string {
  return n.toLocaleString(language, { maximumFractionDigits: digits });
}

export function plusDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}
