import { afterEach, describe, expect, it } from 'vitest';
import { child, clinic, type Clinic } from '../patients/support';

// Every write of a visit or a referral queues its new version for the server in the same transaction: one
// outbox row per entity and write kind (create, correct, void, merge). The payload's shape belongs to the sync
// module; these tests pin the row and its version.
describe('outbox rows of visits and referrals', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  function outboxOf(entity: string, id: string): number[] {
    return (
      c
        .sqlite()
        .prepare('SELECT version FROM outbox WHERE entity = ? AND entity_id = ? ORDER BY seq')
        .all(entity, id) as { version: number }[]
    ).map((r) => r.version);
  }

  async function twoChildren() {
    const kept = await c.clerk.ok('patients.register', child());
    const dup = await c.clerk.ok('patients.register', {
      ...child({ givenName: 'Aminatta' }),
      confirmNotDuplicate: true,
    });
    return { kept, dup };
  }

  it('queues a visit on create, correction, void and merge, each at the version it stored', async () => {
    c = await clinic();
    const { kept, dup } = await twoChildren();
    const v = await c.clinician.ok('visits.create', {
      patientId: dup.id,
      visitDate: '2026-03-09',
      weightKg: 10,
    });
    expect(outboxOf('visit', v.id)).toEqual([1]);

    const corrected = await c.clinician.ok('visits.update', {
      id: v.id,
      expectedVersion: 1,
      visit: { visitDate: '2026-03-09', weightKg: 10.4 },
    });
    expect(corrected.version).toBe(2);
    expect(outboxOf('visit', v.id)).toEqual([1, 2]);

    const other = await c.clinician.ok('visits.create', { patientId: dup.id, visitDate: '2026-03-08' });
    const voided = await c.clinician.ok('visits.void', {
      id: other.id,
      expectedVersion: 1,
      reason: 'wrong child',
    });
    expect(voided.version).toBe(2);
    expect(outboxOf('visit', other.id)).toEqual([1, 2]);

    await c.manager.ok('patients.merge', {
      survivorId: kept.id,
      mergedId: dup.id,
      survivorVersion: 1,
      mergedVersion: 1,
      reason: 'same child',
    });
    expect(outboxOf('visit', v.id)).toEqual([1, 2, 3]);
    expect(outboxOf('visit', other.id)).toEqual([1, 2, 3]);
    expect((await c.manager.ok('visits.get', { id: v.id })).version).toBe(3);
  });

  it('queues a referral on create, feedback (its correction), void and merge', async () => {
    c = await clinic();
    const { kept, dup } = await twoChildren();
    const hospital = await c.manager.ok('directory.create', {
      name: 'Prefectoral Hospital',
      type: 'hospital',
    });
    const referral = (reason: string) =>
      c.clinician.ok('referrals.create', {
        patientId: dup.id,
        toFacilityId: hospital.id,
        referralDate: '2026-03-09',
        reason,
        urgency: 'urgent',
      });
    const r = await referral('SAM with complications');
    expect(outboxOf('referral', r.id)).toEqual([1]);

    const closed = await c.clinician.ok('referrals.recordFeedback', {
      id: r.id,
      expectedVersion: 1,
      feedbackDate: '2026-03-10',
      outcome: 'admitted',
      notes: '',
    });
    expect(closed.version).toBe(2);
    expect(outboxOf('referral', r.id)).toEqual([1, 2]);

    const other = await referral('entered twice');
    await c.clinician.ok('referrals.void', { id: other.id, expectedVersion: 1, reason: 'entered twice' });
    expect(outboxOf('referral', other.id)).toEqual([1, 2]);

    await c.manager.ok('patients.merge', {
      survivorId: kept.id,
      mergedId: dup.id,
      survivorVersion: 1,
      mergedVersion: 1,
      reason: 'same child',
    });
    expect(outboxOf('referral', r.id)).toEqual([1, 2, 3]);
    expect(outboxOf('referral', other.id)).toEqual([1, 2, 3]);
  });
});
