import { afterEach, describe, expect, it } from 'vitest';
import { describeFailure, translateFieldError } from '../../../shared/i18n';
import type { Failure } from '../../../shared/contract';
import { adult, child, clinic, type Clinic } from '../../integration/patients/support';

/**
 * Every failure the patient, visit, referral and import channels give — core messages and field messages — has
 * French words (issue 5 §9). The failures come from the real core, so a reworded English message fails here.
 */
describe('patient registry failures in French', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  it('translates every field message and core message the channels produce', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', child());
    const other = await c.clerk.ok('patients.register', adult());
    const hc = await c.manager.ok('directory.create', { name: 'Hôpital', type: 'hospital' });
    const v = await c.clinician.ok('visits.create', { patientId: p.id, visitDate: '2026-03-10' });
    const visitOfOther = await c.clinician.ok('visits.create', {
      patientId: other.id,
      visitDate: '2026-03-10',
    });
    const r = await c.clinician.ok('referrals.create', {
      patientId: p.id,
      toFacilityId: hc.id,
      referralDate: '2026-03-10',
      reason: 'x',
      urgency: 'urgent',
    });
    const failures: Failure[] = [];
    const add = (result: { ok: boolean }) => {
      expect(result.ok).toBe(false);
      failures.push(result as Failure);
    };
    add(
      await c.clerk.call(
        'patients.register',
        child({ caregiverName: '', caregiverRelationship: '', caregiverPhone: '12' }),
      ),
    );
    add(
      await c.clerk.call('patients.register', {
        ...adult({ birthDate: '2030-01-01' }),
        age: { years: 3, months: 0 },
      }),
    );
    add(await c.clerk.call('patients.register', adult({ birthDate: '1850-01-01' })));
    add(await c.clerk.call('patients.register', adult({ birthDate: undefined })));
    add(await c.clerk.call('patients.register', child()));
    add(await c.clerk.call('patients.update', { id: p.id, expectedVersion: 9, patient: child() }));
    add(
      await c.colleague.call('patients.update', {
        id: p.id,
        expectedVersion: 1,
        patient: child({ givenName: 'X' }),
      }),
    );
    add(await c.clerk.call('patients.void', { id: p.id, expectedVersion: 1, reason: 'oops' }));
    add(await c.clerk.call('patients.get', { id: 'missing' }));
    add(
      await c.manager.call('patients.merge', {
        survivorId: p.id,
        mergedId: p.id,
        survivorVersion: 1,
        mergedVersion: 1,
        reason: 'same',
      }),
    );
    add(
      await c.clinician.call('visits.create', {
        patientId: p.id,
        visitDate: '2026-03-11',
        weightKg: 75,
        lengthCm: 10,
        measured: 'lying',
        systolic: 90,
      }),
    );
    add(
      await c.clinician.call('visits.create', {
        patientId: p.id,
        visitDate: '2020-01-01',
        nextAppointment: '2019-01-01',
      }),
    );
    add(
      await c.clinician.call('visits.create', {
        patientId: p.id,
        visitDate: '2026-03-10',
        nextAppointment: '2029-01-01',
        diagnoses: [{ text: 'x', icd10: 'zz' }],
        systolic: 80,
        diastolic: 90,
        pulseBpm: 999,
        temperatureC: 10,
      }),
    );
    add(
      await c.clinician.call('visits.create', {
        patientId: p.id,
        visitDate: '2026-03-10',
        weightKg: 3,
        lengthCm: 84,
        measured: 'lying',
      }),
    );
    add(await c.clinician.call('visits.create', { patientId: p.id, visitDate: '2026-03-10', muacMm: 300 }));
    add(await c.clinician.call('visits.get', { id: 'missing' }));
    add(
      await c.clinician.call('referrals.create', {
        patientId: p.id,
        toFacilityId: 'missing',
        referralDate: '2026-03-10',
        reason: 'x',
        urgency: 'urgent',
      }),
    );
    add(
      await c.clinician.call('referrals.create', {
        patientId: p.id,
        visitId: visitOfOther.id,
        toFacilityId: hc.id,
        referralDate: '2026-03-10',
        reason: 'x',
        urgency: 'urgent',
      }),
    );
    add(
      await c.clinician.call('referrals.recordFeedback', {
        id: r.id,
        expectedVersion: 1,
        feedbackDate: '2026-03-01',
        outcome: 'admitted',
      }),
    );
    add(await c.clerk.call('imports.patientsPreview', { csv: '' }));
    add(await c.clerk.call('imports.patientsCommit', { csv: 'a', fileHash: 'x' }));
    add(await c.clerk.call('imports.patientsCommit', { csv: 'a', fileHash: '0'.repeat(64) }));
    const preview = await c.clerk.ok('imports.patientsPreview', {
      csv: 'given_name,family_name,sex,birth_date,age_months,caregiver_no_phone,whatever\nA,B,Z,31/02/2020,3,maybe,\n',
    });
    await c.clinician.ok('visits.void', { id: v.id, expectedVersion: 1, reason: 'wrong' });
    add(await c.clinician.call('visits.void', { id: v.id, expectedVersion: 2, reason: 'wrong' }));

    const fieldMessages = new Set([
      ...failures.flatMap((f) => (f.fields ?? []).map((x) => x.message)),
      ...preview.errors.map((e) => e.message),
    ]);
    expect(fieldMessages.size).toBeGreaterThan(30);
    const untranslated = [...fieldMessages].filter((m) => translateFieldError('fr', m) === m);
    expect(untranslated).toEqual([]);
    const coreUntranslated = failures
      .filter((f) => !(f.code === 'VALIDATION' && f.fields?.length))
      .filter((f) => describeFailure('fr', f).detail !== undefined)
      .map((f) => f.message);
    expect(coreUntranslated).toEqual([]);
  });
});
