import { afterEach, describe, expect, it } from 'vitest';
import { auditActions, child, clinic, counts, type Clinic } from './support';

const HEADER =
  'given_name,family_name,sex,birth_date,age_years,phone,village,caregiver_name,caregiver_relationship,caregiver_phone';

describe('bulk import of patients from CSV', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  it('offers a template whose example row must be removed before importing', async () => {
    c = await clinic();
    const t = await c.clerk.ok('imports.patientsTemplate', {});
    expect(t.filename).toBe('caredesk-patients-template.csv');
    expect(t.csv.split('\r\n')[0]).toBe(t.columns.join(','));
    const preview = await c.clerk.ok('imports.patientsPreview', { csv: t.csv });
    expect(preview.errors).toEqual([
      { row: 2, column: '', message: "is the template's example row: delete it" },
    ]);
  });

  it('previews errors by row and column and saves nothing', async () => {
    c = await clinic();
    const csv = [
      HEADER,
      'Mariama,Bah,F,2019-05-02,,,Firawa,,,',
      ',Sow,M,1990-01-01,,,,,,',
      'Ousmane,Barry,X,1985-13-01,,,,,,',
      'Hawa,Condé,F,,,12,,,,',
      'Binta,Sylla,F,2025-01-05,,,,,,',
      'Alpha,Keïta,M,2030-01-01,,,,,,',
    ].join('\n');
    const before = counts(c);
    const p = await c.clerk.ok('imports.patientsPreview', { csv });
    expect(p.rowCount).toBe(6);
    expect(p.validCount).toBe(1);
    expect(p.errors).toEqual([
      { row: 3, column: 'given_name', message: 'is required' },
      { row: 4, column: 'sex', message: 'must be M or F' },
      { row: 4, column: 'birth_date', message: 'must be a real date like 2023-04-15 or 15/04/2023' },
      { row: 5, column: 'birth_date', message: 'give the date of birth or the age' },
      {
        row: 5,
        column: 'phone',
        message: 'must be a phone number: 6 to 15 digits (spaces, +, -, brackets allowed)',
      },
      { row: 6, column: 'caregiver_name', message: 'is required for a child under 5' },
      { row: 6, column: 'caregiver_relationship', message: 'is required for a child under 5' },
      {
        row: 6,
        column: 'caregiver_phone',
        message: 'is required for a child under 5 (or tick "the caregiver has no phone")',
      },
      { row: 7, column: 'birth_date', message: 'is in the future' },
    ]);
    expect(p.rows[0]).toMatchObject({
      row: 2,
      givenName: 'Mariama',
      sex: 'female',
      birthDate: '2019-05-02',
      ok: true,
    });
    expect(counts(c)).toEqual(before);
    const commit = await c.clerk.call('imports.patientsCommit', { csv, fileHash: p.fileHash });
    expect(commit).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(counts(c)).toEqual(before);
  });

  it('reads French spreadsheets (";" separators, French headers, day-first dates, ages) and imports all rows at once', async () => {
    c = await clinic();
    const csv =
      '\uFEFFprénom;nom;sexe;date_de_naissance;age_ans;age_mois;téléphone;village\r\n' +
      'Aïssatou;Diallo;F;02/05/1991;;;"+224 622 11 22 33";Bambaya\r\n' +
      'Lansana;Kourouma;H;;45;6;;"Tangalto; secteur 2"\r\n';
    const p = await c.clerk.ok('imports.patientsPreview', { csv });
    expect(p.errors).toEqual([]);
    expect(p.rows.map((r) => [r.givenName, r.birthDate, r.birthDateEstimated, r.village])).toEqual([
      ['Aïssatou', '1991-05-02', false, 'Bambaya'],
      ['Lansana', '1980-09-10', true, 'Tangalto; secteur 2'],
    ]);
    const done = await c.clerk.ok('imports.patientsCommit', { csv, fileHash: p.fileHash });
    expect(done).toEqual({
      imported: 2,
      skipped: 0,
      firstNumber: 'KSD-01-2026-00001',
      lastNumber: 'KSD-01-2026-00002',
    });
    expect((await c.clerk.ok('patients.search', { query: 'kourouma lan' })).results).toHaveLength(1);
    expect(auditActions(c).filter((r) => r.action === 'patient.create')).toHaveLength(2);
    expect(auditActions(c).find((r) => r.action === 'patient.import')).toMatchObject({
      detail: 'imported=2 skipped=0',
    });
  });

  it('flags suspected duplicates in the database and inside the file, and asks to import or skip them', async () => {
    c = await clinic();
    const existing = await c.clerk.ok('patients.register', child());
    const csv = [
      HEADER,
      'Aminata,Kamara,F,2024-02-14,,,Heremakono,Fatoumata Kamara,mother,0620123456',
      'Oumou,Traoré,F,1975-03-03,,,,,,',
      'Oumou,Traore,F,1975-03-03,,,,,,',
    ].join('\r\n');
    const p = await c.clerk.ok('imports.patientsPreview', { csv });
    expect(p.errors).toEqual([]);
    expect(p.duplicates.map((d) => [d.row, d.sameAsRow, d.candidates.map((x) => x.patient.id)])).toEqual([
      [2, null, [existing.id]],
      [4, 3, []],
    ]);
    const undecided = await c.clerk.call('imports.patientsCommit', { csv, fileHash: p.fileHash });
    expect(undecided).toMatchObject({ ok: false, code: 'CONFLICT', fields: [{ path: 'duplicates' }] });
    const done = await c.clerk.ok('imports.patientsCommit', {
      csv,
      fileHash: p.fileHash,
      duplicates: 'skip',
    });
    expect(done).toMatchObject({ imported: 1, skipped: 2 });
    expect(counts(c).patients).toBe(2);
  });

  it('imports only the exact file that was previewed, and all of it or nothing', async () => {
    c = await clinic();
    const csv = `${HEADER}\nMoussa,Camara,M,1970-01-01,,,,,,\n`;
    const p = await c.clerk.ok('imports.patientsPreview', { csv });
    const changed = csv.replace('Moussa', 'Mussa');
    expect(
      await c.clerk.call('imports.patientsCommit', { csv: changed, fileHash: p.fileHash }),
    ).toMatchObject({ ok: false, code: 'CONFLICT', fields: [{ path: 'fileHash' }] });
    // A row that becomes invalid between preview and commit (a duplicate registered meanwhile is fine; a
    // broken file is not) rolls the whole import back.
    const before = counts(c);
    const broken = `${HEADER}\nMoussa,Camara,M,1970-01-01,,,,,,\n"unclosed,Camara,M,1970-01-01,,,,,,\n`;
    const bp = await c.clerk.ok('imports.patientsPreview', { csv: broken });
    expect(bp.errors).toEqual([
      { row: 3, column: '', message: 'a quoted cell is never closed (a " is missing)' },
    ]);
    expect(
      await c.clerk.call('imports.patientsCommit', { csv: broken, fileHash: bp.fileHash }),
    ).toMatchObject({ ok: false });
    expect(counts(c)).toEqual(before);
    expect(await c.researcher.call('imports.patientsPreview', { csv })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses unknown or missing columns in plain words', async () => {
    c = await clinic();
    const p = await c.clerk.ok('imports.patientsPreview', {
      csv: 'given_name,surname_x,birth_date\nA,B,2000-01-01\n',
    });
    expect(p.errors).toEqual([
      {
        row: 1,
        column: 'surname_x',
        message: 'is not a column CareDesk knows: rename it as in the template, or delete it',
      },
      { row: 1, column: 'family_name', message: 'column is missing' },
      { row: 1, column: 'sex', message: 'column is missing' },
    ]);
  });
});
