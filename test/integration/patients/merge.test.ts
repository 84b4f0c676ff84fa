import { afterEach, describe, expect, it } from 'vitest';
import { auditActions, child, clinic, counts, type Clinic } from './support';

describe('merging duplicates', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  async function twoRecordsOfOneChild() {
    const kept = await c.clerk.ok(
      'patients.register',
      child({ phone: '', caregiverPhone: '+224 620 12 34 56' }),
    );
    const dup = await c.clerk.ok('patients.register', {
      ...child({ givenName: 'Aminatta', village: '', nationalId: 'GN-778-001', allergies: 'penicillin' }),
      confirmNotDuplicate: true,
    });
    const hospital = await c.manager.ok('directory.create', {
      name: 'Kissidougou Prefectoral Hospital',
      type: 'hospital',
    });
    const v1 = await c.clinician.ok('visits.create', {
      patientId: kept.id,
      visitDate: '2026-03-01',
      weightKg: 10,
    });
    const v2 = await c.clinician.ok('visits.create', {
      patientId: dup.id,
      visitDate: '2026-03-05',
      weightKg: 9.6,
      muacMm: 112,
    });
    const v3 = await c.clinician.ok('visits.create', {
      patientId: dup.id,
      visitDate: '2026-03-08',
      weightKg: 9.7,
    });
    const r = await c.clinician.ok('referrals.create', {
      patientId: dup.id,
      visitId: v2.id,
      toFacilityId: hospital.id,
      referralDate: '2026-03-05',
      reason: 'SAM with poor appetite',
      urgency: 'urgent',
    });
    return { kept, dup, visits: [v1, v2, v3], referral: r };
  }

  it('moves every visit and referral to the survivor, keeps the duplicate marked merged, and loses nothing', async () => {
    c = await clinic();
    const { kept, dup, visits, referral } = await twoRecordsOfOneChild();
    const before = counts(c);
    const { seq: lastOutbox } = c.sqlite().prepare('SELECT max(seq) AS seq FROM outbox').get() as {
      seq: number;
    };
    const result = await c.manager.ok('patients.merge', {
      survivorId: kept.id,
      mergedId: dup.id,
      survivorVersion: 1,
      mergedVersion: 1,
      reason: 'same child registered twice',
    });
    expect(result.moved).toEqual({ visits: 2, referrals: 1 });
    // Blanks of the survivor are filled from the duplicate; its own values stay.
    expect(result.survivor).toMatchObject({
      givenName: 'Aminata',
      village: 'Heremakono',
      nationalId: 'GN-778-001',
      allergies: 'penicillin',
      version: 2,
    });

    const after = counts(c);
    expect(after.patients).toBe(before.patients);
    expect(after.visits).toBe(before.visits);
    expect(after.referrals).toBe(before.referrals);
    expect(after.patients_fts).toBe(before.patients_fts - 1);

    const chart = await c.manager.ok('patients.chart', { id: kept.id });
    expect(
      chart.timeline
        .filter((t) => t.kind === 'visit')
        .map((t) => t.id)
        .sort(),
    ).toEqual(visits.map((v) => v.id).sort());
    expect(chart.timeline.filter((t) => t.kind === 'referral').map((t) => t.id)).toEqual([referral.id]);
    expect(chart.latestNutrition).toMatchObject({ status: 'SAM', visitId: visits[1]!.id });

    const gone = await c.manager.ok('patients.get', { id: dup.id });
    expect(gone).toMatchObject({ mergedInto: kept.id, voided: false, version: 2, givenName: 'Aminatta' });
    expect((await c.clerk.ok('patients.search', { query: 'aminatta' })).results.map((r) => r.id)).toEqual([
      kept.id,
    ]);
    expect(
      await c.clinician.call('visits.create', { patientId: dup.id, visitDate: '2026-03-10' }),
    ).toMatchObject({ ok: false, code: 'CONFLICT' });

    const moved = await c.manager.ok('visits.get', { id: visits[2]!.id });
    expect(moved).toMatchObject({ patientId: kept.id, version: 2 });
    const { entries } = await c.manager.ok('patients.history', { entity: 'visit', id: visits[2]!.id });
    expect(entries).toMatchObject([
      {
        action: 'moved',
        changes: [{ field: 'patientId', from: dup.id, to: kept.id }],
        reason: 'same child registered twice',
      },
    ]);
    const keptHistory = await c.manager.ok('patients.history', { entity: 'patient', id: kept.id });
    expect(keptHistory.entries.at(-1)).toMatchObject({ action: 'merge', by: c.manager.userId });
    expect(keptHistory.entries.at(-1)!.changes).toContainEqual({
      field: 'mergedFrom',
      from: null,
      to: dup.id,
    });

    const merge = auditActions(c).find((r) => r.action === 'patient.merge')!;
    expect(merge).toMatchObject({ user_id: c.manager.userId, entity_id: kept.id, patient_id: kept.id });
    expect(merge.detail).toBe(`merged=${dup.id} visits=2 referrals=1`);
    const outboxEntities = c
      .sqlite()
      .prepare('SELECT entity, entity_id, version FROM outbox WHERE seq > ? ORDER BY seq')
      .all(lastOutbox);
    expect(outboxEntities).toEqual([
      { entity: 'visit', entity_id: visits[1]!.id, version: 2 },
      { entity: 'visit', entity_id: visits[2]!.id, version: 2 },
      { entity: 'referral', entity_id: referral.id, version: 2 },
      { entity: 'patient', entity_id: dup.id, version: 2 },
      { entity: 'patient', entity_id: kept.id, version: 2 },
    ]);
  });

  it('is a manager’s decision, refuses stale versions and records already merged, and changes nothing when refused', async () => {
    c = await clinic();
    const { kept, dup } = await twoRecordsOfOneChild();
    const input = {
      survivorId: kept.id,
      mergedId: dup.id,
      survivorVersion: 1,
      mergedVersion: 1,
      reason: 'same child',
    };
    const before = counts(c);
    const auditBefore = auditActions(c).length;
    expect(await c.clinician.call('patients.merge', input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await c.manager.call('patients.merge', { ...input, mergedId: kept.id })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fields: [{ path: 'mergedId' }],
    });
    expect(await c.manager.call('patients.merge', { ...input, mergedVersion: 7 })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    expect(counts(c)).toEqual(before);
    // Only the refusal of the clinician's attempt is audited.
    expect(
      auditActions(c)
        .slice(auditBefore)
        .map((r) => r.action),
    ).toEqual(['access.denied']);
    await c.manager.ok('patients.merge', input);
    const again = await c.manager.call('patients.merge', { ...input, survivorVersion: 2, mergedVersion: 2 });
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});
