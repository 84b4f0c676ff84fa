import { afterEach, describe, expect, it } from 'vitest';
import { byLmp, clinic, woman, type Clinic } from '../pregnancy/support';

// The ANC report reads the pregnancy module's own tables: a delivery (stillbirth, in pregnancy_births) counts as
// a delivery, a miscarriage does not.
describe('ANC monthly report over real pregnancies', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  it('counts a stillbirth delivery recorded through the pregnancy channels, not a miscarriage', async () => {
    c = await clinic(new Date('2026-04-10T09:00:00Z'));
    const on = '2026-03-20';
    const w = await c.clerk.ok('patients.register', woman());
    const born = await c.clinician.ok('pregnancy.register', byLmp(w.id, on, 266));
    await c.clinician.ok('pregnancy.recordOutcome', {
      id: born.id,
      expectedVersion: 1,
      outcome: {
        type: 'delivery',
        date: on,
        place: 'this-facility',
        mode: 'vaginal',
        attendant: 'Midwife Sow',
        babies: [{ outcome: 'stillbirth', weightKg: 2.0 }],
      },
    });
    const other = await c.clerk.ok(
      'patients.register',
      woman({ givenName: 'Fatoumata', phone: '+224 622 11 22 33' }),
    );
    const lost = await c.clinician.ok('pregnancy.register', byLmp(other.id, on, 70));
    await c.clinician.ok('pregnancy.recordOutcome', {
      id: lost.id,
      expectedVersion: 1,
      outcome: { type: 'miscarriage', date: on, reason: 'bleeding at 10 weeks' },
    });
    const r = await c.manager.ok('reports.monthly', { month: '2026-03', report: 'anc' });
    const cell = (key: string) =>
      r.tables.flatMap((t) => t.rows).find((x) => x.key === key)?.cells.total?.value;
    expect(cell('deliveries')).toBe(1);
  });
});
