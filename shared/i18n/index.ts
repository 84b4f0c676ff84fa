/** The one i18n layer: typed catalogs, `t(key, params)`, and failures in people's words. Pure TypeScript. */
export { LANGUAGES, isLanguage, type Language, type Params, type Translation } from './types';
export {
  createT,
  interpolate,
  isMessageKey,
  translate,
  translateDynamic,
  type Catalog,
  type MessageKey,
  type ParamsFor,
  type TFunction,
} from './translate';
export { describeFailure, coreMessage, type FailureText } from './failure';
export { translateFieldError, type FieldMessage } from './fields';
export { en } from './en';
export { fr } from './fr';

/** Each language's name in itself, for the language switch. */
export const LANGUAGE_NAMES = { en: 'English', fr: 'Français' } as const;
