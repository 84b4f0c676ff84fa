import { afterEach, describe, expect, it } from 'vitest';
import { channelNames, contract, PERMISSIONS } from '../../shared/contract';
import { handlers } from '../../src-main/core/handlers';
import { tempCore, setUpFacility } from '../support/core';

describe('the contract and the core agree', () => {
  it('gives every channel a handler and every handler a channel', () => {
    const handled = Object.keys(handlers).sort();
    expect(handled).toEqual([...channelNames].sort());
  });

  it('gives every channel a known permission, an audit kind and a summary', () => {
    for (const name of channelNames) {
      const def = contract[name];
      expect(PERMISSIONS, name).toContain(def.permission);
      expect(['none', 'read'], name).toContain(def.audit);
      expect(def.summary.length, name).toBeGreaterThan(10);
    }
  });
});

describe('the router', () => {
  let core: ReturnType<typeof tempCore>;
  afterEach(() => core?.dispose());

  it('rejects unknown channels and non-string channel names', async () => {
    core = tempCore();
    expect(await core.dispatch('c', 'patients.dropAll', {})).toMatchObject({
      ok: false,
      code: 'UNKNOWN_CHANNEL',
    });
    expect(await core.dispatch('c', '__proto__', {})).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' });
    expect(await core.dispatch('c', 42, {})).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' });
  });

  it('rejects invalid input with the path of every field at fault, and changes nothing', async () => {
    core = tempCore();
    const result = await core.dispatch('c', 'setup.initialize', {
      facility: { name: '', code: 'has spaces', district: 'D', country: 'C' },
      admin: { username: 'a', fullName: 'A', password: 'short' },
      extra: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('VALIDATION');
    const paths = result.fields?.map((f) => f.path).sort();
    expect(paths).toEqual(['', 'admin.password', 'admin.username', 'facility.code', 'facility.name']);
    expect(result.fields?.find((f) => f.path === 'admin.password')?.message).toBe(
      'must be at least 10 characters',
    );
    expect(result.message).toContain('admin.password');
    expect(core.state.isInitialized()).toBe(false);
  });

  it('answers every non-public channel with UNAUTHENTICATED before sign-in', async () => {
    core = tempCore();
    await setUpFacility(core, 'admin-window');
    const guarded = channelNames.filter((name) => contract[name].permission !== 'public');
    expect(guarded.length).toBeGreaterThan(0);
    for (const name of guarded) {
      const result = await core.dispatch('another-window', name, {});
      expect(result, name).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    }
  });

  it('never returns a stack trace, even when a handler fails unexpectedly', async () => {
    core = tempCore();
    await setUpFacility(core, 'w');
    core.state.database!.sqlite.exec('DROP TABLE facility');
    const result = await core.dispatch('w', 'home.summary', {});
    expect(result).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(JSON.stringify(result)).not.toMatch(/at .*\.ts:\d+|Error:|SqliteError/);
  });
});
