import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clinic } from '../patients/support';
import { busyClinic, workDir } from './support';

interface Research {
  format: string;
  tables: Record<string, Record<string, unknown>[]>;
}

describe('de-identified research export', () => {
  let c: Clinic;
  let files: ReturnType<typeof workDir>;
  beforeEach(() => {
    files = workDir();
  });
  afterEach(() => {
    c?.core.dispose();
    files.done();
  });

  it('holds no identifying field, pseudonyms join only with a reusable key, and is audited with its counts', async () => {
    c = (await busyClinic()).c;
    const json = files.path('research.json');
    const csv = files.path('research.csv');
    const first = await c.researcher.ok('exchange.research', { format: 'json', file: json });
    expect(first.key).toBeNull();
    await c.manager.ok('exchange.research', { format: 'csv', file: csv });

    // Every identifying value of the facility, straight from the database: none may appear in either file.
    const s = c.sqlite();
    const identifying = [
      ...(
        s
          .prepare(
            `SELECT id, registration_number, given_name, family_name, phone, caregiver_phone, caregiver_name, village,
             national_id, notes, birth_date FROM patients`,
          )
          .all() as Record<string, string>[]
      ).flatMap((p) => Object.values(p)),
      ...(s.prepare('SELECT id, visit_date, notes FROM visits').all() as Record<string, string>[]).flatMap(
        (v) => Object.values(v),
      ),
      ...(s.prepare('SELECT id, lmp, edd FROM pregnancies').all() as Record<string, string>[]).flatMap((v) =>
        Object.values(v),
      ),
    ].filter((v): v is string => typeof v === 'string' && v.length >= 4);
    expect(identifying).toEqual(
      expect.arrayContaining(['Aïssatou', 'GN-778812', 'lives behind the mosque', '2024-02-14']),
    );
    for (const file of [json, csv]) {
      const text = readFileSync(file, 'utf8');
      for (const value of identifying)
        expect(text.includes(value), `${file} contains "${value}"`).toBe(false);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}(?!T)/); // no exact date at all
    }

    const data = JSON.parse(readFileSync(json, 'utf8')) as Research;
    expect(data.format).toBe('caredesk-research/1');
    expect(data.tables.patients).toHaveLength(3); // the merged-away duplicate is left out
    expect(Object.keys(data.tables.patients![0]!).sort()).toEqual(
      [
        'age_months_at_registration',
        'birth_month',
        'birth_month_estimated',
        'patient',
        'registered_month',
        'sex',
      ].sort(),
    );
    const pids = new Set(data.tables.patients!.map((p) => p.patient));
    for (const e of data.tables.cmam_episodes!) expect(pids.has(e.patient)).toBe(true);
    expect(data.tables.cmam_episodes).toHaveLength(3);

    // Without a key two exports cannot be joined; with the reusable key they can.
    const second = files.path('second.json');
    const keyed = await c.manager.ok('exchange.research', {
      format: 'json',
      file: second,
      reusableKey: true,
    });
    const again = JSON.parse(readFileSync(second, 'utf8')) as Research;
    expect(again.tables.patients!.some((p) => pids.has(p.patient))).toBe(false);
    expect(keyed.key).toMatch(/^[0-9a-f]{64}$/);
    const third = files.path('third.json');
    await c.manager.ok('exchange.research', { format: 'json', file: third, key: keyed.key! });
    const joined = JSON.parse(readFileSync(third, 'utf8')) as Research;
    expect(joined.tables.patients!.map((p) => p.patient)).toEqual(
      again.tables.patients!.map((p) => p.patient),
    );

    const audit = s
      .prepare("SELECT user_id, detail FROM audit_log WHERE action = 'exchange.export.research' ORDER BY seq")
      .all() as { user_id: string; detail: string }[];
    expect(audit).toHaveLength(4);
    expect(audit[0]).toEqual({
      user_id: c.researcher.userId,
      detail: 'format=json key=one-off patients=3 visits=2 cmam_episodes=3 pregnancies=1 anc_contacts=1',
    });

    for (const who of [c.clerk, c.clinician, c.admin]) {
      expect(
        await who.call('exchange.research', { format: 'json', file: files.path('no.json') }),
      ).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    expect(
      await c.researcher.call('exchange.export', { format: 'json', file: files.path('no.json') }),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
