import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src-main/modules/audit/audit.service';
import { clinic, type Clinic } from '../patients/support';
import { busyClinic, workDir } from './support';

const TABLES = [
  'patients',
  'visits',
  'cmam_episodes',
  'pregnancies',
  'anc_contacts',
  'record_history',
  'users',
];
const countsOf = (c: Clinic) =>
  Object.fromEntries(
    [...TABLES, 'audit_log'].map((t) => [
      t,
      (c.sqlite().prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n,
    ]),
  );

async function reports(c: Clinic) {
  const out: unknown[] = [];
  for (const report of ['cmam-OTP', 'cmam-SC', 'anc'] as const) {
    const r = await c.manager.ok('reports.monthly', { month: '2026-03', report });
    out.push(r.tables);
  }
  return out;
}

async function searches(c: Clinic) {
  const out: unknown[] = [];
  for (const query of ['Sow', 'Ndiaye', 'Camara', '620 99']) {
    out.push(
      (await c.manager.ok('patients.search', { query })).results.map((p) => [p.id, p.registrationNumber]),
    );
  }
  return out;
}

describe('full export and import (caredesk-export/1)', () => {
  const open: Clinic[] = [];
  let files: ReturnType<typeof workDir>;
  beforeEach(() => {
    files = workDir();
  });
  afterEach(() => open.splice(0).forEach((c) => c.core.dispose()));
  afterEach(() => files.done());

  it('rebuilds a facility in an empty data folder: same reports, same search, audit chain verifies; a second import changes nothing', async () => {
    const { c: from } = await busyClinic();
    open.push(from);
    const file = files.path('facility.cdx');
    const written = await from.manager.ok('exchange.export', { format: 'json', file });
    expect(written.counts.patients).toBe(4);
    expect(existsSync(`${file}.partial`)).toBe(false);
    expect(readFileSync(file, 'utf8').split('\n')[0]).toContain('"format":"caredesk-export/1"');
    const audit = from
      .sqlite()
      .prepare("SELECT detail FROM audit_log WHERE action = 'exchange.export.json'")
      .all();
    expect(audit).toEqual([{ detail: expect.stringContaining('patients=4') }]);

    const to = await clinic(new Date('2026-04-10T09:00:00Z'));
    open.push(to);
    const first = await to.manager.ok('exchange.import', { file });
    expect(first).toMatchObject({ rebuilt: true, updated: 0 });
    expect(first.added).toBeGreaterThan(10);
    expect(await reports(to)).toEqual(await reports(from));
    expect(await searches(to)).toEqual(await searches(from));
    expect(verifyAuditChain(to.sqlite())).toMatchObject({ ok: true });
    const merged = to
      .sqlite()
      .prepare('SELECT merged_into FROM patients WHERE merged_into IS NOT NULL')
      .all();
    expect(merged).toHaveLength(1);

    const before = countsOf(to);
    const again = await to.manager.ok('exchange.import', { file });
    expect(again).toMatchObject({ added: 0, updated: 0, rebuilt: false });
    expect({ ...countsOf(to), audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
    expect(await reports(to)).toEqual(await reports(from));
  });

  it('a cancelled export leaves neither the file nor a partial one', async () => {
    const { c: from } = await busyClinic();
    open.push(from);
    const file = files.path('stopped.cdx');
    const running = from.manager.call('exchange.export', { format: 'json', file });
    expect(await from.manager.ok('exchange.cancel', {})).toEqual({ requested: true });
    expect(await running).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.partial`)).toBe(false);
    expect(
      from.sqlite().prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'exchange.%'").get(),
    ).toEqual({
      n: 0,
    });
  });

  it('refuses a cut, edited or foreign file, naming the line, and writes nothing', async () => {
    const { c: from } = await busyClinic();
    open.push(from);
    const file = files.path('facility.cdx');
    await from.manager.ok('exchange.export', { format: 'json', file });
    const lines = readFileSync(file, 'utf8').split('\n');

    const to = await clinic(new Date('2026-04-10T09:00:00Z'));
    open.push(to);
    const before = countsOf(to);

    const cut = files.path('cut.cdx');
    const lastKept = lines.findIndex((l) => l.includes('"t":"visits"'));
    writeFileSync(cut, lines.slice(0, lastKept + 1).join('\n') + '\n');
    const cutResult = await to.manager.call('exchange.import', { file: cut });
    expect(cutResult).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (!cutResult.ok) expect(cutResult.message).toContain(`ends early, after line ${lastKept + 1} (visits)`);

    const half = files.path('half.cdx');
    writeFileSync(half, readFileSync(file, 'utf8').slice(0, 3000));
    const halfResult = await to.manager.call('exchange.import', { file: half });
    expect(halfResult).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (!halfResult.ok) expect(halfResult.message).toMatch(/line \d+ is not complete JSON/);

    const edited = files.path('edited.cdx');
    const at = lines.findIndex((l) => l.includes('"t":"patients"') && l.includes('Aïssatou'));
    const copy = [...lines];
    copy[at] = copy[at]!.replace('Aïssatou', 'Aissatou');
    writeFileSync(edited, copy.join('\n'));
    const editResult = await to.manager.call('exchange.import', { file: edited });
    expect(editResult).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (!editResult.ok) expect(editResult.message).toContain(`line ${at + 1} (patients`);

    const wrong = files.path('wrong.cdx');
    const badType = [...lines];
    const visitAt = badType.findIndex((l) => l.includes('"t":"visits"'));
    badType[visitAt] = badType[visitAt]!.replace(/"weight_kg":[^,]+/, '"weight_kg":"heavy"');
    writeFileSync(wrong, badType.join('\n'));
    const wrongResult = await to.manager.call('exchange.import', { file: wrong });
    expect(wrongResult).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (!wrongResult.ok) expect(wrongResult.message).toContain(`line ${visitAt + 1}`);

    expect(countsOf(to)).toEqual(before);

    // A facility that already has patients refuses another facility's file unless told.
    to.sqlite().prepare("UPDATE facility SET uuid = 'other', code = 'OTHER-02', name = 'Other Post'").run();
    await to.clerk.ok('patients.register', {
      givenName: 'Local',
      familyName: 'Patient',
      sex: 'male',
      birthDate: '1990-01-01',
    });
    const foreign = await to.manager.call('exchange.import', { file });
    expect(foreign).toMatchObject({ ok: false, code: 'CONFLICT' });
    if (!foreign.ok)
      expect(foreign.message).toContain('This file is from Kissidougou Health Centre (KSD-01)');
    const combined = await to.manager.ok('exchange.import', { file, otherFacility: true });
    expect(combined.rebuilt).toBe(false);

    for (const who of [to.clinician, to.clerk, to.researcher, to.admin]) {
      expect(await who.call('exchange.import', { file })).toMatchObject({ code: 'FORBIDDEN' });
      expect(await who.call('exchange.export', { format: 'json', file: files.path('x.cdx') })).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
  });
});
