import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/clinical';
import { adult } from '../patients/support';
import { byLmp, clinic, counts, DAY, START, woman, type Clinic } from './support';

describe('pregnancy registration', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  it('dates by LMP (Naegele), computes risk factors, and allows one active pregnancy per woman', async () => {
    c = await clinic();
    const w = await c.clerk.ok('patients.register', woman());
    const p = await c.clinician.ok('pregnancy.register', {
      ...byLmp(w.id, START, 70),
      gravida: 6,
      para: 5,
      previousCaesarean: true,
      history: ['previous-heavy-bleeding'],
    });
    expect(p).toMatchObject({
      status: 'active',
      datingMethod: 'lmp',
      lmp: '2025-12-30',
      edd: '2026-10-06',
      motherAgeYears: 27,
      nextContactNumber: 1,
      nextContactDate: addDays('2025-12-30', 84),
      version: 1,
    });
    expect(p.riskFactors).toEqual(['grand-multiparity', 'previous-caesarean', 'previous-heavy-bleeding']);
    const chart = await c.clinician.ok('patients.chart', { id: w.id });
    expect(chart.pregnancy).toEqual({ edd: '2026-10-06', gestationalAgeDays: 70 });
    expect(chart.timeline.some((t) => t.kind === 'pregnancy' && t.id === p.id)).toBe(true);

    const before = counts(c);
    const again = await c.clinician.call('pregnancy.register', byLmp(w.id, START, 20));
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' });
    if (!again.ok) expect(again.fields?.[0]?.message).toContain('2026-03-10');
    expect(counts(c)).toEqual(before);
    // The outbox and the audit trail carry the registration.
    const outbox = c.sqlite().prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'pregnancy'").get();
    expect(outbox).toEqual({ n: 1 });
    const audit = c
      .sqlite()
      .prepare("SELECT patient_id FROM audit_log WHERE action = 'pregnancy.create'")
      .all();
    expect(audit).toEqual([{ patient_id: w.id }]);
  });

  it('refuses male patients and ages outside 10–55 with the reason, writing nothing', async () => {
    c = await clinic();
    const man = await c.clerk.ok('patients.register', adult());
    const girl = await c.clerk.ok('patients.register', {
      ...woman({ givenName: 'Awa', birthDate: '2016-03-11' }),
      confirmNotDuplicate: true,
    });
    const ten = await c.clerk.ok('patients.register', {
      ...woman({ givenName: 'Kadiatou', birthDate: '2016-03-10' }),
      confirmNotDuplicate: true,
    });
    const old = await c.clerk.ok('patients.register', {
      ...woman({ givenName: 'Hawa', birthDate: '1970-03-10' }),
      confirmNotDuplicate: true,
    });
    const fiftyFive = await c.clerk.ok('patients.register', {
      ...woman({ givenName: 'Saran', birthDate: '1970-03-11' }),
      confirmNotDuplicate: true,
    });
    const before = counts(c);
    expect(await c.clinician.call('pregnancy.register', byLmp(man.id, START, 70))).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      message: 'A pregnancy can only be registered for a female patient.',
    });
    for (const p of [girl, old]) {
      const r = await c.clinician.call('pregnancy.register', byLmp(p.id, START, 70));
      expect(r).toMatchObject({
        ok: false,
        code: 'VALIDATION',
        message: expect.stringContaining('10 to 55'),
      });
    }
    expect(counts(c)).toEqual(before);
    // The edges themselves are accepted: 10 today, and 55 (56 tomorrow); 9 (10 tomorrow) and 56 today are not.
    await c.clinician.ok('pregnancy.register', byLmp(ten.id, START, 70, { gravida: 1, para: 0 }));
    await c.clinician.ok('pregnancy.register', byLmp(fiftyFive.id, START, 70));
  });

  it('refuses an LMP in the future or more than 44 weeks ago, and a clerk', async () => {
    c = await clinic();
    const w = await c.clerk.ok('patients.register', woman());
    const before = counts(c);
    const future = await c.clinician.call('pregnancy.register', byLmp(w.id, START, -1));
    expect(future).toMatchObject({ ok: false, code: 'VALIDATION', fields: [{ path: 'lmp' }] });
    const old = await c.clinician.call('pregnancy.register', byLmp(w.id, START, 309));
    expect(old).toMatchObject({ ok: false, code: 'VALIDATION', fields: [{ path: 'lmp' }] });
    const noDate = await c.clinician.call('pregnancy.register', { patientId: w.id, gravida: 1, para: 0 });
    expect(noDate).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(counts(c)).toEqual(before);
    expect(await c.clerk.call('pregnancy.register', byLmp(w.id, START, 70))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('follows an ultrasound-dated EDD: the schedule counts from EDD − 280 days', async () => {
    c = await clinic();
    const w = await c.clerk.ok('patients.register', woman());
    const p = await c.clinician.ok('pregnancy.register', {
      patientId: w.id,
      lmp: '2025-12-01',
      ultrasound: { scanDate: '2026-03-01', gestationalAgeDays: 70 },
      gravida: 1,
      para: 0,
    });
    // WHO 2016: EDD = scan date + (280 − GA at scan) = 2026-03-01 + 210 days.
    expect(p).toMatchObject({
      datingMethod: 'ultrasound',
      edd: '2026-09-27',
      datingLmp: '2025-12-21',
      lmp: '2025-12-01',
    });
    const detail = await c.clinician.ok('pregnancy.get', { id: p.id });
    expect(detail.gestationalAgeDays).toBe(79);
    expect(detail.schedule.map((s) => s.date)).toEqual(
      [12, 20, 26, 30, 34, 36, 38, 40].map((w) => addDays('2025-12-21', w * 7)),
    );
    expect(detail.schedule[0]).toMatchObject({ status: 'upcoming' }); // 11w 2d: week 12 not begun
  });
});

describe('due and missed lists', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  it('lists her as due before contact 1, missed 14 days after its week, and off the list once seen', async () => {
    c = await clinic();
    const w = await c.clerk.ok('patients.register', woman());
    const p = await c.clinician.ok('pregnancy.register', byLmp(w.id, START, 70));
    const lmp = p.datingLmp;
    const ids = async (ch: 'pregnancy.dueList' | 'pregnancy.missedList', on: string) =>
      (await c.clerk.ok(ch, { on })).lines.map((l) => l.pregnancyId);
    expect(await ids('pregnancy.dueList', addDays(lmp, 77))).toEqual([]);
    expect(await ids('pregnancy.dueList', addDays(lmp, 78))).toEqual([p.id]);
    const line = (await c.clerk.ok('pregnancy.dueList', { on: addDays(lmp, 80) })).lines[0]!;
    expect(line).toMatchObject({
      phone: '+224622334455', // stored in E.164
      village: 'Heremakono',
      contactNumber: 1,
      date: addDays(lmp, 84),
    });
    expect(await ids('pregnancy.missedList', addDays(lmp, 104))).toEqual([]);
    expect(await ids('pregnancy.dueList', addDays(lmp, 104))).toEqual([p.id]);
    expect(await ids('pregnancy.missedList', addDays(lmp, 105))).toEqual([p.id]);
    expect(await ids('pregnancy.dueList', addDays(lmp, 105))).toEqual([]);

    c.advance(35 * DAY); // today is lmp + 105
    await c.clinician.ok('pregnancy.recordContact', { pregnancyId: p.id, contactDate: addDays(lmp, 105) });
    expect(await ids('pregnancy.missedList', addDays(lmp, 105))).toEqual([]);
    const after = await c.clinician.ok('pregnancy.get', { id: p.id });
    // A visit at 15 weeks counts for contact 2 (weeks 13–20): contact 3 at 26 weeks is next.
    expect(after.pregnancy).toMatchObject({
      nextContactNumber: 3,
      firstContactDate: addDays(lmp, 105),
      firstContactGaDays: 105,
    });
    expect(after.schedule.map((s) => s.status)).toEqual([
      'missed',
      'attended',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    expect(after.contacts[0]!.nextContactDate).toBe(addDays(lmp, 26 * 7));
  });

  it('a booked next-contact date wins over the plan: due in its week, missed 14 days after it', async () => {
    c = await clinic();
    const w = await c.clerk.ok('patients.register', woman());
    const p = await c.clinician.ok('pregnancy.register', byLmp(w.id, START, 70));
    const ids = async (ch: 'pregnancy.dueList' | 'pregnancy.missedList', on: string) =>
      (await c.clerk.ok(ch, { on })).lines.map((l) => l.pregnancyId);
    const booked = addDays(START, 7);
    await c.clinician.ok('pregnancy.recordContact', {
      pregnancyId: p.id,
      contactDate: START,
      nextContactDate: booked,
    });
    const g = (await c.clinician.ok('pregnancy.get', { id: p.id })).pregnancy;
    // The plan would say contact 2 at 20 weeks (10 weeks away); the booked date a week away stands.
    expect(g).toMatchObject({ nextContactDate: booked, nextContactNumber: 2 });
    expect(await ids('pregnancy.dueList', addDays(booked, -7))).toEqual([]);
    expect(await ids('pregnancy.dueList', addDays(booked, -6))).toEqual([p.id]);
    expect(await ids('pregnancy.dueList', addDays(booked, 14))).toEqual([p.id]);
    expect(await ids('pregnancy.missedList', addDays(booked, 14))).toEqual([]);
    expect(await ids('pregnancy.missedList', addDays(booked, 15))).toEqual([p.id]);
    expect(await ids('pregnancy.dueList', addDays(booked, 15))).toEqual([]);
    // Voiding that contact puts the plan back (contact 1 at 12 weeks).
    const contact = (await c.clinician.ok('pregnancy.get', { id: p.id })).contacts[0]!;
    await c.clinician.ok('pregnancy.voidContact', {
      id: contact.id,
      expectedVersion: contact.version,
      reason: 'Entered on the wrong woman',
    });
    const back = (await c.clinician.ok('pregnancy.get', { id: p.id })).pregnancy;
    expect(back).toMatchObject({ nextContactDate: addDays(p.datingLmp, 84), nextContactNumber: 1 });
  });

  it('a booked date equal to the plan keeps the plan: missed 14 days after its week ends', async () => {
    c = await clinic();
    const w = await c.clerk.ok('patients.register', woman());
    const p = await c.clinician.ok('pregnancy.register', byLmp(w.id, START, 70));
    const target = addDays(p.datingLmp, 140);
    await c.clinician.ok('pregnancy.recordContact', {
      pregnancyId: p.id,
      contactDate: START,
      nextContactDate: target,
    });
    const g = (await c.clinician.ok('pregnancy.get', { id: p.id })).pregnancy;
    expect(g).toMatchObject({ nextContactDate: target, missedFrom: addDays(target, 7 + 14) });
  });
});
