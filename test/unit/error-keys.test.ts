import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppError } from '../../shared/contract';
import { fieldErrorsOf, invalid } from '../../shared/contract/validation';
import { describeFailure, translateFieldError } from '../../shared/i18n';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('failures carry a message key and parameters', () => {
  it('a zod refusal names its catalog key and the numbers in it', () => {
    const parsed = z.object({ password: z.string().min(10), role: z.enum(['admin', 'clerk']) }).safeParse({
      password: 'short',
      role: 'cook',
    });
    const fields = fieldErrorsOf(parsed.error!);
    expect(fields).toEqual([
      {
        path: 'password',
        key: 'field.minChars',
        params: { n: 10 },
        message: 'must be at least 10 characters',
      },
      {
        path: 'role',
        key: 'field.oneOf',
        params: { values: 'admin, clerk' },
        message: 'must be one of: admin, clerk',
      },
    ]);
  });

  it('a field error is translated by its key, whatever its English words', () => {
    const field = { message: 'words the catalog never saw', key: 'field.minChars', params: { n: 8 } };
    expect(translateFieldError('fr', field)).toBe('doit contenir au moins 8 caractères');
    expect(translateFieldError('en', field)).toBe('must be at least 8 characters');
    // Bare English words (services not yet keyed) are still matched back.
    expect(translateFieldError('fr', 'is required')).toBe(
      translateFieldError('fr', { message: '', key: 'field.required' }),
    );
  });

  it('a failure is translated by its key in both languages, with no English detail left over', () => {
    const failure = {
      code: 'FORBIDDEN' as const,
      message: 'Reworded in a later core.',
      key: 'core.forbidden',
    };
    expect(describeFailure('fr', failure)).toEqual({ message: 'Votre rôle ne permet pas cette action.' });
    expect(describeFailure('en', failure)).toEqual({ message: 'Your role does not allow this.' });
  });

  it('the one invalid() throws a VALIDATION keyed for the screen, or with its own key', () => {
    const fields = [{ path: 'reason', message: 'is required', key: 'field.required' }];
    const thrown = (said?: Parameters<typeof invalid>[1]): AppError => {
      try {
        invalid(fields, said);
      } catch (error) {
        return error as AppError;
      }
      throw new Error('invalid() returned');
    };
    expect(thrown()).toMatchObject({ code: 'VALIDATION', fields, said: { key: 'code.VALIDATION' } });
    expect(thrown({ key: 'core.pregnancy.invalidDates' })).toMatchObject({
      message: 'Some dates do not fit this pregnancy.',
      said: { key: 'core.pregnancy.invalidDates' },
    });
  });
});

describe('one copy of the error and audit helpers', () => {
  const files = [...sources('src-main'), ...sources('src-server')];

  it('no module writes its own invalid()', () => {
    const copies = files.filter((file) => /function invalid\(/.test(readFileSync(file, 'utf8')));
    expect(copies).toEqual([]);
  });

  it('no service spells out the signed-in actor for the audit (auditBy does)', () => {
    const callers = files.filter((file) => !file.endsWith(join('audit', 'audit.service.ts')));
    const boilerplate = callers.filter((file) =>
      /appendAudit\([^)]*userId: (\w+)\.userId,\s*role: (\1\.role|auditRole\(\1\))/s.test(
        readFileSync(file, 'utf8'),
      ),
    );
    expect(boilerplate).toEqual([]);
  });
});

describe('comments stand on their own in a fresh clone', () => {
  // Ratchet: comments citing the internal design notes or issue numbers are being replaced by the source rule
  // (WHO, UNICEF, Sphere) or a file in the repository. The number may only go down.
  const CITES_INTERNAL_NOTES = /DESIGN\.md|CLINICAL\.md|issue \d+/g;
  it('at most 90 comments still cite DESIGN.md, CLINICAL.md or an issue number', () => {
    const files = ['src-main', 'shared', 'src-renderer', 'src-server'].flatMap(sources);
    const count = files.reduce(
      (n, file) => n + (readFileSync(file, 'utf8').match(CITES_INTERNAL_NOTES)?.length ?? 0),
      0,
    );
    expect(count).toBeLessThanOrEqual(90);
  });
});

describe('data shapes declared once', () => {
  it('the users table takes its role list from the contract, not a copy', () => {
    const schema = readFileSync(join('src-main', 'db', 'schema', 'users.ts'), 'utf8');
    expect(schema).toContain('enum: ROLES');
    expect(schema).not.toMatch(/'researcher'/);
  });
});
