import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

/** Why a new password is refused; the renderer translates the codes, the core states them in plain words. */
export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'context' | 'weak';

export interface PasswordVerdict {
  acceptable: boolean;
  /** zxcvbn score 0–4 (4 = very hard to guess); the meter shows it. */
  score: number;
  problems: PasswordProblem[];
  /** zxcvbn's own hint in English (e.g. "This is a top-100 common password"), or null. */
  hint: string | null;
}

/** Names the password must not be built from: the facility, the person, the app. */
export interface PasswordContext {
  username?: string | undefined;
  fullName?: string | undefined;
  facilityName?: string | undefined;
  facilityCode?: string | undefined;
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
/** zxcvbn 3 = "safely unguessable": ~10^10 guesses, which the argon2 slot makes very slow offline. */
const MIN_SCORE = 3;

export const PROBLEM_TEXT: Record<PasswordProblem, string> = {
  tooShort: `must be at least ${PASSWORD_MIN} characters`,
  tooLong: `must be at most ${PASSWORD_MAX} characters`,
  common: 'is a commonly used password; choose a phrase only you would think of',
  context: 'is too close to your name, your username or the facility name',
  weak: 'is too easy to guess; add more words or make it longer',
};

let factory: ZxcvbnFactory | null = null;
function zxcvbn(): ZxcvbnFactory {
  // Built on first use: loading the dictionaries takes a moment that sign-in never needs.
  factory ??= new ZxcvbnFactory({
    translations: english.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
  });
  return factory;
}

function contextWords(context: PasswordContext): string[] {
  const words = [context.username, context.fullName, context.facilityName, context.facilityCode, 'caredesk']
    .flatMap((s) =>
      (s ?? '')
        .normalize('NFKC')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u),
    )
    .filter((w) => w.length >= 3);
  return [...new Set(words)];
}

/** What is left of the password once the context words, digits and punctuation are taken out. */
function leftoverAfterContext(password: string, words: string[]): string {
  let rest = password.normalize('NFKC').toLowerCase();
  for (const word of [...words].sort((a, b) => b.length - a.length)) rest = rest.split(word).join('');
  return rest.replace(/[^\p{L}]+/gu, '');
}

/**
 * NIST 800-63B style: length 10–128, any Unicode, no composition rules; refuse common passwords and ones
 * built from the facility's or the person's own names.
 */
export function checkPassword(password: string, context: PasswordContext = {}): PasswordVerdict {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return { acceptable: false, score: 0, problems: ['tooShort'], hint: null };
  if (length > PASSWORD_MAX) return { acceptable: false, score: 0, problems: ['tooLong'], hint: null };
  const words = contextWords(context);
  const result = zxcvbn().check(password.slice(0, 100), words);
  const problems: PasswordProblem[] = [];
  const usesContext = result.sequence.some(
    (m) => m.pattern === 'dictionary' && m.dictionaryName === 'userInputs',
  );
  const leftover = leftoverAfterContext(password, words);
  // "Too close to your name" only when a name is in it: "1234567890" has no letters left either, but is just common.
  const lower = password.normalize('NFKC').toLowerCase();
  const containsContext = words.some((w) => lower.includes(w));
  if (containsContext && leftover.length < 6 && leftover.length < length / 2) problems.push('context');
  else if (usesContext && result.score < MIN_SCORE) problems.push('context');
  const fromCommonList = result.sequence.some(
    (m) => m.pattern === 'dictionary' && m.dictionaryName.startsWith('passwords'),
  );
  if (result.score < MIN_SCORE && problems.length === 0) problems.push(fromCommonList ? 'common' : 'weak');
  const score = problems.length > 0 ? Math.min(result.score, MIN_SCORE - 1) : result.score;
  return { acceptable: problems.length === 0, score, problems, hint: result.feedback.warning ?? null };
}

/** One plain-words sentence for a refused password, naming the first problem. */
export function describePasswordProblems(verdict: PasswordVerdict): string {
  const first = verdict.problems[0];
  return first ? PROBLEM_TEXT[first] : '';
}
