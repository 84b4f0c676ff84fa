import { afterEach, describe, expect, it } from 'vitest';
import { adult, clinic, type Clinic } from '../patients/support';
import { DAY, otpAdmission, samChild, tableCounts } from './support';

describe('internal moves, defaulters, programmes and RUTF stock', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  it('moves OTP → SC as linked episodes in one transaction, outside the rates, as a transfer in to SC', async () => {
    c = await clinic();
    const moved = await samChild(c, 'Kadiatou');
    const cured = await samChild(c, 'Hawa');
    const e = await c.clinician.ok('cmam.admit', otpAdmission(moved));
    const k = await c.clinician.ok('cmam.admit', otpAdmission(cured));
    c.advance(7 * DAY);
    const { closed, opened } = await c.clinician.ok('cmam.move', {
      episodeId: e.id,
      expectedVersion: 1,
      moveDate: '2026-03-17',
      to: 'SC',
      notes: 'Pneumonia',
    });
    expect(closed).toMatchObject({
      exitType: 'medical-transfer',
      internalMove: true,
      exitDate: '2026-03-17',
    });
    expect(opened).toMatchObject({
      programme: 'SC',
      number: 'SC-2026-0001',
      admissionType: 'transfer-in',
      transferFrom: 'OTP',
      transferNumber: 'OTP-2026-0001',
      previousEpisodeId: e.id,
      admissionDate: '2026-03-17',
    });
    await c.clinician.ok('cmam.exit', {
      episodeId: k.id,
      expectedVersion: 1,
      exitDate: '2026-03-17',
      exitType: 'cured',
    });
    const otp = await c.manager.ok('cmam.dashboard', { month: '2026-03', programme: 'OTP' });
    expect(otp).toMatchObject({
      totalExits: 1,
      internalMoves: 1,
      exits: { cured: 1, 'medical-transfer': 0 },
    });
    expect(otp.rates.cured.percent).toBe(100);
    const sc = await c.manager.ok('cmam.dashboard', { month: '2026-03', programme: 'SC' });
    expect(sc).toMatchObject({ admissions: 1, caseload: { SC: 1, OTP: 0 } });
    const row = c.sqlite().prepare("SELECT admission_type FROM cmam_episodes WHERE programme = 'SC'").get();
    expect(row).toEqual({ admission_type: 'transfer-in' });

    // A move the protocol has no place for is refused, and nothing changes.
    const before = tableCounts(c);
    const bad = await c.clinician.call('cmam.move', {
      episodeId: opened.id,
      expectedVersion: 1,
      moveDate: '2026-03-17',
      to: 'TSFP',
    });
    expect(bad).toMatchObject({ ok: false, code: 'CONFLICT', fields: [{ path: 'to' }] });
    expect(tableCounts(c)).toEqual(before);
  });

  it('lists absences 1, 2, 3+ and proposes defaulted after the set number of absences', async () => {
    c = await clinic();
    const id = await samChild(c);
    const e = await c.clinician.ok('cmam.admit', otpAdmission(id)); // next visit 2026-03-17
    c.advance(9 * DAY); // 2026-03-19: one visit missed
    expect((await c.clerk.ok('cmam.defaulters', {})).lines).toMatchObject([
      { missedVisits: 1, proposeDefault: false },
    ]);
    c.advance(14 * DAY); // 2026-04-02: 03-17, 03-24, 03-31 missed
    const list = await c.clerk.ok('cmam.defaulters', {});
    expect(list).toMatchObject({
      threshold: 3,
      lines: [{ episodeId: e.id, missedVisits: 3, proposeDefault: true }],
    });
    expect(list.lines[0]!.patient).toMatchObject({
      caregiverName: 'Fatoumata Kamara',
      caregiverPhone: '+224620123456', // stored in E.164
      village: 'Heremakono',
    });
    expect((await c.clinician.ok('cmam.episode', { episodeId: e.id })).proposal).toMatchObject({
      exitType: 'defaulted',
      missedVisits: 3,
    });

    expect(await c.clinician.call('cmam.updateSettings', { defaulterAbsences: 4 })).toMatchObject({
      code: 'FORBIDDEN',
    });
    await c.manager.ok('cmam.updateSettings', { defaulterAbsences: 4 });
    expect((await c.clerk.ok('cmam.defaulters', {})).lines[0]).toMatchObject({
      missedVisits: 3,
      proposeDefault: false,
    });
    // The child comes back: the follow-up resumes the episode and clears the absences.
    await c.clinician.ok('cmam.followup', {
      episodeId: e.id,
      visitDate: '2026-04-02',
      weightKg: 7.6,
      nextVisitDate: '2026-04-09',
    });
    expect((await c.clerk.ok('cmam.defaulters', {})).lines).toEqual([]);
    expect(
      await c.clerk.call('cmam.exit', {
        episodeId: e.id,
        expectedVersion: 1,
        exitDate: '2026-04-02',
        exitType: 'defaulted',
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps the enrolment history through unenrol and re-enrol', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', adult());
    const hiv = await c.manager.ok('programmes.create', {
      code: 'hiv',
      name: 'HIV care',
      description: 'ART clinic',
    });
    expect(hiv).toMatchObject({ code: 'HIV', kind: 'custom', active: true });
    expect(await c.clinician.call('programmes.create', { code: 'TB', name: 'TB' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      await c.clerk.call('programmes.enrol', {
        patientId: p.id,
        programmeId: hiv.id,
        enrolledOn: '2026-03-01',
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const first = await c.clinician.ok('programmes.enrol', {
      patientId: p.id,
      programmeId: hiv.id,
      enrolledOn: '2026-03-01',
    });
    const twice = await c.clinician.call('programmes.enrol', {
      patientId: p.id,
      programmeId: hiv.id,
      enrolledOn: '2026-03-02',
    });
    expect(twice).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      fields: [{ message: 'already has an open enrolment since 2026-03-01' }],
    });
    const early = await c.clinician.call('programmes.unenrol', {
      id: first.id,
      expectedVersion: 1,
      unenrolledOn: '2026-02-28',
      reason: 'Moved',
    });
    expect(early).toMatchObject({ ok: false, fields: [{ path: 'unenrolledOn' }] });
    await c.clinician.ok('programmes.unenrol', {
      id: first.id,
      expectedVersion: 1,
      unenrolledOn: '2026-03-05',
      reason: 'Moved away',
    });
    await c.clinician.ok('programmes.enrol', {
      patientId: p.id,
      programmeId: hiv.id,
      enrolledOn: '2026-03-09',
      note: 'Came back',
    });
    const { enrolments } = await c.clerk.ok('programmes.patientEnrolments', { patientId: p.id });
    expect(enrolments.map((e) => [e.enrolledOn, e.unenrolledOn, e.unenrolReason])).toEqual([
      ['2026-03-09', null, null],
      ['2026-03-01', '2026-03-05', 'Moved away'],
    ]);
    expect(enrolments[1]).toMatchObject({
      enrolledByName: 'ibrahim test',
      unenrolledByName: 'ibrahim test',
      version: 2,
    });
    const chart = await c.clerk.ok('patients.chart', { id: p.id });
    expect(chart.programmes).toEqual([{ code: 'HIV', name: 'HIV care' }]);
    const otp = (await c.clerk.ok('programmes.list', {})).programmes.find((x) => x.code === 'OTP')!;
    expect(
      await c.clinician.call('programmes.enrol', {
        patientId: p.id,
        programmeId: otp.id,
        enrolledOn: '2026-03-09',
      }),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('deactivates a programme only with the open count confirmed, closing its enrolments with the reason', async () => {
    c = await clinic();
    const tb = await c.manager.ok('programmes.create', { code: 'TB', name: 'Tuberculosis' });
    for (const name of ['Sia', 'Fanta']) {
      const p = await c.clerk.ok('patients.register', {
        ...adult({ givenName: name, phone: '' }),
        confirmNotDuplicate: true,
      });
      await c.clinician.ok('programmes.enrol', {
        patientId: p.id,
        programmeId: tb.id,
        enrolledOn: '2026-03-01',
      });
    }
    expect(
      (await c.manager.ok('programmes.list', {})).programmes.find((p) => p.id === tb.id)?.openCount,
    ).toBe(2);
    const before = tableCounts(c);
    const wrong = await c.manager.call('programmes.deactivate', {
      id: tb.id,
      expectedVersion: 1,
      reason: 'Moved to the district hospital',
      confirmOpenEnrolments: 1,
    });
    expect(wrong).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      fields: [{ path: 'confirmOpenEnrolments', message: 'is 1, but the programme has 2 open enrolments' }],
    });
    expect(tableCounts(c)).toEqual(before);
    const done = await c.manager.ok('programmes.deactivate', {
      id: tb.id,
      expectedVersion: 1,
      reason: 'Moved to the district hospital',
      confirmOpenEnrolments: 2,
    });
    expect(done).toMatchObject({
      closed: 2,
      programme: { active: false, deactivationReason: 'Moved to the district hospital' },
    });
    const reasons = c
      .sqlite()
      .prepare('SELECT unenrol_reason AS r, unenrolled_on AS d FROM programme_enrolments')
      .all();
    expect(reasons).toEqual([
      { r: 'Moved to the district hospital', d: '2026-03-10' },
      { r: 'Moved to the district hospital', d: '2026-03-10' },
    ]);
    const otp = (await c.manager.ok('programmes.list', {})).programmes.find((p) => p.code === 'OTP')!;
    expect(
      await c.manager.call('programmes.deactivate', {
        id: otp.id,
        expectedVersion: 1,
        reason: 'No more',
        confirmOpenEnrolments: 0,
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(c.sqlite().prepare("SELECT count(*) AS n FROM programmes WHERE code = 'TB'").get()).toEqual({
      n: 1,
    });
  });

  it('keeps the RUTF balance and weeks left from the movements, with known numbers', async () => {
    c = await clinic();
    await c.clinician.ok('cmam.stockReceive', {
      movementDate: '2026-03-09',
      quantity: 300,
      batch: 'RUTF-2611',
    });
    const a = await samChild(c, 'Nene'); // 7.2 kg: 21 sachets a week
    const b = await samChild(c, 'Oumou');
    await c.clinician.ok('cmam.admit', otpAdmission(a));
    await c.clinician.ok('cmam.admit', otpAdmission(b, { weightKg: 10.6, rutfSachetsGiven: 32 })); // 32 a week
    const s = await c.clerk.ok('cmam.stock', {});
    // 300 − 21 − 32 = 247 sachets; need 53 a week → 4.66 weeks; order for 4 weeks: 212 − 247 < 0 → 0.
    expect(s).toMatchObject({ balance: 247, weeklyNeed: 53, low: false, suggestedOrder: 0, orderWeeks: 4 });
    expect(s.weeksLeft).toBeCloseTo(247 / 53, 6);
    await c.clinician.ok('cmam.stockReceive', {
      movementDate: '2026-03-10',
      kind: 'adjusted',
      quantity: -177,
      note: 'Stock take: damaged cartons',
    });
    await c.manager.ok('cmam.updateSettings', { orderWeeks: 8 });
    const low = await c.clerk.ok('cmam.stock', {});
    // 70 left = 1.32 weeks: warning; order 53 × 8 − 70 = 354.
    expect(low).toMatchObject({ balance: 70, low: true, suggestedOrder: 354 });
    const audit = c
      .sqlite()
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'rutf.%' ORDER BY seq")
      .all();
    expect(audit).toEqual([
      { action: 'rutf.receive' },
      { action: 'rutf.dispense' },
      { action: 'rutf.dispense' },
      { action: 'rutf.adjust' },
    ]);
    const future = await c.clinician.call('cmam.stockReceive', { movementDate: '2026-03-11', quantity: 10 });
    expect(future).toMatchObject({
      ok: false,
      fields: [{ path: 'movementDate', message: 'is in the future' }],
    });
    expect(await c.researcher.call('cmam.stock', {})).toMatchObject({ code: 'FORBIDDEN' });
  });
});
