import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/clinical';
import type { OutcomeInput } from '../../../shared/contract/channels/pregnancy';
import { byLmp, clinic, counts, DAY, START, woman, type Clinic } from './support';

describe('delivery, other endings and postnatal care', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  it('twins: closes the pregnancy and registers two babies linked to the mother, birth weight first', async () => {
    c = await clinic();
    const w = await c.clerk.ok('patients.register', woman());
    const p = await c.clinician.ok(
      'pregnancy.register',
      byLmp(w.id, START, 266, { multiplePregnancy: true }),
    );
    const detail = await c.clinician.ok('pregnancy.recordOutcome', {
      id: p.id,
      expectedVersion: 1,
      outcome: {
        type: 'delivery',
        date: START,
        place: 'this-facility',
        mode: 'vaginal',
        attendant: 'Midwife Sow',
        babies: [
          { outcome: 'live-birth', sex: 'female', weightKg: 2.4 },
          { outcome: 'live-birth', sex: 'male', weightKg: 2.1, givenName: 'Alpha' },
        ],
      },
    });
    expect(detail.pregnancy).toMatchObject({
      status: 'closed',
      outcomeType: 'delivery',
      outcomeDate: START,
      nextContactDate: null,
      missedFrom: null,
    });
    expect(detail.births).toHaveLength(2);
    for (const [i, b] of detail.births.entries()) {
      expect(b.babyPatientId).not.toBeNull();
      const baby = await c.clinician.ok('patients.get', { id: b.babyPatientId! });
      expect(baby).toMatchObject({
        givenName: i === 0 ? 'Baby 1' : 'Alpha',
        familyName: 'Camara',
        birthDate: START,
        caregiverName: 'Mariama Camara',
        caregiverRelationship: 'mother',
        caregiverPhone: '+224622334455', // the mother's phone, in E.164
      });
      const chart = await c.clinician.ok('patients.chart', { id: baby.id });
      expect(chart.growth[0]).toMatchObject({ weightKg: i === 0 ? 2.4 : 2.1, ageDays: 0 });
    }
    const link = c
      .sqlite()
      .prepare('SELECT count(*) AS n FROM pregnancy_births WHERE mother_id = ?')
      .get(w.id);
    expect(link).toEqual({ n: 2 });
    expect((await c.clinician.ok('patients.chart', { id: w.id })).pregnancy).toBeNull();
    // Closed: no more antenatal contacts, and a new pregnancy may be registered.
    expect(
      await c.clinician.call('pregnancy.recordContact', { pregnancyId: p.id, contactDate: START }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(detail.postnatalPlan.map((w) => w.from)).toEqual([
      START,
      addDays(START, 2),
      addDays(START, 7),
      addDays(START, 42),
    ]);
  });

  it('a stillbirth registers no patient; a miscarriage closes with its reason', async () => {
    c = await clinic();
    const w = await c.clerk.ok('patients.register', woman());
    const p = await c.clinician.ok('pregnancy.register', byLmp(w.id, START, 250));
    const patientsBefore = counts(c).patients;
    const d = await c.clinician.ok('pregnancy.recordOutcome', {
      id: p.id,
      expectedVersion: 1,
      outcome: {
        type: 'delivery',
        date: START,
        place: 'home',
        mode: 'vaginal',
        babies: [{ outcome: 'stillbirth', weightKg: 2.0 }],
      },
    });
    expect(d.births).toEqual([expect.objectContaining({ outcome: 'stillbirth', babyPatientId: null })]);
    expect(counts(c).patients).toBe(patientsBefore);
    const q = await c.clinician.ok('pregnancy.register', byLmp(w.id, START, 60, { gravida: 3, para: 2 }));
    const m = await c.clinician.ok('pregnancy.recordOutcome', {
      id: q.id,
      expectedVersion: 1,
      outcome: { type: 'miscarriage', date: START, reason: 'bleeding at 8 weeks' },
    });
    expect(m.pregnancy).toMatchObject({
      status: 'closed',
      outcomeType: 'miscarriage',
      outcomeReason: 'bleeding at 8 weeks',
    });
    const history = await c.clinician.ok('pregnancy.history', { entity: 'pregnancy', id: q.id });
    expect(history.entries.at(-1)!.changes).toContainEqual({ field: 'status', from: 'active', to: 'closed' });
    const bad = await c.clinician.call('pregnancy.recordOutcome', {
      id: p.id,
      expectedVersion: 2,
      outcome: { type: 'moved', date: START, reason: '' },
    });
    expect(bad).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('refuses a live birth without sex, a future date, or a stale version, writing nothing', async () => {
    c = await clinic();
    const w = await c.clerk.ok('patients.register', woman());
    const p = await c.clinician.ok('pregnancy.register', byLmp(w.id, START, 266));
    const before = counts(c);
    const base = { type: 'delivery' as const, date: START, place: 'home' as const, mode: 'vaginal' as const };
    for (const [expectedVersion, outcome] of [
      [1, { ...base, babies: [{ outcome: 'live-birth' as const, weightKg: 3 }] }],
      [
        1,
        {
          ...base,
          date: addDays(START, 1),
          babies: [{ outcome: 'live-birth' as const, sex: 'male' as const, weightKg: 3 }],
        },
      ],
      [2, { ...base, babies: [{ outcome: 'live-birth' as const, sex: 'male' as const, weightKg: 3 }] }],
    ] as [number, OutcomeInput][]) {
      const r = await c.clinician.call('pregnancy.recordOutcome', { id: p.id, expectedVersion, outcome });
      expect(r.ok).toBe(false);
    }
    expect(counts(c)).toEqual(before);
  });

  it('postnatal contacts are numbered by window, and the due list follows them', async () => {
    c = await clinic();
    const w = await c.clerk.ok('patients.register', woman());
    const p = await c.clinician.ok('pregnancy.register', byLmp(w.id, START, 270));
    expect(
      await c.clinician.call('pregnancy.recordPostnatal', {
        pregnancyId: p.id,
        subject: 'mother',
        contactDate: START,
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    const d = await c.clinician.ok('pregnancy.recordOutcome', {
      id: p.id,
      expectedVersion: 1,
      outcome: {
        type: 'delivery',
        date: START,
        place: 'this-facility',
        mode: 'vaginal',
        babies: [{ outcome: 'live-birth', sex: 'female', weightKg: 3.1 }],
      },
    });
    const due = async (on: string) =>
      (await c.clerk.ok('pregnancy.postnatalDue', { on })).lines.map((l) => [l.contactNumber, l.date]);
    expect(await due(START)).toEqual([[1, START]]);
    const m = await c.clinician.ok('pregnancy.recordPostnatal', {
      pregnancyId: p.id,
      subject: 'mother',
      contactDate: START,
      bp: { systolic: 120, diastolic: 80 },
      bleeding: 'normal',
      breastfeeding: 'exclusive',
      familyPlanning: true,
    });
    expect(m).toMatchObject({ contactNumber: 1, patientId: w.id });
    expect(await due(START)).toEqual([[2, addDays(START, 2)]]);
    c.advance(2 * DAY);
    const baby = await c.clinician.ok('pregnancy.recordPostnatal', {
      pregnancyId: p.id,
      subject: 'baby',
      babyPatientId: d.births[0]!.babyPatientId,
      contactDate: addDays(START, 2),
      weightKg: 3.0,
    });
    expect(baby).toMatchObject({ contactNumber: 2, patientId: d.births[0]!.babyPatientId });
    const stranger = await c.clinician.call('pregnancy.recordPostnatal', {
      pregnancyId: p.id,
      subject: 'baby',
      babyPatientId: w.id,
      contactDate: addDays(START, 2),
    });
    expect(stranger).toMatchObject({ ok: false, fields: [{ path: 'babyPatientId' }] });
  });

  it('a merge that would give a woman two active pregnancies is refused; after closing one it moves them', async () => {
    c = await clinic();
    const a = await c.clerk.ok('patients.register', woman());
    const b = await c.clerk.ok('patients.register', {
      ...woman({ givenName: 'Mariame' }),
      confirmNotDuplicate: true,
    });
    const pa = await c.clinician.ok('pregnancy.register', byLmp(a.id, START, 100));
    const pb = await c.clinician.ok('pregnancy.register', byLmp(b.id, START, 98));
    await c.clinician.ok('pregnancy.recordContact', { pregnancyId: pb.id, contactDate: START });
    const merge = (survivorVersion: number, mergedVersion: number) =>
      c.manager.call('patients.merge', {
        survivorId: a.id,
        mergedId: b.id,
        survivorVersion,
        mergedVersion,
        reason: 'same woman',
      });
    const refused = await merge(1, 1);
    expect(refused).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: expect.stringContaining('active pregnancy'),
    });
    await c.manager.ok('pregnancy.void', { id: pa.id, expectedVersion: 1, reason: 'registered twice' });
    const merged = await c.manager.ok('patients.merge', {
      survivorId: a.id,
      mergedId: b.id,
      survivorVersion: 1,
      mergedVersion: 1,
      reason: 'same woman',
    });
    expect(merged.moved).toMatchObject({ pregnancies: 1, anc_contacts: 1 });
    const list = await c.clinician.ok('pregnancy.ofPatient', { patientId: a.id });
    expect(list.pregnancies.map((p) => [p.id, p.voided])).toEqual([
      [pb.id, false],
      [pa.id, true],
    ]);
  });
});
