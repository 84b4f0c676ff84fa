import { describe, expect, it } from 'vitest';
import { contract } from '../contract';
import { fieldErrorsOf } from '../contract/validation';
import { enParts } from './en';
import { describeFailure, en, fr, interpolate, translate, translateFieldError } from './index';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogs', () => {
  it('no two feature files claim the same key, and every key is prefixed by a feature', () => {
    const seen = new Map<string, string>();
    for (const [part, messages] of Object.entries(enParts)) {
      for (const key of Object.keys(messages)) {
        expect(seen.get(key), `${key} is in both ${seen.get(key)} and ${part}`).toBeUndefined();
        seen.set(key, part);
        expect(key).toMatch(/^[a-z]+(\.[A-Za-z0-9_]+)+$/);
      }
    }
    expect(seen.size).toBe(Object.keys(en).length);
  });

  it('French has every English key, non-empty, with the same placeholders', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(fr[key].trim(), key).not.toBe('');
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('interpolates {name} params and leaves unknown placeholders visible', () => {
    expect(translate('en', 'home.welcome', { name: 'Amina' })).toBe('Welcome, Amina');
    expect(translate('fr', 'home.welcome', { name: 'Amina' })).toBe('Bienvenue, Amina');
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(interpolate('$& {a}', { a: '$1' })).toBe('$& $1');
  });
});

describe('failures in people’s words', () => {
  it('a VALIDATION failure with fields gets the short line; the fields speak for themselves', () => {
    const failure = {
      code: 'VALIDATION' as const,
      message: 'Please correct: a: is required',
      fields: [{ path: 'a', message: 'is required' }],
    };
    expect(describeFailure('en', failure)).toEqual({ message: 'Please correct the highlighted fields.' });
    expect(describeFailure('fr', failure)).toEqual({ message: 'Veuillez corriger les champs signalés.' });
  });

  it('a known core message is translated; an unknown one keeps its words (as detail in French)', () => {
    const bad = { code: 'UNAUTHENTICATED' as const, message: 'Username or password is incorrect.' };
    expect(describeFailure('en', bad)).toEqual({ message: 'Username or password is incorrect.' });
    expect(describeFailure('fr', bad)).toEqual({ message: 'Nom d’utilisateur ou mot de passe incorrect.' });
    const newer = {
      code: 'DATABASE' as const,
      message: 'The database is from version 9; this app knows up to 3.',
    };
    expect(describeFailure('en', newer)).toEqual({ message: newer.message });
    expect(describeFailure('fr', newer)).toEqual({
      message: 'La base de données n’a pas pu être utilisée. Rien n’a été enregistré.',
      detail: newer.message,
    });
  });

  it('every field message the setup and sign-in schemas produce has a French translation', () => {
    const cases: [keyof typeof contract, unknown][] = [
      [
        'setup.initialize',
        {
          facility: { name: '', code: 'a b', district: 'x\u0007', country: 1 },
          admin: { username: 'A!', fullName: '', password: 'short' },
        },
      ],
      [
        'setup.initialize',
        {
          facility: { name: 'x'.repeat(200), code: 'K', district: '', country: '' },
          admin: { username: 'ab', fullName: 'A', password: 'y'.repeat(200) },
          extra: 1,
        },
      ],
      ['auth.login', {}],
    ];
    const messages = cases.flatMap(([channel, input]) => {
      const parsed = contract[channel].input.safeParse(input);
      expect(parsed.success).toBe(false);
      return parsed.success ? [] : fieldErrorsOf(parsed.error).map((f) => f.message);
    });
    expect(messages.length).toBeGreaterThan(8);
    for (const message of new Set(messages)) {
      const french = translateFieldError('fr', message);
      expect(french, message).not.toBe(message);
      expect(translateFieldError('en', message)).toBe(message);
    }
    expect(translateFieldError('fr', 'must be at least 10 characters')).toBe(
      'doit contenir au moins 10 caractères',
    );
    expect(translateFieldError('fr', 'something new the core says')).toBe('something new the core says');
  });
});
