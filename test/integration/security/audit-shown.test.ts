import { afterEach, describe, expect, it } from 'vitest';
import { adult, auditActions, child, clinic, type Clinic } from '../patients/support';

const HEADER =
  'given_name,family_name,sex,birth_date,age_years,phone,village,caregiver_name,caregiver_relationship,caregiver_phone';

/** Issue 15 item 10: a list is audited with the patients it showed (ids, never the query); so is audit.list. */
describe('read audit of the patients a list showed', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  const last = () => auditActions(c).at(-1)!;

  it('search, duplicate check, open referrals and import preview name the patients shown', async () => {
    c = await clinic();
    const a = await c.clerk.ok('patients.register', child());
    const b = await c.clerk.ok('patients.register', {
      ...child({
        familyName: 'Conde',
        birthDate: '2021-01-05',
        village: 'Firawa',
        caregiverName: 'Awa Conde',
      }),
      caregiverPhone: '',
      confirmNotDuplicate: true,
    });
    const other = await c.clerk.ok('patients.register', adult());

    const found = await c.clinician.ok('patients.search', { query: 'Aminata' });
    expect(found.results.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    const search = last();
    expect(search).toMatchObject({ action: 'patient.search', user_id: c.clinician.userId });
    expect(search.detail).toBe(`results=2 shown=${found.results.map((r) => r.id).join(',')}`);
    expect(search.detail).not.toContain(other.id);
    expect(JSON.stringify(auditActions(c))).not.toContain('Aminata');

    const dupes = await c.clerk.ok('patients.checkDuplicates', child());
    expect(dupes.candidates.length).toBeGreaterThan(0);
    expect(last()).toMatchObject({
      action: 'patient.duplicate-check',
      detail: `candidates=${dupes.candidates.length} shown=${dupes.candidates.map((d) => d.patient.id).join(',')}`,
    });

    const hc = await c.admin.ok('directory.create', { name: 'Stabilisation Centre', type: 'hospital' });
    await c.clinician.ok('referrals.create', {
      patientId: other.id,
      toFacilityId: hc.id,
      referralDate: '2026-03-10',
      reason: 'Needs an X-ray',
      urgency: 'routine',
    });
    await c.clinician.ok('referrals.listOpen', {});
    expect(last()).toMatchObject({ action: 'referral.list', detail: `results=1 shown=${other.id}` });

    const csv = [HEADER, 'Aminata,Kamara,F,2024-02-14,,,Heremakono,Fatoumata Kamara,mother,0620123456'].join(
      '\r\n',
    );
    const preview = await c.clerk.ok('imports.patientsPreview', { csv });
    const shown = [...new Set(preview.duplicates.flatMap((d) => d.candidates.map((x) => x.patient.id)))];
    expect(shown).toContain(a.id);
    expect(last()).toMatchObject({
      action: 'patient.import-preview',
      detail: `rows=1 errors=0 shown=${shown.join(',')}`,
    });

    // An empty list names nobody.
    await c.clinician.ok('patients.search', { query: 'Nobody Here' });
    expect(last()).toMatchObject({ action: 'patient.search', detail: 'results=0' });

    // "Who saw this patient?": the audit filter by patient finds the lists that showed them.
    const seen = await c.manager.ok('audit.list', { patientId: other.id });
    const actions = seen.rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['referral.list']));
    expect(seen.rows.filter((r) => r.action === 'patient.search')).toEqual([]);
    const seenA = await c.manager.ok('audit.list', { patientId: a.id });
    expect(seenA.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['patient.search', 'patient.duplicate-check', 'patient.import-preview']),
    );
  });

  it('reading the audit trail is itself audited, with its filters and row count', async () => {
    c = await clinic();
    const a = await c.clerk.ok('patients.register', child());
    const page = await c.manager.ok('audit.list', { patientId: a.id, limit: 50 });
    expect(last()).toEqual({
      action: 'audit.list',
      entity_id: null,
      patient_id: null,
      detail: `${page.rows.length} rows; patientId=${a.id}`,
      user_id: c.manager.userId,
    });
    await c.admin.ok('audit.list', {});
    expect(last()).toMatchObject({ action: 'audit.list', user_id: c.admin.userId, detail: /^\d+ rows$/ });
  });
});
