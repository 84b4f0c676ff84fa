import { afterEach, describe, expect, it } from 'vitest';
import { describeFailure, translateFieldError } from '../../../shared/i18n';
import { addStaff, facilityWithAdmin } from '../security/support';

type Fixture = Awaited<ReturnType<typeof facilityWithAdmin>>;
let fixture: Fixture | null = null;
afterEach(() => {
  fixture?.core.close();
  fixture = null;
});

describe('a real core answers with message keys', () => {
  it('a refused right, a bad input and the audit row of the refusal', async () => {
    fixture = await facilityWithAdmin();
    const { core } = fixture;
    await addStaff(core, 'fanta', 'clinician');

    const refused = await core.call('fanta', 'users.list', {});
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN', key: 'core.forbidden' });
    if (refused.ok) throw new Error('expected a refusal');
    expect(describeFailure('fr', refused)).toEqual({ message: 'Votre rôle ne permet pas cette action.' });

    const bad = await core.call('admin', 'settings.update', { idleLockMinutes: 15, colour: 'red' } as never);
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION', key: 'code.VALIDATION' });
    if (bad.ok) throw new Error('expected a refusal');
    const field = bad.fields?.[0];
    expect(field).toMatchObject({ key: 'field.unexpected', params: { keys: 'colour' } });
    expect(translateFieldError('fr', field!)).toContain('colour');
    expect(translateFieldError('fr', field!)).not.toBe(field!.message);

    const denied = core.state
      .database!.sqlite.prepare("SELECT role FROM audit_log WHERE action = 'access.denied'")
      .all() as { role: string }[];
    expect(denied).toEqual([{ role: 'clinician' }]);
  });
});
