// Hostile and random input through the registration and visit channels (issue 5 acceptance): never an
// unhandled error, nothing changed when refused, exactly what the contract accepted when saved.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { visitFields } from '../../../shared/contract/channels/visits';
import { estimatedBirthDate } from '../../../shared/contract/channels/patient-rules';
import { child, clinic, type Clinic } from './support';
import { phoneRegion, toE164 } from '../../../shared/phones';

const MEGABYTE = 'ن'.repeat(1_048_576);
const hostile = fc.constantFrom(
  "Robert'); DROP TABLE patients;--",
  '" OR 1=1 --',
  '<script>alert("x")</script>',
  '<img src=x onerror=alert(1)>',
  'Ami\u200Bnata',
  '\u202EKamara\u202C',
  '\uFEFFFatoumata\u200D',
  'أمينة كمارا',
  'Zoë Noël-Lefèvre',
  'NEAR(a b) AND {names}: *',
  '\u0000null',
  'line\nbreak',
  '   ',
  '',
  MEGABYTE,
  'x'.repeat(81),
);
const text = fc.oneof(hostile, fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));
const date = fc.oneof(
  fc.constantFrom(
    '2026-03-11',
    '2099-01-01',
    '1890-01-01',
    '2023-02-29',
    '2024-02-29',
    '2026-03-10',
    'yesterday',
    '10/03/2026',
    '',
  ),
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);
const phone = fc.oneof(
  fc.constantFrom(
    '',
    '+224 620 12 34 56',
    '0620-12-34-56',
    '123',
    '\u202A+224 655 00 11 22\u202C',
    "0620'; --",
  ),
  fc.string({ maxLength: 20 }),
);

const hostileRegistration = fc.record(
  {
    givenName: text,
    familyName: text,
    otherNames: text,
    sex: fc.constantFrom('male', 'female', 'other', ''),
    birthDate: date,
    age: fc.record({ years: fc.integer({ min: -2, max: 140 }), months: fc.integer({ min: -1, max: 13 }) }),
    phone,
    village: text,
    nationalId: text,
    caregiverName: text,
    caregiverRelationship: text,
    caregiverPhone: phone,
    caregiverNoPhone: fc.boolean(),
    allergies: text,
    notes: text,
    confirmNotDuplicate: fc.constant(true),
  },
  { requiredKeys: ['givenName', 'familyName', 'sex', 'confirmNotDuplicate'] },
);

/** Registrations that can be valid, with hostile but legal text (scripts, SQL, RTL, invisible characters). */
const validishName = fc.constantFrom(
  'Aminata',
  '<script>alert(1)</script>',
  "Robert'); DROP TABLE patients;--",
  'Ami\u200Bnata',
  '\u202EKamara',
  'أمينة',
  'Zoë',
  "N'Diaye",
);
const saneRegistration = fc.record({
  givenName: validishName,
  familyName: validishName,
  otherNames: fc.oneof(validishName, fc.constant('')),
  sex: fc.constantFrom('male', 'female'),
  birthDate: fc
    .date({ min: new Date('1930-01-01'), max: new Date('2020-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  phone: fc.constantFrom('', '+224 620 12 34 56', '\u202A0655 00 11 22\u202C'),
  village: text,
  notes: text,
  confirmNotDuplicate: fc.constant(true),
});
const registration = fc.oneof(saneRegistration, hostileRegistration);

const number = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: false }),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0, 0.5, 3.2, 9.1, 61, 110, 114.9, 125, 249, 1e308),
  fc.constant(null),
);
const hostileVisit = fc.record(
  {
    visitDate: date,
    type: fc.constantFrom('consultation', 'follow-up', 'growth-monitoring', 'x'),
    weightKg: number,
    lengthCm: number,
    measured: fc.constantFrom('lying', 'standing', null, 'sitting'),
    muacMm: number,
    oedema: fc.constantFrom('none', '+', '++', '+++', 'yes'),
    temperatureC: number,
    pulseBpm: number,
    systolic: number,
    diastolic: number,
    complaints: text,
    diagnoses: fc.array(fc.record({ text, icd10: fc.constantFrom('', 'E43', 'e44.0', 'A0', "B54'--") }), {
      maxLength: 3,
    }),
    medicines: fc.array(fc.record({ name: text, dose: text }), { maxLength: 2 }),
    nextAppointment: fc.oneof(date, fc.constant(null)),
    allergies: text,
    confirmImplausible: fc.boolean(),
  },
  { requiredKeys: ['visitDate'] },
);

