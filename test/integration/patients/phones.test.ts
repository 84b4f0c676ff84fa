import { afterEach, describe, expect, it } from 'vitest';
import { phoneRegion, phoneText, toE164 } from '../../../shared/phones';
import { adult, clinic, type Clinic } from './support';

describe('phones in E.164', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  it('stores every written form of a number of the facility’s country as one E.164 number, found by any form', async () => {
    c = await clinic(); // facility country "Guinea"
    const a = await c.clerk.ok('patients.register', adult({ phone: '620 11 22 33' }));
    expect(a.phone).toBe('+224620112233');
    const stored = c.sqlite().prepare('SELECT phone FROM patients WHERE id = ?').get(a.id) as {
      phone: string;
    };
    expect(stored.phone).toBe('+224620112233');
    for (const typed of ['620112233', '620 11 22 33', '+224 620 11 22 33', '00224620112233']) {
      const found = await c.clerk.ok('patients.search', { query: typed });
      expect(
        found.results.map((r) => r.id),
        typed,
      ).toContain(a.id);
    }
    // A correction normalises too; a foreign number keeps its own country code; a number that cannot be a
    // Guinean one is kept as typed rather than lost.
    const b = await c.clerk.ok('patients.update', {
      id: a.id,
      expectedVersion: a.version,
      patient: { ...adult(), phone: '+33 6 12 34 56 78' },
    });
    expect(b.phone).toBe('+33612345678');
    const d = await c.clerk.ok(
      'patients.register',
      adult({ givenName: 'Kadiatou', familyName: 'Bah', birthDate: '1999-01-01', phone: '123 456' }),
    );
    expect(d.phone).toBe('123 456');
  });

  it('reads the country in English, French or ISO and shows national numbers nationally', () => {
    expect([
      phoneRegion('Guinea'),
      phoneRegion('Guinée'),
      phoneRegion('gn'),
      phoneRegion('Atlantis'),
    ]).toEqual(['GN', 'GN', 'GN', undefined]);
    expect(toE164('', 'GN')).toBe('');
    expect(toE164('655 00 11 22', 'GN')).toBe('+224655001122');
    expect(toE164('655 00 11 22', undefined)).toBe('655 00 11 22');
    expect(phoneText('+224655001122', 'GN')).toBe('655 00 11 22');
    expect(phoneText('+33612345678', 'GN')).toBe('+33 6 12 34 56 78');
    expect(phoneText('0620 12', 'GN')).toBe('0620 12');
  });
});
