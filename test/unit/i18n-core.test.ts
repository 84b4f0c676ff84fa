import { afterEach, describe, expect, it } from 'vitest';
import { describeFailure } from '../../shared/i18n';
import { ADMIN, FACILITY, setUpFacility, tempCore } from '../support/core';

/** The catalog's `core.*` messages must stay word for word what the real core says, or French users get English. */
describe('the core’s failure messages have French translations', () => {
  let core: ReturnType<typeof tempCore>;
  afterEach(() => core?.dispose());

  it('for the failures of setup, sign-in and calls before sign-in', async () => {
    core = tempCore();
    const failures = [
      await core.dispatch('c', 'no.such.channel', {}),
      await core.call('c', 'auth.login', { username: ADMIN.username, password: ADMIN.password }),
      await core.call('c', 'home.summary', {}),
    ];
    await setUpFacility(core, 'admin');
    failures.push(
      await core.call('c', 'auth.login', { username: ADMIN.username, password: 'not the password' }),
      await core.call('c', 'setup.initialize', { facility: FACILITY, admin: ADMIN }),
    );
    expect(failures.map((f) => (f.ok ? 'ok' : f.code))).toEqual([
      'UNKNOWN_CHANNEL',
      'CONFLICT',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'CONFLICT',
    ]);
    for (const failure of failures) {
      if (failure.ok) continue;
      const text = describeFailure('fr', failure);
      expect(text.detail, failure.message).toBeUndefined();
      expect(text.message).not.toBe(failure.message);
    }
  });
});
