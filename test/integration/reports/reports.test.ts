import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clinic, child, type Clinic } from '../patients/support';
import { insertEpisode } from './support';
import { auditChainHead } from '../../../src-main/modules/reports/reports.service';

const DAY = 24 * 60 * 60 * 1000;

async function facility(c: Clinic) {
  const a = await c.clerk.ok('patients.register', child({ givenName: 'Aïssatou', familyName: 'Ndiaye' }));
  const b = await c.clerk.ok(
    'patients.register',
    child({
      givenName: 'Ɓoubacar',
      familyName: 'Sow',
      sex: 'male',
      birthDate: '2025-01-03',
      caregiverName: 'Mariama Sow',
      village: 'Bambaya',
      caregiverPhone: '+224 620 99 88 77',
    }),
  );
  const d = await c.clerk.ok(
    'patients.register',
    child({
      givenName: 'Kadiatou',
      familyName: 'Barry',
      birthDate: '2023-07-21',
      caregiverName: 'Hawa Barry',
      village: 'Yende',
      caregiverPhone: '+224 621 55 44 33',
    }),
  );
  const s = c.sqlite();
  insertEpisode(s, { patientId: a.id, admissionDate: '2026-02-20' }); // A, F
  insertEpisode(s, { patientId: b.id, admissionDate: '2026-03-01', criteria: ['whz-sam'] }); // C, F
  insertEpisode(s, {
    patientId: d.id,
    admissionDate: '2026-03-05',
    exitDate: '2026-03-31',
    exitType: 'cured',
  }); // C, E
  insertEpisode(s, { patientId: d.id, admissionDate: '2026-03-06', voided: true });
  return { a, b, d };
}

