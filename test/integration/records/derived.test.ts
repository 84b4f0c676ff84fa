import { afterEach, describe, expect, it } from 'vitest';
import { child, clinic, counts, type Clinic } from '../patients/support';

// A visit's age, z-scores and nutrition status are stored; correcting the child's sex and birth date must
// bring every visit up to date in the same transaction, with a history row and an outbox row for each.
describe('visits follow a correction of the patient they derive from', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  const outboxVersions = (id: string) =>
    (
      c
        .sqlite()
        .prepare(`SELECT version FROM outbox WHERE entity = 'visit' AND entity_id = ? ORDER BY seq`)
        .all(id) as { version: number }[]
    ).map((r) => r.version);

  it('recomputes age, z-scores and status of every visit, with history and outbox rows', async () => {
    c = await clinic();
    // Registered as a 4-month-old girl: MUAC is not a criterion under 6 months (WHO 2013 SAM guideline).
    const p = await c.clerk.ok('patients.register', child({ sex: 'female', birthDate: '2025-11-01' }));
    const measured = { weightKg: 6, lengthCm: 63, measured: 'lying' as const, muacMm: 110 };
    const v1 = await c.clinician.ok('visits.create', {
      patientId: p.id,
      visitDate: '2026-03-01',
      ...measured,
    });
    const v2 = await c.clinician.ok('visits.create', {
      patientId: p.id,
      visitDate: '2026-03-08',
      ...measured,
    });
    const voided = await c.clinician.ok('visits.create', { patientId: p.id, visitDate: '2026-03-05' });
    await c.clinician.ok('visits.void', { id: voided.id, expectedVersion: 1, reason: 'wrong child' });
    expect(v1).toMatchObject({ ageDays: 120, nutritionStatus: 'normal', protocolProfileId: 'who-2013' });
    expect(v1.protocolProfileVersion).toEqual(expect.any(Number));

    // The child is in fact a boy born in mid-June: 8 months old at the visits, so MUAC 110 mm is SAM (< 115 mm).
    await c.manager.ok('patients.update', {
      id: p.id,
      expectedVersion: 1,
      patient: child({ sex: 'male', birthDate: '2025-06-15' }),
    });
    const after1 = await c.manager.ok('visits.get', { id: v1.id });
    const after2 = await c.manager.ok('visits.get', { id: v2.id });
    expect(after1).toMatchObject({ ageDays: 259, nutritionStatus: 'SAM', version: 2 });
    expect(after1.nutritionCriteria).toContain('muac-sam');
    expect(after2).toMatchObject({ ageDays: 266, nutritionStatus: 'SAM', version: 2 });
    expect(after1.waz).not.toBe(v1.waz);
    expect(after1.whz).not.toBe(v1.whz);
    // Entered values are untouched; the voided visit is left as it was.
    expect(after1).toMatchObject({ weightKg: 6, lengthCm: 63, muacMm: 110 });
    expect((await c.manager.ok('visits.get', { id: voided.id })).version).toBe(2);

    const { entries } = await c.manager.ok('patients.history', { entity: 'visit', id: v1.id });
    expect(entries.at(-1)).toMatchObject({ action: 'recomputed', by: c.manager.userId, version: 2 });
    expect(entries.at(-1)!.changes).toContainEqual({ field: 'ageDays', from: 120, to: 259 });
    expect(entries.at(-1)!.changes).toContainEqual({ field: 'nutritionStatus', from: 'normal', to: 'SAM' });
    expect(outboxVersions(v1.id)).toEqual([1, 2]);
    expect(outboxVersions(v2.id)).toEqual([1, 2]);
    expect(outboxVersions(voided.id)).toEqual([1, 2]);

    const chart = await c.manager.ok('patients.chart', { id: p.id });
    expect(chart.latestNutrition).toMatchObject({ status: 'SAM', visitId: v2.id });
  });

  it('refuses a birth date after a visit, and then neither the patient nor any visit changes', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', child({ birthDate: '2025-11-01' }));
    await c.clinician.ok('visits.create', { patientId: p.id, visitDate: '2026-03-01', weightKg: 6 });
    const before = counts(c);
    const refused = await c.manager.call('patients.update', {
      id: p.id,
      expectedVersion: 1,
      patient: child({ birthDate: '2026-03-05' }),
    });
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION', fields: [{ path: 'birthDate' }] });
    expect(counts(c)).toEqual(before);
    expect((await c.manager.ok('patients.get', { id: p.id })).birthDate).toBe('2025-11-01');
  });

  it('leaves visits alone when only contact details change', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', child({ birthDate: '2025-11-01' }));
    const v = await c.clinician.ok('visits.create', {
      patientId: p.id,
      visitDate: '2026-03-01',
      weightKg: 6,
    });
    await c.clerk.ok('patients.update', {
      id: p.id,
      expectedVersion: 1,
      patient: child({ birthDate: '2025-11-01', village: 'Yendé' }),
    });
    expect((await c.manager.ok('visits.get', { id: v.id })).version).toBe(1);
  });
});