/** Mostly-sensible visits (so that many are saved), with hostile free text. */
const saneVisit = fc
  .record({
    visitDate: fc
      .date({ min: new Date('2024-02-14'), max: new Date('2026-03-10'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    type: fc.constantFrom('consultation', 'follow-up', 'growth-monitoring'),
    weightKg: fc.oneof(fc.constant(null), fc.double({ min: 5, max: 16, noNaN: true })),
    lengthCm: fc.oneof(fc.constant(null), fc.double({ min: 60, max: 95, noNaN: true })),
    measured: fc.constantFrom('lying', 'standing', null),
    muacMm: fc.oneof(fc.constant(null), fc.integer({ min: 95, max: 170 })),
    oedema: fc.constantFrom('none', '+', '++', '+++'),
    complaints: text,
    diagnoses: fc.array(
      fc.record({
        text: fc.constantFrom('Malaria', '<script>x</script>', 'Diarrhée aiguë'),
        icd10: fc.constantFrom('', 'E43', 'a09'),
      }),
      { maxLength: 2 },
    ),
    nextAppointment: fc.constant(null),
    // Vitals in their human ranges, so accepted visits carry them (and a vital lost on the way fails).
    temperatureC: fc.oneof(
      fc.constant(null),
      fc.integer({ min: 350, max: 410 }).map((t) => t / 10),
    ),
    pulseBpm: fc.oneof(fc.constant(null), fc.integer({ min: 60, max: 180 })),
    respiratoryRate: fc.oneof(fc.constant(null), fc.integer({ min: 16, max: 70 })),
    bloodPressure: fc.oneof(
      fc.constant(null),
      fc.record({ systolic: fc.integer({ min: 80, max: 160 }), gap: fc.integer({ min: 20, max: 60 }) }),
    ),
    hbGdl: fc.oneof(
      fc.constant(null),
      fc.integer({ min: 50, max: 160 }).map((h) => h / 10),
    ),
    glucoseMmolL: fc.oneof(
      fc.constant(null),
      fc.integer({ min: 30, max: 200 }).map((g) => g / 10),
    ),
    allergies: text,
    confirmImplausible: fc.boolean(),
  })
  .map(({ bloodPressure, ...v }) => ({
    ...v,
    measured: v.lengthCm === null ? null : v.measured,
    systolic: bloodPressure?.systolic ?? null,
    diastolic: bloodPressure ? bloodPressure.systolic - bloodPressure.gap : null,
  }));

/** Every field of a visit as stored, from the contract itself (not the patient-level ones a visit form carries). */
const STORED_VISIT_FIELDS = Object.keys(visitFields.shape).filter(
  (k): k is Exclude<keyof typeof visitFields.shape, 'allergies' | 'confirmImplausible'> =>
    k !== 'allergies' && k !== 'confirmImplausible',
);
const visit = fc.oneof(saneVisit, hostileVisit);

/** Everything a refused call must leave untouched. */
function fingerprint(c: Clinic): string {
  const sqlite = c.sqlite();
  const parts = [
    'patients',
    'patients_fts',
    'visits',
    'record_history',
    'outbox',
    'registration_counters',
    'audit_log',
  ].map((t) => (sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
  const versions = sqlite.prepare('SELECT total(version) AS v FROM patients').get() as { v: number };
  return `${parts.join(',')}|${versions.v}`;
}

describe('hostile input through registration and visits', () => {
  let c: Clinic;
  let childId: string;
  beforeAll(async () => {
    c = await clinic();
    childId = (await c.clerk.ok('patients.register', child())).id;
  });
  afterAll(() => c?.core.dispose());

  it('registration: refusals change nothing, acceptances round-trip exactly', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(registration, async (input) => {
        const before = fingerprint(c);
        const result = await c.core.dispatch('kadi-window', 'patients.register', input);
        if (!result.ok) {
          expect(['VALIDATION', 'CONFLICT']).toContain(result.code);
          expect(result.message.length).toBeLessThan(2000);
          expect(fingerprint(c)).toBe(before);
          return;
        }
        accepted++;
        const expected = contract['patients.register'].input.parse(input);
        const saved = (await c.clerk.ok('patients.get', {
          id: (result.value as { id: string }).id,
        })) as Record<string, unknown>;
        for (const key of [
          'givenName',
          'familyName',
          'otherNames',
          'sex',
          'phone',
          'village',
          'nationalId',
          'caregiverName',
          'caregiverPhone',
          'allergies',
          'notes',
        ] as const) {
          // Phones are stored in E.164 in the facility's country (Guinea in the test facility).
          const want =
            (key === 'phone' || key === 'caregiverPhone') &&
            typeof expected[key] === 'string' &&
            expected[key]
              ? toE164(expected[key], phoneRegion('Guinea'))
              : expected[key];
          expect(saved[key], key).toBe(want);
          // eslint-disable-next-line no-control-regex -- a NUL must never be stored
          expect(String(saved[key])).not.toMatch(/[\u200B\u202A-\u202E\uFEFF\u0000]/);
        }
        expect(saved.birthDate).toBe(
          expected.age ? estimatedBirthDate(expected.age, '2026-03-10') : expected.birthDate,
        );
        const found = await c.clerk.ok('patients.search', { query: String(saved.registrationNumber) });
        expect(found.results.map((r) => r.id)).toContain(saved.id);
      }),
      { numRuns: 250 },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it('visits: refusals change nothing, acceptances round-trip exactly', async () => {
    let accepted = 0;
    const withVitals = { temperatureC: 0, pulseBpm: 0, systolic: 0 };
    await fc.assert(
      fc.asyncProperty(visit, async (input) => {
        const before = fingerprint(c);
        const result = await c.core.dispatch('ibrahim-window', 'visits.create', {
          ...input,
          patientId: childId,
        });
        if (!result.ok) {
          expect(result.code).toBe('VALIDATION');
          expect(result.fields?.length ?? 0).toBeGreaterThan(0);
          expect(fingerprint(c)).toBe(before);
          return;
        }
        accepted++;
        const expected = visitFields.parse(input);
        if (expected.temperatureC !== null) withVitals.temperatureC++;
        if (expected.pulseBpm !== null) withVitals.pulseBpm++;
        if (expected.systolic !== null) withVitals.systolic++;
        const saved = await c.clinician.ok('visits.get', { id: (result.value as { id: string }).id });
        for (const key of STORED_VISIT_FIELDS) {
          expect(saved[key], key).toEqual(expected[key]);
        }
        if (expected.allergies !== undefined) {
          expect((await c.clinician.ok('patients.get', { id: childId })).allergies).toBe(expected.allergies);
        }
      }),
      { numRuns: 250 },
    );
    expect(accepted).toBeGreaterThan(0);
    expect(STORED_VISIT_FIELDS).toEqual(expect.arrayContaining(['temperatureC', 'pulseBpm', 'hbGdl']));
    for (const [vital, n] of Object.entries(withVitals)) expect(n, vital).toBeGreaterThan(5);
  });

  it('any value at all as the input of any patient channel is answered, never thrown', async () => {
    const channels = [
      'patients.register',
      'patients.search',
      'patients.update',
      'patients.merge',
      'visits.create',
      'visits.update',
      'referrals.create',
      'imports.patientsPreview',
      'patients.checkDuplicates',
      'documents.attach',
      'documents.list',
      'documents.open',
      'documents.void',
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels), fc.anything(), async (channel, input) => {
        const result = await c.core.dispatch('mariam-window', channel, input);
        if (!result.ok) expect(result.code).not.toBe('INTERNAL');
      }),
      { numRuns: 300 },
    );
  });
});
