import { afterEach, describe, expect, it } from 'vitest';
import { adult, auditActions, child, clinic, counts, type Clinic } from './support';

describe('registration', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  it('assigns facility registration numbers in order and writes the patient, its search entry, outbox and audit', async () => {
    c = await clinic();
    const a = await c.clerk.ok('patients.register', child());
    const b = await c.clerk.ok('patients.register', adult());
    expect(a.registrationNumber).toBe('KSD-01-2026-00001');
    expect(b.registrationNumber).toBe('KSD-01-2026-00002');
    expect(a).toMatchObject({
      givenName: 'Aminata',
      familyName: 'Kamara',
      birthDate: '2024-02-14',
      birthDateEstimated: false,
      caregiverPhone: '+224620123456', // typed '+224 620 12 34 56', stored in E.164
      registeredOn: '2026-03-10',
      version: 1,
      voided: false,
      mergedInto: null,
      createdBy: c.clerk.userId,
    });
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(counts(c)).toMatchObject({ patients: 2, patients_fts: 2 });
    const queued = c.sqlite().prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'patient'").get();
    expect(queued).toEqual({ n: 2 });
    const created = auditActions(c).filter((r) => r.action === 'patient.create');
    expect(created.map((r) => r.patient_id)).toEqual([a.id, b.id]);
    const outbox = c.sqlite().prepare('SELECT payload FROM outbox WHERE entity_id = ?').get(a.id) as {
      payload: string;
    };
    expect(JSON.parse(outbox.payload)).toMatchObject({
      id: a.id,
      registrationNumber: a.registrationNumber,
      version: 1,
    });
    expect(JSON.parse(outbox.payload)).not.toHaveProperty('searchRowid');
  });

  it('stores an age as an estimated birth date, marked so', async () => {
    c = await clinic();
    const p = await c.clerk.ok(
      'patients.register',
      adult({ birthDate: undefined, age: { years: 34, months: 3 } }),
    );
    expect(p).toMatchObject({ birthDate: '1991-12-10', birthDateEstimated: true });
    const chart = await c.clerk.ok('patients.chart', { id: p.id });
    expect(chart.age).toEqual({ years: 34, months: 3, days: 0 });
  });

  it('requires the caregiver of a child under 5, names each missing field, and saves nothing', async () => {
    c = await clinic();
    const before = counts(c);
    const result = await c.clerk.call(
      'patients.register',
      child({ caregiverName: '', caregiverRelationship: '', caregiverPhone: '' }),
    );
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (result.ok) return;
    expect(result.fields?.map((f) => f.path).sort()).toEqual([
      'caregiverName',
      'caregiverPhone',
      'caregiverRelationship',
    ]);
    expect(result.fields?.[0]?.message).toContain('under 5');
    expect(counts(c)).toEqual(before);
    const noPhone = await c.clerk.ok(
      'patients.register',
      child({ caregiverPhone: '', caregiverNoPhone: true }),
    );
    expect(noPhone.caregiverNoPhone).toBe(true);
  });

  it('refuses a birth date in the future or an impossible one, naming the field', async () => {
    c = await clinic();
    const future = await c.clerk.call('patients.register', adult({ birthDate: '2026-03-11' }));
    expect(future).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fields: [{ path: 'birthDate', message: 'is in the future' }],
    });
    const unreal = await c.clerk.call('patients.register', adult({ birthDate: '2023-02-30' }));
    expect(unreal).toMatchObject({ ok: false, code: 'VALIDATION', fields: [{ path: 'birthDate' }] });
    const both = await c.clerk.call('patients.register', adult({ age: { years: 3, months: 0 } }));
    expect(both).toMatchObject({ ok: false, fields: [{ path: 'age' }] });
    const neither = await c.clerk.call('patients.register', adult({ birthDate: undefined }));
    expect(neither).toMatchObject({
      ok: false,
      fields: [{ path: 'birthDate', message: 'give the date of birth or the age' }],
    });
    expect(counts(c).patients).toBe(0);
  });

  it('keeps patient records from roles without patient rights', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', adult());
    for (const who of [c.admin, c.researcher]) {
      expect(await who.call('patients.search', { query: 'diallo' })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
      expect(await who.call('patients.get', { id: p.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await who.call('patients.register', adult())).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(counts(c).patients).toBe(1);
  });
});

describe('duplicate safety', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  it('warns before registering the same child again and registers only after confirmation', async () => {
    c = await clinic();
    const first = await c.clerk.ok('patients.register', child());
    // Spelling variant, names in the other order, caregiver phone written differently.
    const again = child({ givenName: 'Kamara', familyName: 'Aminatta', caregiverPhone: '0620123456' });
    const { candidates } = await c.clerk.ok('patients.checkDuplicates', again);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({
      likely: true,
      patient: { id: first.id, registrationNumber: 'KSD-01-2026-00001' },
    });
    expect(candidates[0]!.reasons).toEqual([
      'same-name',
      'same-birth-date',
      'same-caregiver-phone',
      'same-caregiver',
    ]);
    expect(candidates[0]!.score).toBeGreaterThanOrEqual(60);

    const refused = await c.clerk.call('patients.register', again);
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT', fields: [{ path: 'confirmNotDuplicate' }] });
    if (!refused.ok) expect(refused.fields?.[0]?.message).toContain('KSD-01-2026-00001');
    expect(counts(c).patients).toBe(1);
    const twin = await c.clerk.ok('patients.register', { ...again, confirmNotDuplicate: true });
    expect(twin.registrationNumber).toBe('KSD-01-2026-00002');
  });

  it('finds spelling variants of West African names in any order (Camara/Kamara, Diallo/Jalloh, Mohamed/Muhammad)', async () => {
    c = await clinic();
    await c.clerk.ok('patients.register', adult({ givenName: 'Mohamed', familyName: 'Camara', phone: '' }));
    await c.clerk.ok(
      'patients.register',
      adult({ givenName: 'Alpha', familyName: 'Diallo', birthDate: '1990-01-01', phone: '' }),
    );
    const m = await c.clerk.ok('patients.checkDuplicates', {
      givenName: 'Kamara',
      familyName: 'Muhammad',
      birthDate: '1988-06-20',
      sex: 'male',
    });
    expect(m.candidates.map((x) => x.patient.familyName)).toEqual(['Camara']);
    expect(m.candidates[0]!.reasons).toEqual(['similar-name', 'close-birth-date']);
    const d = await c.clerk.ok('patients.checkDuplicates', {
      givenName: 'Alfa',
      familyName: 'Jalloh',
      birthDate: '1990-01-01',
    });
    expect(d.candidates.map((x) => x.patient.familyName)).toEqual(['Diallo']);
  });

  it('does not flag a different person who only shares a common name and lives decades apart in age', async () => {
    c = await clinic();
    await c.clerk.ok(
      'patients.register',
      adult({ givenName: 'Mamadou', familyName: 'Diallo', birthDate: '1950-01-01', phone: '' }),
    );
    const { candidates } = await c.clerk.ok('patients.checkDuplicates', {
      givenName: 'Mamadou',
      familyName: 'Diallo',
      birthDate: '2001-05-05',
    });
    expect(candidates).toEqual([]);
    const sameName = await c.clerk.ok('patients.register', adult({ birthDate: '2001-05-05', phone: '' }));
    expect(sameName.registrationNumber).toBe('KSD-01-2026-00002');
  });

  it('audits the duplicate check without patient text', async () => {
    c = await clinic();
    await c.clerk.ok('patients.checkDuplicates', { givenName: 'Secret', familyName: 'Name' });
    const row = auditActions(c).at(-1)!;
    expect(row).toMatchObject({
      action: 'patient.duplicate-check',
      detail: 'candidates=0',
      user_id: c.clerk.userId,
    });
  });
});
