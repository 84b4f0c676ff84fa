import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { fieldErrorsOf } from '../../shared/contract/validation';
import { describeFailure, translateFieldError } from '../../shared/i18n';
import { checkPassword } from '../../src-main/security/passwords';

describe('words people see (issue 16 §5)', () => {
  it('a pulse typed "13O" is "not a number", not "required"', () => {
    const parsed = contract['visits.create'].input.safeParse({
      patientId: 'p',
      visitDate: '2026-01-01',
      type: 'consultation',
      pulseBpm: Number('13O'),
    });
    expect(parsed.success).toBe(false);
    const pulse = fieldErrorsOf(parsed.error!).find((f) => f.path === 'pulseBpm');
    expect(pulse?.message).toBe('must be a number');
    expect(translateFieldError('fr', pulse!.message)).toBe('doit être un nombre');
  });

  it('"1234567890" is refused as common, not as "too close to your name"', () => {
    expect(checkPassword('1234567890', { username: 'fatou', fullName: 'Fatou Camara' }).problems).toEqual([
      'common',
    ]);
    expect(
      checkPassword('fatoucamara2026', { username: 'fatou', fullName: 'Fatou Camara' }).problems,
    ).toEqual(['context']);
  });

  it('a taken username is said in plain words, in both languages, without quotes or field paths', () => {
    const failure = {
      code: 'CONFLICT' as const,
      message: 'Someone already has that username. Choose another one.',
      fields: [{ path: 'username', message: 'is already taken' }],
    };
    for (const language of ['en', 'fr'] as const) {
      const { message, detail } = describeFailure(language, failure);
      expect(message).not.toMatch(/username:|"/);
      expect(detail).toBeUndefined();
    }
    expect(describeFailure('fr', failure).message).toBe(
      'Quelqu’un a déjà ce nom d’utilisateur. Choisissez-en un autre.',
    );
    expect(translateFieldError('fr', 'is already taken')).toBe('est déjà pris');
  });
});
