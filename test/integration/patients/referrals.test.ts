import { afterEach, describe, expect, it } from 'vitest';
import { adult, auditActions, child, clinic, counts, type Clinic } from './support';

describe('facility directory and referrals', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  it('is kept by managers and admins, listed for everyone, searchable by name, district or service', async () => {
    c = await clinic();
    const h = await c.admin.ok('directory.create', {
      name: 'Kissidougou Prefectoral Hospital',
      type: 'hospital',
      phone: '+224 630 00 00 01',
      district: 'Kissidougou',
      services: ['SAM inpatient care', 'blood transfusion'],
    });
    await c.manager.ok('directory.create', {
      name: 'Pharmacie Centrale',
      type: 'pharmacy',
      district: 'Guéckédou',
    });
    expect(await c.clinician.call('directory.create', { name: 'X', type: 'other' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    const names = async (input: { query?: string; type?: 'pharmacy' }) =>
      (await c.clinician.ok('directory.list', input)).facilities.map((f) => f.name);
    expect(await names({})).toEqual(['Kissidougou Prefectoral Hospital', 'Pharmacie Centrale']);
    expect(await names({ query: 'transfusion' })).toEqual(['Kissidougou Prefectoral Hospital']);
    expect(await names({ query: 'gueckedou' })).toEqual(['Pharmacie Centrale']);
    expect(await names({ type: 'pharmacy' })).toEqual(['Pharmacie Centrale']);

    const off = await c.manager.ok('directory.update', {
      id: h.id,
      expectedVersion: 1,
      facility: {
        name: h.name,
        type: 'hospital',
        phone: h.phone,
        district: 'Kissidougou',
        services: h.services,
      },
      active: false,
    });
    expect(off).toMatchObject({ active: false, version: 2 });
    expect(await names({})).toEqual(['Pharmacie Centrale']);
    expect((await c.clinician.ok('directory.list', { includeInactive: true })).facilities).toHaveLength(2);
  });

  it('refers a patient, lists open referrals most urgent first, and closes them with the feedback', async () => {
    c = await clinic();
    const hc = await c.manager.ok('directory.create', {
      name: 'Stabilisation Centre',
      type: 'stabilisation-centre',
      phone: '0631 22 33 44',
    });
    const a = await c.clerk.ok('patients.register', child());
    const b = await c.clerk.ok('patients.register', adult());
    const visit = await c.clinician.ok('visits.create', {
      patientId: a.id,
      visitDate: '2026-03-10',
      muacMm: 108,
      weightKg: 9,
    });
    const r1 = await c.clinician.ok('referrals.create', {
      patientId: b.id,
      toFacilityId: hc.id,
      referralDate: '2026-03-02',
      reason: 'Needs an X-ray',
      urgency: 'routine',
    });
    const r2 = await c.clinician.ok('referrals.create', {
      patientId: a.id,
      visitId: visit.id,
      toFacilityId: hc.id,
      referralDate: '2026-03-10',
      reason: 'SAM with medical complication',
      urgency: 'emergency',
    });
    expect(r2).toMatchObject({
      status: 'open',
      facilityName: 'Stabilisation Centre',
      facilityPhone: '0631 22 33 44',
      visitId: visit.id,
    });
    const open = await c.clinician.ok('referrals.listOpen', {});
    expect(open.total).toBe(2);
    expect(open.referrals.map((r) => [r.id, r.daysOpen, r.patient.registrationNumber])).toEqual([
      [r2.id, 0, a.registrationNumber],
      [r1.id, 8, b.registrationNumber],
    ]);
    expect(auditActions(c).at(-1)).toMatchObject({
      action: 'referral.list',
      detail: `results=2 shown=${a.id},${b.id}`,
    });

    const early = await c.clinician.call('referrals.recordFeedback', {
      id: r2.id,
      expectedVersion: 1,
      feedbackDate: '2026-03-09',
      outcome: 'admitted',
    });
    expect(early).toMatchObject({
      ok: false,
      fields: [{ path: 'feedbackDate', message: 'is before the referral date (2026-03-10)' }],
    });
    const closed = await c.clinician.ok('referrals.recordFeedback', {
      id: r2.id,
      expectedVersion: 1,
      feedbackDate: '2026-03-10',
      outcome: 'admitted',
      notes: 'Admitted to SC, F-75 started',
    });
    expect(closed).toMatchObject({ status: 'closed', feedbackOutcome: 'admitted', version: 2 });
    expect((await c.clinician.ok('referrals.listOpen', {})).referrals.map((r) => r.id)).toEqual([r1.id]);
    const chart = await c.clinician.ok('patients.chart', { id: a.id });
    expect(chart.timeline.map((t) => t.kind)).toEqual(['referral', 'visit']);
    expect(chart.timeline[0]).toMatchObject({ kind: 'referral', status: 'closed', outcome: 'admitted' });
    const { entries } = await c.clinician.ok('patients.history', { entity: 'referral', id: r2.id });
    expect(entries[0]!.changes.map((ch) => ch.field)).toEqual([
      'status',
      'feedbackDate',
      'feedbackOutcome',
      'feedbackNotes',
    ]);
  });

  it('refuses referrals by clerks, to unknown or inactive facilities, in the future, or from another patient’s visit', async () => {
    c = await clinic();
    const hc = await c.manager.ok('directory.create', { name: 'District Hospital', type: 'hospital' });
    const a = await c.clerk.ok('patients.register', child());
    const b = await c.clerk.ok('patients.register', adult());
    const visitOfB = await c.clinician.ok('visits.create', { patientId: b.id, visitDate: '2026-03-10' });
    const base = {
      patientId: a.id,
      toFacilityId: hc.id,
      referralDate: '2026-03-10',
      reason: 'Severe pneumonia',
      urgency: 'urgent' as const,
    };
    const before = counts(c);
    expect(await c.clerk.call('referrals.create', base)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await c.clinician.call('referrals.create', { ...base, toFacilityId: 'nope' })).toMatchObject({
      code: 'NOT_FOUND',
      fields: [{ path: 'toFacilityId' }],
    });
    expect(await c.clinician.call('referrals.create', { ...base, referralDate: '2026-03-12' })).toMatchObject(
      { fields: [{ path: 'referralDate', message: 'is in the future' }] },
    );
    expect(await c.clinician.call('referrals.create', { ...base, visitId: visitOfB.id })).toMatchObject({
      fields: [{ path: 'visitId' }],
    });
    expect(await c.clinician.call('referrals.create', { ...base, reason: '' })).toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'reason', message: 'is required' }],
    });
    expect(counts(c)).toEqual(before);
    const r = await c.clinician.ok('referrals.create', base);
    const voided = await c.clinician.ok('referrals.void', {
      id: r.id,
      expectedVersion: 1,
      reason: 'wrong patient',
    });
    expect(voided).toMatchObject({ voided: true, voidReason: 'wrong patient' });
    expect((await c.clinician.ok('referrals.listOpen', {})).total).toBe(0);
  });
});
