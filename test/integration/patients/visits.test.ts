import { afterEach, describe, expect, it } from 'vitest';
import { computeAnthropometry } from '../../../shared/clinical';
import { adult, auditActions, child, clinic, counts, type Clinic } from './support';

describe('visits', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  it('computes and stores the WHO z-scores and the nutrition status itself', async () => {
    c = await clinic();
    // A boy of about 9 months (CLINICAL.md §1 test vector: 65.0 cm lying, 5.6 kg → WHZ −3.30).
    const p = await c.clerk.ok(
      'patients.register',
      child({ givenName: 'Sekou', sex: 'male', birthDate: '2025-06-01' }),
    );
    const v = await c.clinician.ok('visits.create', {
      patientId: p.id,
      visitDate: '2026-03-10',
      type: 'nutrition-screening',
      weightKg: 5.6,
      lengthCm: 65,
      measured: 'lying',
      muacMm: 118,
      oedema: 'none',
      confirmImplausible: false,
    });
    const expected = computeAnthropometry({
      sex: 'male',
      birthDate: '2025-06-01',
      visitDate: '2026-03-10',
      weightKg: 5.6,
      lengthCm: 65,
      measured: 'lying',
      muacMm: 118,
    });
    expect(v.whz).toBe(-3.3);
    expect(v).toMatchObject({
      ageDays: 282,
      whz: expected.whz,
      waz: expected.waz,
      haz: expected.haz,
      muacz: expected.muacz,
      lengthUsedCm: 65,
      nutritionStatus: 'SAM',
      nutritionCriteria: ['whz-sam', 'muac-mam'],
      clinicianId: c.clinician.userId,
      clinicianName: 'ibrahim test',
    });
    expect(await c.clinician.ok('visits.get', { id: v.id })).toEqual(v);
    const created = auditActions(c).find((r) => r.action === 'visit.create')!;
    expect(created).toMatchObject({ entity_id: v.id, patient_id: p.id, user_id: c.clinician.userId });
    const read = auditActions(c).at(-1)!;
    expect(read).toMatchObject({ action: 'visit.read', entity_id: v.id, patient_id: p.id });
  });

  it('never takes z-scores from the caller', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', child());
    const forged = await c.clinician.call('visits.create', {
      patientId: p.id,
      visitDate: '2026-03-10',
      weightKg: 10,
      whz: 0,
      nutritionStatus: 'normal',
    } as never);
    expect(forged).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fields: [{ path: '', message: 'has unexpected field(s): whz, nutritionStatus' }],
    });
    expect(counts(c).visits).toBe(0);
  });

  it('classifies MUAC 110 mm as SAM and shows it on the chart with the growth points', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', child());
    await c.clinician.ok('visits.create', {
      patientId: p.id,
      visitDate: '2026-02-10',
      weightKg: 9.4,
      lengthCm: 80.5,
      measured: 'lying',
      muacMm: 121,
    });
    const v = await c.clinician.ok('visits.create', {
      patientId: p.id,
      visitDate: '2026-03-10',
      weightKg: 9.1,
      lengthCm: 81,
      measured: 'lying',
      muacMm: 110,
    });
    expect(v).toMatchObject({
      nutritionStatus: 'SAM',
      nutritionCriteria: expect.arrayContaining(['muac-sam']),
    });
    const chart = await c.clinician.ok('patients.chart', { id: p.id });
    expect(chart.latestNutrition).toMatchObject({ status: 'SAM', visitId: v.id, muacMm: 110 });
    expect(chart.underFive).toBe(true);
    expect(chart.growth.map((g) => [g.date, g.weightKg, g.table])).toEqual([
      ['2026-02-10', 9.4, 'wfl'],
      ['2026-03-10', 9.1, 'wfh'],
    ]);
    expect(chart.timeline.map((t) => t.date)).toEqual(['2026-03-10', '2026-02-10']);
    const home = await c.clinician.ok('home.summary', {});
    expect(home.counts).toMatchObject({ patients: 1, visitsToday: 1, openReferrals: 0 });
  });

  it('asks for confirmation of implausible values and refuses impossible ones, naming the field and why', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', child());
    const before = counts(c);
    const implausible = await c.clinician.call('visits.create', {
      patientId: p.id,
      visitDate: '2026-03-10',
      weightKg: 3.2,
      lengthCm: 84,
      measured: 'lying',
    });
    expect(implausible).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (implausible.ok) return;
    const paths = implausible.fields!.map((f) => f.path);
    expect(paths).toContain('weightKg');
    expect(paths).toContain('confirmImplausible');
    expect(implausible.fields!.find((f) => f.path === 'weightKg')!.message).toMatch(
      /z-score of −\d+(\.\d+)?, outside −5 to \+5/,
    );
    expect(counts(c)).toEqual(before);
    const confirmed = await c.clinician.ok('visits.create', {
      patientId: p.id,
      visitDate: '2026-03-10',
      weightKg: 3.2,
      lengthCm: 84,
      measured: 'lying',
      confirmImplausible: true,
    });
    expect(confirmed.implausibleConfirmed).toEqual(expect.arrayContaining(['whz']));

    const impossible = await c.clinician.call('visits.create', {
      patientId: p.id,
      visitDate: '2026-03-10',
      weightKg: 75,
      confirmImplausible: true,
    });
    expect(impossible).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fields: [
        {
          path: 'weightKg',
          message: 'is impossible for a child under 5: it must be more than 0.5 and at most 60 kg',
        },
      ],
    });
    const muac = await c.clinician.call('visits.create', {
      patientId: p.id,
      visitDate: '2026-03-10',
      muacMm: 40,
    });
    expect(muac).toMatchObject({ ok: false, code: 'VALIDATION', fields: [{ path: 'muacMm' }] });
  });

  it('refuses a visit in the future or before birth, and a next appointment before the visit', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', child());
    const before = counts(c);
    expect(
      await c.clinician.call('visits.create', { patientId: p.id, visitDate: '2026-03-11' }),
    ).toMatchObject({ ok: false, fields: [{ path: 'visitDate', message: 'is in the future' }] });
    expect(
      await c.clinician.call('visits.create', { patientId: p.id, visitDate: '2024-01-01' }),
    ).toMatchObject({
      ok: false,
      fields: [{ path: 'visitDate', message: "is before the patient's date of birth (2024-02-14)" }],
    });
    expect(
      await c.clinician.call('visits.create', {
        patientId: p.id,
        visitDate: '2026-03-10',
        nextAppointment: '2026-03-09',
      }),
    ).toMatchObject({ ok: false, fields: [{ path: 'nextAppointment' }] });
    expect(
      await c.clinician.call('visits.create', {
        patientId: p.id,
        visitDate: '2026-03-10',
        systolic: 80,
        diastolic: 95,
      }),
    ).toMatchObject({ ok: false, fields: [{ path: 'diastolic' }] });
    expect(counts(c)).toEqual(before);
  });

  it('records an adult visit with vitals, diagnoses and medicines, without child z-scores', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', adult());
    const v = await c.clinician.ok('visits.create', {
      patientId: p.id,
      visitDate: '2026-03-10',
      weightKg: 72.5,
      lengthCm: 171,
      measured: 'standing',
      temperatureC: 38.4,
      pulseBpm: 96,
      respiratoryRate: 18,
      systolic: 135,
      diastolic: 85,
      hbGdl: 12.1,
      glucoseMmolL: 5.4,
      complaints: 'Fever for 3 days\r\nheadache',
      diagnoses: [{ text: 'Malaria, uncomplicated', icd10: 'b54' }],
      medicines: [{ name: 'Artemether-lumefantrine', dose: '4 tablets twice daily, 3 days' }],
      nextAppointment: '2026-03-13',
    });
    expect(v).toMatchObject({
      whz: null,
      waz: null,
      nutritionStatus: null,
      anthropometryFlags: ['age-60-months-or-more'],
      complaints: 'Fever for 3 days\nheadache',
      diagnoses: [{ text: 'Malaria, uncomplicated', icd10: 'B54' }],
    });
    const bad = await c.clinician.call('visits.create', {
      patientId: p.id,
      visitDate: '2026-03-10',
      diagnoses: [{ text: 'x', icd10: 'malaria' }],
    });
    expect(bad).toMatchObject({
      ok: false,
      fields: [{ path: 'diagnoses.0.icd10', message: 'must be an ICD-10 code like E43 or E44.0' }],
    });
  });

  it('updates the patient’s allergies from the visit form, with history, and leaves them alone when not given', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', adult({ allergies: 'penicillin' }));
    await c.clinician.ok('visits.create', { patientId: p.id, visitDate: '2026-03-10' });
    expect((await c.clinician.ok('patients.get', { id: p.id })).allergies).toBe('penicillin');
    await c.clinician.ok('visits.create', {
      patientId: p.id,
      visitDate: '2026-03-10',
      allergies: 'penicillin, sulfa drugs',
    });
    const after = await c.clinician.ok('patients.get', { id: p.id });
    expect(after).toMatchObject({ allergies: 'penicillin, sulfa drugs', version: 2 });
    const { entries } = await c.clinician.ok('patients.history', { entity: 'patient', id: p.id });
    expect(entries[0]!.changes).toEqual([
      { field: 'allergies', from: 'penicillin', to: 'penicillin, sulfa drugs' },
    ]);
  });

  it('lets clerks record visits but not referrals; researchers neither', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', adult());
    expect((await c.clerk.call('visits.create', { patientId: p.id, visitDate: '2026-03-10' })).ok).toBe(true);
    expect(
      await c.researcher.call('visits.create', { patientId: p.id, visitDate: '2026-03-10' }),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});
