import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/clinical';
import type { AncContactFields } from '../../../shared/contract/channels/pregnancy';
import { byLmp, clinic, counts, START, woman, type Clinic } from './support';

/** A woman 30 weeks pregnant (LMP 210 days before the clinic's first day): any GA up to 30w 0d can be dated. */
async function pregnant(c: Clinic) {
  const w = await c.clerk.ok('patients.register', woman());
  const p = await c.clinician.ok('pregnancy.register', byLmp(w.id, START, 210));
  const at = (gaDays: number) => addDays(p.datingLmp, gaDays);
  const flagsOf = async (gaDays: number, fields: Partial<AncContactFields>) =>
    (
      await c.clinician.ok('pregnancy.recordContact', {
        pregnancyId: p.id,
        contactDate: at(gaDays),
        ...fields,
      })
    ).flags;
  return { w, p, at, flagsOf };
}

const bp = (systolic: number, diastolic: number) => ({ systolic, diastolic });

describe('ANC contact flags at every threshold edge (WHO 2016 ANC model)', () => {
  let c: Clinic;
  let s: Awaited<ReturnType<typeof pregnant>>;
  beforeEach(async () => {
    c = await clinic();
    s = await pregnant(c);
  });
  afterEach(() => c?.core.dispose());

  it('hypertension needs both readings at 140/90; severe both at 160/110', async () => {
    const at24w = 24 * 7;
    const cases: [[number, number], [number, number] | null, string[]][] = [
      [[139, 89], [139, 89], []],
      [[140, 80], [140, 80], ['hypertension']],
      [[130, 90], [130, 90], ['hypertension']],
      [[150, 95], [130, 85], []],
      [[130, 85], [150, 95], []],
      [[150, 95], null, ['repeat-bp-needed']],
      [[159, 109], [159, 109], ['hypertension']],
      [[160, 100], [160, 100], ['severe-hypertension']],
      [[150, 110], [150, 110], ['severe-hypertension']],
      [[165, 112], [150, 95], ['hypertension']],
    ];
    for (const [first, repeat, flags] of cases) {
      const got = await s.flagsOf(at24w, {
        bpFirst: bp(...first),
        bpRepeat: repeat ? bp(...repeat) : null,
      });
      expect(got, `${first.join('/')} then ${repeat?.join('/') ?? '—'}`).toEqual(flags);
    }
  });

  it('pre-eclampsia from 20 weeks with proteinuria ++ or severe symptoms; before 20 weeks it is chronic', async () => {
    const raised = { bpFirst: bp(142, 92), bpRepeat: bp(141, 91) };
    expect(await s.flagsOf(140, { ...raised, urineProtein: '+' })).toEqual(['hypertension']);
    expect(await s.flagsOf(140, { ...raised, urineProtein: '++' })).toEqual([
      'hypertension',
      'pre-eclampsia',
    ]);
    expect(await s.flagsOf(139, { ...raised, urineProtein: '++' })).toEqual([
      'hypertension',
      'chronic-hypertension',
    ]);
    expect(await s.flagsOf(150, { ...raised, severeSymptoms: ['blurred-vision'] })).toEqual([
      'hypertension',
      'severe-pre-eclampsia',
    ]);
    expect(
      await s.flagsOf(150, { bpFirst: bp(138, 88), bpRepeat: bp(138, 88), urineProtein: '+++' }),
    ).toEqual([]);
  });

  it('anaemia < 11.0 g/dL at ≤ 12 and ≥ 28 weeks, < 10.5 at 13–27 weeks; severe < 7.0', async () => {
    expect(await s.flagsOf(12 * 7 + 6, { hbGdl: 10.9 })).toEqual(['anaemia']);
    expect(await s.flagsOf(12 * 7 + 6, { hbGdl: 11.0 })).toEqual([]);
    expect(await s.flagsOf(13 * 7, { hbGdl: 10.9 })).toEqual([]);
    expect(await s.flagsOf(13 * 7, { hbGdl: 10.4 })).toEqual(['anaemia']);
    expect(await s.flagsOf(27 * 7 + 6, { hbGdl: 10.5 })).toEqual([]);
    expect(await s.flagsOf(28 * 7, { hbGdl: 10.5 })).toEqual(['anaemia']);
    expect(await s.flagsOf(28 * 7, { hbGdl: 6.9 })).toEqual(['severe-anaemia']);
    expect(await s.flagsOf(28 * 7, { hbGdl: 7.0 })).toEqual(['anaemia']);
  });

  it('GDM fasting 92–125 mg/dL (5.1–6.9 mmol/L); diabetes from 126 (7.0); danger signs flagged', async () => {
    const g = (value: number, unit: 'mg/dL' | 'mmol/L') =>
      s.flagsOf(26 * 7, { fastingGlucose: { value, unit } });
    expect(await g(91, 'mg/dL')).toEqual([]);
    expect(await g(92, 'mg/dL')).toEqual(['gdm']);
    expect(await g(125, 'mg/dL')).toEqual(['gdm']);
    expect(await g(126, 'mg/dL')).toEqual(['diabetes']);
    expect(await g(5.0, 'mmol/L')).toEqual([]);
    expect(await g(5.1, 'mmol/L')).toEqual(['gdm']);
    expect(await g(6.9, 'mmol/L')).toEqual(['gdm']);
    expect(await g(7.0, 'mmol/L')).toEqual(['diabetes']);
    expect(await s.flagsOf(26 * 7, { dangerSigns: ['fever'] })).toEqual(['danger-signs']);
  });

  it('stores the report columns: hypertension, BP level, Hb, GA, contact number', async () => {
    await s.flagsOf(24 * 7, { bpFirst: bp(150, 95), bpRepeat: bp(150, 95), hbGdl: 10.2 });
    const row = c
      .sqlite()
      .prepare('SELECT hypertension, bp_level, hb_gdl, ga_days, contact_number, anaemia FROM anc_contacts')
      .get();
    expect(row).toEqual({
      hypertension: 1,
      bp_level: 'hypertension',
      hb_gdl: 10.2,
      ga_days: 168,
      contact_number: 1,
      anaemia: 'anaemia',
    });
  });
});

