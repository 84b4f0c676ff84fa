import { afterEach, describe, expect, it } from 'vitest';
import { clinic, counts, type Clinic } from '../patients/support';

const HEADER =
  'given_name,family_name,sex,birth_date,age_years,phone,village,caregiver_name,caregiver_relationship,caregiver_phone';

describe('CSV import of a file that is not UTF-8', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  it('refuses a Windows-1252 file with the row and column named, and stores no U+FFFD', async () => {
    c = await clinic();
    // What a spreadsheet's "CSV (Windows)" gives, read as UTF-8 (the app and the CLI read text as UTF-8).
    const ansi = Buffer.from(
      [HEADER, 'Mariama,Bah,F,2019-05-02,,,Firawa,,,', 'Aïssatou,Condé,F,1991-05-02,,,Bambaya,,,'].join(
        '\r\n',
      ),
      'latin1',
    ).toString('utf8');
    expect(ansi).toContain('\uFFFD');
    const before = counts(c);
    const p = await c.clerk.ok('imports.patientsPreview', { csv: ansi });
    expect(p.validCount).toBe(1);
    expect(p.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'given_name'],
      [3, 'family_name'],
    ]);
    expect(p.errors[0]!.message).toMatch(/could not be read .*save it as "CSV UTF-8"/);
    const commit = await c.clerk.call('imports.patientsCommit', { csv: ansi, fileHash: p.fileHash });
    expect(commit.ok).toBe(false);
    expect(counts(c)).toEqual(before);
    const stored = c
      .sqlite()
      .prepare("SELECT count(*) AS n FROM patients WHERE given_name LIKE '%' || char(65533) || '%'");
    expect(stored.get()).toEqual({ n: 0 });
  });
});
