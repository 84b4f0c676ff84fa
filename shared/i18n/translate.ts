import { en } from './en';
import { fr } from './fr';
import type { Language, Params, PlaceholdersOf } from './types';

export type Catalog = typeof en;
export type MessageKey = keyof Catalog;

/** Messages with `{name}` placeholders require those params; others take none. */
export type ParamsFor<K extends MessageKey> = [PlaceholdersOf<Catalog[K]>] extends [never]
  ? []
  : [params: Record<PlaceholdersOf<Catalog[K]>, string | number>];

export type TFunction = <K extends MessageKey>(key: K, ...params: ParamsFor<K>) => string;

const catalogs: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { en, fr };

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** Replaces `{name}` with params.name; an unknown placeholder stays visible rather than vanishing. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function translate<K extends MessageKey>(lang: Language, key: K, ...params: ParamsFor<K>): string {
  return translateDynamic(lang, key, params[0]);
}

/** For keys chosen at run time (error codes, matched messages), where params cannot be checked by type. */
export function translateDynamic(lang: Language, key: MessageKey, params?: Params): string {
  return interpolate(catalogs[lang][key] ?? en[key] ?? key, params);
}

export function createT(lang: Language): TFunction {
  return (key, ...params) => translate(lang, key, ...params);
}
