import { afterEach, describe, expect, it } from 'vitest';
import { clinic, type Clinic } from '../patients/support';
import { DAY, otpAdmission, samChild, tableCounts } from './support';

describe('CMAM admission, follow-up and exits on an encrypted file', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  it('proposes SAM/OTP with the ration and number, admits once, refuses a second open episode', async () => {
    c = await clinic();
    const id = await samChild(c);
    const a = await c.clinician.ok('cmam.assess', {
      patientId: id,
      admissionDate: '2026-03-10',
      weightKg: 7.2,
      muacMm: 108,
      appetiteSachetsEaten: 0.5,
    });
    expect(a).toMatchObject({
      status: 'SAM',
      criteria: ['muac-sam'],
      admissionCriterion: 'muac',
      placement: { programme: 'OTP' },
      appetite: { minimumSachets: 0.25, result: 'pass' },
      admissionType: 'new',
      ration: { sachetsPerDay: 3, sachetsPerWeek: 21 },
      medicinesDue: ['amoxicillin'],
      nextVisitDate: '2026-03-17',
      numberPreview: 'OTP-2026-0001',
      ageMonths: 13,
    });
    await c.clinician.ok('programmes.list', {}); // creates the built-in programmes
    const before = tableCounts(c);
    const e = await c.clinician.ok('cmam.admit', otpAdmission(id));
    expect(e).toMatchObject({
      number: 'OTP-2026-0001',
      rationPerWeek: 21,
      admissionType: 'new',
      sex: 'female',
    });
    const after = tableCounts(c);
    // Episode + its dispensed sachets, each with an outbox and an audit row, in one transaction.
    expect(after.cmam_episodes - before.cmam_episodes).toBe(1);
    expect(after.rutf_stock_movements - before.rutf_stock_movements).toBe(1);
    expect(after.outbox - before.outbox).toBe(2);
    expect(after.audit_log - before.audit_log).toBe(2);

    const again = await c.clinician.call('cmam.admit', otpAdmission(id));
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(!again.ok && again.fields?.[0]?.message).toMatch(/OTP-2026-0001/);
    expect(tableCounts(c)).toEqual(after);

    const chart = await c.clinician.ok('patients.chart', { id });
    expect(chart.programmes).toEqual([{ code: 'OTP', name: 'OTP OTP-2026-0001' }]);
    expect(chart.timeline.some((t) => t.kind === 'programme-event' && t.event === 'admission')).toBe(true);
  });

  it('refuses OTP for a child the rules place in SC, and TSFP for SAM', async () => {
    c = await clinic();
    const id = await samChild(c);
    const sick = await c.clinician.call('cmam.admit', otpAdmission(id, { medicalComplication: true }));
    expect(sick).toMatchObject({ ok: false, code: 'CONFLICT', fields: [{ path: 'programme' }] });
    const tsfp = await c.clinician.call('cmam.admit', otpAdmission(id, { programme: 'TSFP' }));
    expect(tsfp).toMatchObject({
      ok: false,
      fields: [{ path: 'programme', message: 'must be OTP or SC for a child with SAM' }],
    });
    const noTest = await c.clinician.call('cmam.admit', otpAdmission(id, { appetiteSachetsEaten: null }));
    expect(noTest).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fields: [{ path: 'appetiteSachetsEaten' }],
    });
  });

  it('detects a relapse within 2 months of a cure, and a new case after', async () => {
    c = await clinic();
    const id = await samChild(c);
    const e = await c.clinician.ok('cmam.admit', otpAdmission(id));
    c.advance(28 * DAY); // 2026-04-07
    await c.clinician.ok('cmam.exit', {
      episodeId: e.id,
      expectedVersion: 1,
      exitDate: '2026-04-07',
      exitType: 'cured',
    });
    c.advance(30 * DAY); // 2026-05-07
    const relapse = await c.clinician.ok('cmam.assess', {
      patientId: id,
      admissionDate: '2026-05-07',
      weightKg: 7.5,
      muacMm: 110,
      appetiteSachetsEaten: 1,
    });
    expect(relapse.admissionType).toBe('relapse');
    c.advance(40 * DAY); // 2026-06-16: more than 2 months after the cure
    const later = await c.clinician.ok('cmam.assess', {
      patientId: id,
      admissionDate: '2026-06-16',
      weightKg: 7.5,
      muacMm: 110,
      appetiteSachetsEaten: 1,
    });
    expect(later.admissionType).toBe('new');
    const again = await c.clinician.ok('cmam.admit', otpAdmission(id, { admissionDate: '2026-06-16' }));
    expect(again.number).toBe('OTP-2026-0002');
  });

  it('offers readmission only less than 2 months after a defaulted exit; later it is a new case', async () => {
    c = await clinic();
    const id = await samChild(c);
    const e = await c.clinician.ok('cmam.admit', otpAdmission(id));
    c.advance(28 * DAY); // 2026-04-07
    await c.clinician.ok('cmam.exit', {
      episodeId: e.id,
      expectedVersion: 1,
      exitDate: '2026-04-07',
      exitType: 'defaulted',
    });
    const assess = (admissionDate: string) =>
      c.clinician.ok('cmam.assess', {
        patientId: id,
        admissionDate,
        weightKg: 7.5,
        muacMm: 110,
        appetiteSachetsEaten: 1,
      });
    c.advance(60 * DAY); // 2026-06-06: still within 2 months of the default
    expect((await assess('2026-06-06')).admissionType).toBe('readmission');
    c.advance(3 * DAY); // 2026-06-09: 2 months and 2 days after it
    expect((await assess('2026-06-07')).admissionType).toBe('new');
    const back = await c.clinician.ok('cmam.admit', otpAdmission(id, { admissionDate: '2026-06-09' }));
    expect(back.admissionType).toBe('new');
  });

  it('refuses an exit before admission or in the future, naming the field, with nothing written', async () => {
    c = await clinic();
    const id = await samChild(c);
    const e = await c.clinician.ok('cmam.admit', otpAdmission(id));
    const before = tableCounts(c);
    const early = await c.clinician.call('cmam.exit', {
      episodeId: e.id,
      expectedVersion: 1,
      exitDate: '2026-03-09',
      exitType: 'cured',
    });
    expect(early).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fields: [{ path: 'exitDate', message: 'is before the admission date (2026-03-10)' }],
    });
    const future = await c.clinician.call('cmam.exit', {
      episodeId: e.id,
      expectedVersion: 1,
      exitDate: '2026-03-11',
      exitType: 'died',
    });
    expect(future).toMatchObject({ ok: false, fields: [{ path: 'exitDate', message: 'is in the future' }] });
    const badDate = await c.clinician.call('cmam.exit', {
      episodeId: e.id,
      expectedVersion: 1,
      exitDate: '2026-02-30',
      exitType: 'died',
    });
    expect(badDate).toMatchObject({ ok: false, code: 'VALIDATION', fields: [{ path: 'exitDate' }] });
    expect(tableCounts(c)).toEqual(before);
  });

  it('follows up by the week, shows gain and alerts, and proposes cured after MUAC ≥ 125 twice', async () => {
    c = await clinic();
    const id = await samChild(c);
    const e = await c.clinician.ok('cmam.admit', otpAdmission(id));
    const visit = async (days: number, weightKg: number, muacMm: number, date: string, next: string) => {
      c.advance(days * DAY);
      return c.clinician.ok('cmam.followup', {
        episodeId: e.id,
        visitDate: date,
        weightKg,
        muacMm,
        rutfSachetsGiven: 21,
        nextVisitDate: next,
      });
    };
    const v1 = await visit(7, 7.5, 118, '2026-03-17', '2026-03-24');
    // (7.5 − 7.2) × 1000 / (7.2 × 7) = 5.95 g/kg/day
    expect(v1.followup.gainGPerKgPerDay).toBe(6);
    expect(v1.detail.proposal.exitType).toBeNull();
    const v2 = await visit(7, 7.9, 126, '2026-03-24', '2026-03-31');
    expect(v2.detail.proposal.exitType).toBeNull();
    const v3 = await visit(7, 8.3, 128, '2026-03-31', '2026-04-07');
    expect(v3.detail.proposal).toMatchObject({ exitType: 'cured', dischargeUnmet: [] });
    expect(v3.detail.trend.map((t) => t.weightKg)).toEqual([7.2, 7.5, 7.9, 8.3]);
    const late = await c.clinician.call('cmam.followup', {
      episodeId: e.id,
      visitDate: '2026-03-30',
      weightKg: 8,
      nextVisitDate: '2026-04-06',
    });
    expect(late).toMatchObject({
      ok: false,
      fields: [{ path: 'visitDate', message: 'must be after the last visit (2026-03-31)' }],
    });
    const exit = await c.clinician.ok('cmam.exit', {
      episodeId: e.id,
      expectedVersion: 1,
      exitDate: '2026-03-31',
      exitType: 'cured',
    });
    expect(exit.exitType).toBe('cured');
    const after = await c.clinician.call('cmam.followup', {
      episodeId: e.id,
      visitDate: '2026-03-31',
      weightKg: 8,
      nextVisitDate: '2026-04-06',
    });
    expect(after).toMatchObject({ ok: false, code: 'CONFLICT' });
    const d = await c.manager.ok('cmam.dashboard', { month: '2026-03' });
    expect(d).toMatchObject({ caseload: { OTP: 0 }, admissions: 1, totalExits: 1, exits: { cured: 1 } });
    expect(d.rates.cured).toMatchObject({ percent: 100, meetsSphere: true });
    expect(d.averageLengthOfStayDays).toBe(21);
    // (8.3 − 7.2) × 1000 / (7.2 × 21) = 7.28 g/kg/day
    expect(d.averageWeightGain).toBeCloseTo(7.275, 2);
  });

  it('raises the weight-loss alert after two losses in a row', async () => {
    c = await clinic();
    const id = await samChild(c);
    const e = await c.clinician.ok('cmam.admit', otpAdmission(id));
    c.advance(7 * DAY);
    await c.clinician.ok('cmam.followup', {
      episodeId: e.id,
      visitDate: '2026-03-17',
      weightKg: 7.1,
      nextVisitDate: '2026-03-24',
    });
    c.advance(7 * DAY);
    const r = await c.clinician.ok('cmam.followup', {
      episodeId: e.id,
      visitDate: '2026-03-24',
      weightKg: 7.0,
      nextVisitDate: '2026-03-31',
    });
    expect(r.followup.alerts).toEqual(['weight-loss']);
    expect(r.detail.alerts).toEqual(['weight-loss']);
  });

  it('corrects a wrong exit through the history and refuses a merge giving one child two open episodes', async () => {
    c = await clinic();
    const a = await samChild(c, 'Awa');
    const b = await samChild(c, 'Awa-duplicate');
    const ea = await c.clinician.ok('cmam.admit', otpAdmission(a));
    await c.clinician.ok('cmam.admit', otpAdmission(b));
    const exited = await c.clinician.ok('cmam.exit', {
      episodeId: ea.id,
      expectedVersion: 1,
      exitDate: '2026-03-10',
      exitType: 'died',
    });
    const fixed = await c.clinician.ok('cmam.correctExit', {
      episodeId: ea.id,
      expectedVersion: exited.version,
      exitDate: null,
      exitType: null,
      reason: 'Entered on the wrong child',
    });
    expect(fixed).toMatchObject({ exitDate: null, version: 3 });
    // (patients.history does not take domain entities yet: read the kernel's history rows.)
    const history = c
      .sqlite()
      .prepare(
        "SELECT version, reason FROM record_history WHERE entity = 'cmam_episode' AND entity_id = ? ORDER BY seq",
      )
      .all(ea.id);
    expect(history).toEqual([
      { version: 2, reason: null },
      { version: 3, reason: 'Entered on the wrong child' },
    ]);
    const pa = await c.clinician.ok('patients.chart', { id: a });
    const pb = await c.clinician.ok('patients.chart', { id: b });
    const merge = await c.manager.call('patients.merge', {
      survivorId: a,
      mergedId: b,
      survivorVersion: pa.patient.version,
      mergedVersion: pb.patient.version,
      reason: 'Same child registered twice',
    });
    expect(merge).toMatchObject({ ok: false, code: 'CONFLICT', fields: [{ path: 'mergedId' }] });
  });
});