describe('monthly reports through the core', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  it('shows managers the A–F numbers, drills down to the patients (audited), and refuses clerks and researchers', async () => {
    c = await clinic(new Date('2026-04-10T09:00:00Z'));
    const { a, b, d } = await facility(c);
    const r = await c.manager.ok('reports.monthly', { month: '2026-03', report: 'cmam-OTP' });
    const total = (row: string) => r.tables[0]!.rows.find((x) => x.key === row)!.cells.total!.value;
    expect([total('A'), total('C'), total('E'), total('F')]).toEqual([1, 2, 1, 2]);
    expect(r.balance.ok).toBe(true);
    expect(JSON.stringify(r)).not.toContain(a.id); // numbers only: no record ids leave without drill-down

    const drill = await c.manager.ok('reports.drilldown', {
      month: '2026-03',
      report: 'cmam-OTP',
      cell: 'cmam/C/total',
    });
    expect(drill.records.map((x) => x.givenName).sort()).toEqual(['Kadiatou', 'Ɓoubacar']);
    expect(drill.records.map((x) => x.patientId).sort()).toEqual([b.id, d.id].sort());
    const audit = c
      .sqlite()
      .prepare("SELECT detail, user_id FROM audit_log WHERE action = 'report.drilldown'")
      .all();
    expect(audit).toEqual([
      { detail: 'cmam-OTP 2026-03 cmam/C/total: 2 records', user_id: c.manager.userId },
    ]);

    expect(await c.clerk.call('reports.monthly', { month: '2026-03', report: 'cmam-OTP' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await c.clinician.call('reports.monthly', { month: '2026-03', report: 'anc' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      await c.researcher.call('reports.drilldown', {
        month: '2026-03',
        report: 'cmam-OTP',
        cell: 'cmam/C/total',
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await c.clerk.call('reports.freeze', { month: '2026-03' })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('rejects bad months and cells with a clear message', async () => {
    c = await clinic(new Date('2026-04-10T09:00:00Z'));
    await facility(c);
    const bad = await c.manager.call('reports.monthly', { month: '2026-13', report: 'anc' });
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(JSON.stringify(bad)).toContain('YYYY-MM');
    const cell = await c.manager.call('reports.drilldown', {
      month: '2026-03',
      report: 'cmam-OTP',
      cell: 'cmam/Z/total',
    });
    expect(cell).toMatchObject({ ok: false, code: 'VALIDATION' });
    const future = await c.manager.call('reports.freeze', { month: '2026-04' });
    expect(future).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('freezes a month for good; a back-dated entry later shows exactly which numbers differ and why', async () => {
    c = await clinic(new Date('2026-04-10T09:00:00Z'));
    const { a } = await facility(c);
    const before = auditChainHead(c.sqlite());
    const frozen = await c.manager.ok('reports.freeze', { month: '2026-03' });
    expect(frozen).toMatchObject({
      month: '2026-03',
      frozenByName: 'mariam test',
      auditHeadHash: before.hash,
      auditRows: before.rows,
    });
    expect(frozen.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await c.manager.call('reports.freeze', { month: '2026-03' })).toMatchObject({ code: 'CONFLICT' });
    expect(() => c.sqlite().prepare("UPDATE report_freezes SET pdf_sha256 = 'x'").run()).toThrow(/immutable/);
    expect(() => c.sqlite().prepare('DELETE FROM report_freezes').run()).toThrow(/immutable/);
    const outbox = c.sqlite().prepare("SELECT entity_id FROM outbox WHERE entity = 'report_freeze'").all();
    expect(outbox).toHaveLength(1);

    const unchanged = await c.manager.ok('reports.monthly', { month: '2026-03', report: 'cmam-OTP' });
    expect(unchanged.frozen?.frozenAt).toBe('2026-04-10T09:00:00.000Z');
    expect(unchanged.differences).toEqual([]);

    c.advance(2 * DAY);
    const late = insertEpisode(c.sqlite(), {
      patientId: a.id,
      programme: 'OTP',
      admissionDate: '2026-03-20',
      admissionType: 'relapse',
      createdAt: '2026-04-12T09:00:00.000Z',
    });
    const now = await c.manager.ok('reports.monthly', { month: '2026-03', report: 'cmam-OTP' });
    const diff = Object.fromEntries(now.differences.map((x) => [x.key, x]));
    expect(diff['cmam/C/total']).toMatchObject({ frozen: 2, live: 3 });
    expect(diff['cmam/B_relapse/total']?.records).toEqual([
      { id: late, registrationNumber: expect.any(String), direction: 'added', reason: 'entered-after' },
    ]);
    expect(diff['cmam/A/total']).toBeUndefined();
    // The snapshot itself did not move.
    const row = c.sqlite().prepare('SELECT pdf_sha256 FROM report_freezes').get() as { pdf_sha256: string };
    expect(row.pdf_sha256).toBe(frozen.pdfSha256);
  });

  it('refuses to print a report that does not add up and names the record', async () => {
    c = await clinic(new Date('2026-04-10T09:00:00Z'));
    const { b } = await facility(c);
    insertEpisode(c.sqlite(), {
      patientId: b.id,
      admissionDate: '2026-03-10',
      exitDate: '2026-02-20',
      exitType: 'cured',
    });
    const r = await c.manager.ok('reports.monthly', { month: '2026-03', report: 'cmam-OTP' });
    expect(r.balance.ok).toBe(false);
    expect(r.balance.failures).toEqual([
      {
        id: expect.any(String),
        registrationNumber: b.registrationNumber,
        problem: 'exit 2026-02-20 is before admission 2026-03-10',
      },
    ]);
    const pdf = await c.manager.call('reports.pdf', { month: '2026-03', report: 'cmam-OTP' });
    expect(pdf).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(JSON.stringify(pdf)).toContain(b.registrationNumber);
  });

  it('prints the PDF: facility, month, numbers and accented text readable, page not blank; CSV with BOM', async () => {
    c = await clinic(new Date('2026-04-10T09:00:00Z'));
    const { a } = await facility(c);
    c.sqlite()
      .prepare("UPDATE facility SET name = 'Centre de santé de Guéckédou', district = 'Guéckédou'")
      .run();
    await c.clinician.ok('visits.create', {
      patientId: a.id,
      visitDate: '2026-03-12',
      diagnoses: [{ text: 'Paludisme sévère — fièvre', icd10: 'B54' }],
    });
    const out = await c.manager.ok('reports.pdf', { month: '2026-03', report: 'all', language: 'fr' });
    const dir = mkdtempSync(join(tmpdir(), 'caredesk-pdf-'));
    try {
      const file = join(dir, out.fileName);
      writeFileSync(file, Buffer.from(out.base64, 'base64'));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Centre de santé de Guéckédou');
      expect(text).toContain('mars 2026');
      expect(text).toMatch(/B54 Paludisme sévère —[\s\S]{0,200}fièvre/); // wrapped in its cell
      expect(text).toMatch(/A\. Total au début du mois\s+1\s+0\s+1/);
      expect(text).toMatch(/C\. Total des entrées\s+2\s+1\s+1/);
      expect(text).toContain('Préparé par');
      expect(text).toMatch(/Page 1 sur \d+/);
      // The screen's two trend charts, drawn from the same chart.js configuration: legends and threshold line.
      expect(text).toContain('12 derniers mois');
      expect(text).toContain('Taux de guérison (%) — norme Sphere 75 %');
      expect(text).toContain('Effectif en fin de mois');
      expect(text).toContain('2026-03');
      execFileSync('pdftoppm', [
        '-r',
        '30',
        '-f',
        '1',
        '-l',
        '1',
        '-gray',
        '-singlefile',
        file,
        join(dir, 'page'),
      ]);
      const pgm = readFileSync(join(dir, 'page.pgm'));
      const pixels = pgm.subarray(pgm.length - 248 * 351); // A4 at 30 dpi, one byte per pixel
      expect(pixels.filter((p) => p < 128).length).toBeGreaterThan(500);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const csv = await c.manager.ok('reports.csv', { month: '2026-03', report: 'visits', language: 'en' });
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    expect(csv.text).toContain('B54 Paludisme sévère — fièvre,1');
  });
});
