import { afterEach, describe, expect, it } from 'vitest';
import { adult, auditActions, child, clinic, counts, type Clinic } from './support';

const HOUR = 60 * 60 * 1000;

describe('corrections: version history, 24-hour window, voiding', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  it('keeps every version of a patient: who, when, which fields, from what to what', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', adult());
    c.advance(HOUR);
    const v2 = await c.clerk.ok('patients.update', {
      id: p.id,
      expectedVersion: 1,
      patient: { ...adult(), familyName: 'Diallo-Bah', village: 'Firawa' },
    });
    expect(v2).toMatchObject({
      version: 2,
      familyName: 'Diallo-Bah',
      village: 'Firawa',
      updatedBy: c.clerk.userId,
    });
    const { entries } = await c.manager.ok('patients.history', { entity: 'patient', id: p.id });
    expect(entries).toEqual([
      {
        version: 2,
        action: 'update',
        changes: [
          { field: 'familyName', from: 'Diallo', to: 'Diallo-Bah' },
          { field: 'village', from: 'Bambaya', to: 'Firawa' },
        ],
        reason: null,
        at: '2026-03-10T10:00:00.000Z',
        by: c.clerk.userId,
        byName: 'kadi test',
      },
    ]);
    expect((await c.clerk.ok('patients.search', { query: 'diallo-bah' })).results).toHaveLength(1);
    const update = auditActions(c).find((r) => r.action === 'patient.update')!;
    expect(update).toMatchObject({ patient_id: p.id, detail: 'fields=familyName,village' });
    const versions = c
      .sqlite()
      .prepare('SELECT version FROM outbox WHERE entity_id = ? ORDER BY seq')
      .all(p.id);
    expect(versions).toEqual([{ version: 1 }, { version: 2 }]);
  });

  it('refuses a stale version instead of overwriting a colleague', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', adult());
    await c.clerk.ok('patients.update', {
      id: p.id,
      expectedVersion: 1,
      patient: { ...adult(), village: 'Firawa' },
    });
    const before = counts(c);
    const stale = await c.manager.call('patients.update', {
      id: p.id,
      expectedVersion: 1,
      patient: { ...adult(), village: 'Banama' },
    });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', fields: [{ path: 'expectedVersion' }] });
    expect(counts(c)).toEqual(before);
  });

  it('lets the author correct identity for 24 hours, then only a manager; contact details any time', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', adult());
    const other = await c.colleague.call('patients.update', {
      id: p.id,
      expectedVersion: 1,
      patient: { ...adult(), givenName: 'Mamady' },
    });
    expect(other).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    c.advance(25 * HOUR);
    const late = await c.clerk.call('patients.update', {
      id: p.id,
      expectedVersion: 1,
      patient: { ...adult(), givenName: 'Mamady' },
    });
    expect(late).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    if (!late.ok) expect(late.message).toContain('more than 24 hours');
    // A new phone number is news, not a correction: anyone who registers patients may record it.
    const moved = await c.colleague.ok('patients.update', {
      id: p.id,
      expectedVersion: 1,
      patient: { ...adult(), phone: '0622 00 00 01' },
    });
    expect(moved.version).toBe(2);
    const corrected = await c.manager.ok('patients.update', {
      id: p.id,
      expectedVersion: 2,
      patient: { ...adult(), phone: '0622 00 00 01', givenName: 'Mamady' },
    });
    expect(corrected).toMatchObject({ givenName: 'Mamady', version: 3 });
  });

  it('voids with a reason, keeps the record and its history, and refuses to void a patient with visits', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', adult());
    const noReason = await c.clerk.call('patients.void', { id: p.id, expectedVersion: 1, reason: ' ' });
    expect(noReason).toMatchObject({ ok: false, code: 'VALIDATION', fields: [{ path: 'reason' }] });
    const voided = await c.clerk.ok('patients.void', {
      id: p.id,
      expectedVersion: 1,
      reason: 'registered in error',
    });
    expect(voided).toMatchObject({ voided: true, voidReason: 'registered in error', version: 2 });
    expect(await c.clerk.ok('patients.get', { id: p.id })).toMatchObject({ voided: true });
    const { entries } = await c.clerk.ok('patients.history', { entity: 'patient', id: p.id });
    expect(entries.at(-1)).toMatchObject({ action: 'void', reason: 'registered in error' });
    expect(await c.clerk.call('visits.create', { patientId: p.id, visitDate: '2026-03-10' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });

    const q = await c.clerk.ok('patients.register', child());
    await c.clinician.ok('visits.create', { patientId: q.id, visitDate: '2026-03-10', weightKg: 10 });
    const withVisit = await c.clerk.call('patients.void', {
      id: q.id,
      expectedVersion: 1,
      reason: 'registered in error',
    });
    expect(withVisit).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('corrects a visit within 24 hours with its history; later only a manager; voiding hides it from the chart', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', child());
    const v = await c.clinician.ok('visits.create', {
      patientId: p.id,
      visitDate: '2026-03-10',
      weightKg: 10.2,
      lengthCm: 84,
      measured: 'lying',
      muacMm: 130,
    });
    const fixed = await c.clinician.ok('visits.update', {
      id: v.id,
      expectedVersion: 1,
      visit: { visitDate: '2026-03-10', weightKg: 10.8, lengthCm: 84, measured: 'lying', muacMm: 130 },
    });
    expect(fixed.version).toBe(2);
    expect(fixed.whz).not.toBe(v.whz);
    const { entries } = await c.clinician.ok('patients.history', { entity: 'visit', id: v.id });
    expect(entries.map((e) => e.changes)).toEqual([[{ field: 'weightKg', from: 10.2, to: 10.8 }]]);

    expect(
      await c.colleague.call('visits.void', { id: v.id, expectedVersion: 2, reason: 'wrong child' }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    c.advance(24 * HOUR + 1);
    expect(
      await c.clinician.call('visits.void', { id: v.id, expectedVersion: 2, reason: 'wrong child' }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const voided = await c.manager.ok('visits.void', { id: v.id, expectedVersion: 2, reason: 'wrong child' });
    expect(voided).toMatchObject({ voided: true, voidReason: 'wrong child', version: 3 });
    const chart = await c.clinician.ok('patients.chart', { id: p.id });
    expect(chart.growth).toEqual([]);
    expect(chart.latestNutrition).toBeNull();
    expect(chart.timeline).toMatchObject([{ kind: 'visit', id: v.id, voided: true }]);
    const actions = auditActions(c).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['visit.create', 'visit.update', 'visit.void']));
  });
});
