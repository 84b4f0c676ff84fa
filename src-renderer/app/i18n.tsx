import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Failure } from '../../shared/contract';
import {
  createT,
  describeFailure,
  isLanguage,
  translateFieldError,
  type FailureText,
  type FieldMessage,
  type Language,
  type TFunction,
} from '../../shared/i18n';

const STORAGE_KEY = 'caredesk.language';

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t: TFunction;
  /** A core failure in this language. */
  failureText(failure: Pick<Failure, 'code' | 'message' | 'fields' | 'key' | 'params'>): FailureText;
  /** A core field error (by its key, else its English words, e.g. "is required") in this language. */
  fieldError(field: FieldMessage): string;
}

function i18nFor(language: Language, setLanguage: (language: Language) => void): I18n {
  return {
    language,
    setLanguage,
    t: createT(language),
    failureText: (failure) => describeFailure(language, failure),
    fieldError: (field) => translateFieldError(language, field),
  };
}

/** English until a provider says otherwise, so even a crash screen outside the provider has words. */
const I18nContext = createContext<I18n>(i18nFor('en', () => {}));

function initialLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // storage unavailable: fall back to the system language
  }
  return window.navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The chosen language is remembered on this computer (localStorage), not per user: the PC is shared. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered, still switched
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo(() => i18nFor(language, setLanguage), [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export function useT(): TFunction {
  return useContext(I18nContext).t;
}
