/** The languages CareDesk ships. English is the reference catalog; every other one must match its keys. */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * A translation of one English catalog file: exactly its keys (a missing or extra key is a type error),
 * any wording.
 */
export type Translation<T extends Record<string, string>> = { readonly [K in keyof T]: string };

/** `{name}` placeholders of an English message, as a union of their names. */
export type PlaceholdersOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | PlaceholdersOf<Rest>
  : never;

export type Params = Record<string, string | number>;