describe('IPTp-SP, Td, danger-sign referral and voiding', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  it('gives IPTp-SP from 13 weeks, at least one month apart, numbering the doses', async () => {
    c = await clinic();
    const s = await pregnant(c);
    const give = (gaDays: number) =>
      c.clinician.call('pregnancy.recordContact', {
        pregnancyId: s.p.id,
        contactDate: s.at(gaDays),
        iptpGiven: true,
      });
    const before = counts(c);
    const early = await give(13 * 7 - 1);
    expect(early).toMatchObject({ ok: false, code: 'VALIDATION', fields: [{ path: 'iptpGiven' }] });
    if (!early.ok) expect(early.fields![0]!.message).toContain(`from ${s.at(91)}`);
    expect(counts(c)).toEqual(before);
    const first = await give(13 * 7);
    expect(first).toMatchObject({ ok: true, value: { iptpDose: 1 } });
    // One month after 2025-11-11 (13w 0d) is 2025-12-11, 30 days later.
    const soon = await give(13 * 7 + 29);
    expect(soon).toMatchObject({ ok: false, code: 'VALIDATION', fields: [{ path: 'iptpGiven' }] });
    expect(await give(13 * 7 + 30)).toMatchObject({ ok: true, value: { iptpDose: 2 } });
    const td = await c.clinician.ok('pregnancy.recordContact', {
      pregnancyId: s.p.id,
      contactDate: s.at(140),
      tdDose: 1,
    });
    expect(td.tdDose).toBe(1);
    const again = await c.clinician.call('pregnancy.recordContact', {
      pregnancyId: s.p.id,
      contactDate: s.at(150),
      tdDose: 1,
    });
    expect(again).toMatchObject({ ok: false, fields: [{ path: 'tdDose' }] });
  });

  it('refers a contact with danger signs in one action, once; a contact without them is refused', async () => {
    c = await clinic();
    const s = await pregnant(c);
    const hospital = await c.manager.ok('directory.create', {
      name: 'Hôpital Préfectoral',
      type: 'hospital',
    });
    const contact = await c.clinician.ok('pregnancy.recordContact', {
      pregnancyId: s.p.id,
      contactDate: START,
      dangerSigns: ['vaginal-bleeding', 'severe-abdominal-pain'],
    });
    const { referralId, contact: linked } = await c.clinician.ok('pregnancy.referDangerSigns', {
      contactId: contact.id,
      toFacilityId: hospital.id,
    });
    expect(linked).toMatchObject({ referralId, version: 2 });
    const open = await c.clinician.ok('referrals.listOpen', {});
    expect(open.referrals).toEqual([
      expect.objectContaining({ id: referralId, urgency: 'emergency', patientId: s.w.id, status: 'open' }),
    ]);
    expect(
      await c.clinician.call('pregnancy.referDangerSigns', {
        contactId: contact.id,
        toFacilityId: hospital.id,
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    const plain = await c.clinician.ok('pregnancy.recordContact', {
      pregnancyId: s.p.id,
      contactDate: START,
    });
    expect(
      await c.clinician.call('pregnancy.referDangerSigns', {
        contactId: plain.id,
        toFacilityId: hospital.id,
      }),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('voids a contact with a reason: history, outbox, audit, and the follow-up dates move back', async () => {
    c = await clinic();
    const s = await pregnant(c);
    const contact = await c.clinician.ok('pregnancy.recordContact', {
      pregnancyId: s.p.id,
      contactDate: START,
    });
    expect((await c.clinician.ok('pregnancy.get', { id: s.p.id })).pregnancy.firstContactDate).toBe(START);
    expect(
      await c.colleague.call('pregnancy.voidContact', {
        id: contact.id,
        expectedVersion: 1,
        reason: 'wrong woman',
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const voided = await c.clinician.ok('pregnancy.voidContact', {
      id: contact.id,
      expectedVersion: 1,
      reason: 'wrong woman',
    });
    expect(voided).toMatchObject({ voided: true, voidReason: 'wrong woman', version: 2 });
    const history = await c.clinician.ok('pregnancy.history', { entity: 'anc_contact', id: contact.id });
    expect(history.entries).toEqual([
      expect.objectContaining({ action: 'void', reason: 'wrong woman', version: 2 }),
    ]);
    const detail = await c.clinician.ok('pregnancy.get', { id: s.p.id });
    expect(detail.pregnancy).toMatchObject({ firstContactDate: null, firstContactGaDays: null });
    const outbox = c
      .sqlite()
      .prepare("SELECT version FROM outbox WHERE entity = 'anc_contact' ORDER BY seq")
      .all();
    expect(outbox).toEqual([{ version: 1 }, { version: 2 }]);
    const audit = c
      .sqlite()
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'anc-contact.%' ORDER BY seq")
      .all();
    expect(audit).toEqual([{ action: 'anc-contact.create' }, { action: 'anc-contact.void' }]);
    const timeline = (await c.clinician.ok('patients.chart', { id: s.w.id })).timeline;
    expect(timeline.find((t) => t.id === contact.id)).toMatchObject({
      kind: 'pregnancy',
      voided: true,
      summary: 'ANC 1 · 30w 0d',
    });
  });

  it('corrects a contact with a reason: next version, flags recomputed, history, outbox, audit', async () => {
    c = await clinic();
    const s = await pregnant(c);
    const contact = await c.clinician.ok('pregnancy.recordContact', {
      pregnancyId: s.p.id,
      contactDate: START,
      bpFirst: bp(150, 95),
      bpRepeat: bp(150, 95),
    });
    expect(contact.flags).toEqual(['hypertension']);
    const fix = {
      id: contact.id,
      expectedVersion: 1,
      reason: 'BP typed from the wrong chart',
      contactDate: START,
      bpFirst: bp(120, 80),
      bpRepeat: bp(118, 78),
    };
    const before = counts(c);
    expect(await c.colleague.call('pregnancy.correctContact', fix)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await c.clinician.call('pregnancy.correctContact', { ...fix, reason: '' })).toMatchObject({
      code: 'VALIDATION',
    });
    expect(
      await c.clinician.call('pregnancy.correctContact', { ...fix, contactDate: addDays(START, 1) }),
    ).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'contactDate' }] });
    expect(counts(c)).toEqual(before);
    const fixed = await c.clinician.ok('pregnancy.correctContact', fix);
    expect(fixed).toMatchObject({ id: contact.id, version: 2, flags: [], bpFirst: bp(120, 80) });
    expect(await c.clinician.call('pregnancy.correctContact', fix)).toMatchObject({ code: 'CONFLICT' });
    const history = await c.clinician.ok('pregnancy.history', { entity: 'anc_contact', id: contact.id });
    expect(history.entries).toEqual([
      expect.objectContaining({ action: 'update', reason: 'BP typed from the wrong chart', version: 2 }),
    ]);
    const sql = (q: string) => c.sqlite().prepare(q).all();
    expect(sql("SELECT version FROM outbox WHERE entity = 'anc_contact' ORDER BY seq")).toEqual([
      { version: 1 },
      { version: 2 },
    ]);
    expect(sql("SELECT action FROM audit_log WHERE action LIKE 'anc-contact.%' ORDER BY seq")).toEqual([
      { action: 'anc-contact.create' },
      { action: 'anc-contact.correct' },
    ]);
    // Corrected, then voided: the void takes the latest version.
    const voided = await c.clinician.ok('pregnancy.voidContact', {
      id: contact.id,
      expectedVersion: 2,
      reason: 'Entered twice',
    });
    expect(voided).toMatchObject({ version: 3, voided: true });
    expect(await c.clinician.call('pregnancy.correctContact', { ...fix, expectedVersion: 3 })).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('refuses a contact before the pregnancy, in the future, or past 44 weeks, writing nothing', async () => {
    c = await clinic();
    const s = await pregnant(c);
    const before = counts(c);
    for (const contactDate of [addDays(s.p.datingLmp, -1), addDays(START, 1)]) {
      const r = await c.clinician.call('pregnancy.recordContact', { pregnancyId: s.p.id, contactDate });
      expect(r, contactDate).toMatchObject({
        ok: false,
        code: 'VALIDATION',
        fields: [{ path: 'contactDate' }],
      });
    }
    const bad = await c.clinician.call('pregnancy.recordContact', {
      pregnancyId: s.p.id,
      contactDate: START,
      bpFirst: bp(80, 90),
    });
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(counts(c)).toEqual(before);
  });
});
