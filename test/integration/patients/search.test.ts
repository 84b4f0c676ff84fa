import { afterEach, describe, expect, it } from 'vitest';
import { adult, auditActions, child, clinic, type Clinic } from './support';

describe('patient search', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  const numbersFor = async (query: string) =>
    (await c.clerk.ok('patients.search', { query })).results.map((r) => r.registrationNumber);

  it('finds by any part of any name in any order, ignoring case and accents', async () => {
    c = await clinic();
    await c.clerk.ok('patients.register', child());
    await c.clerk.ok(
      'patients.register',
      adult({ givenName: 'Aïssatou', familyName: 'Touré', otherNames: 'Nènè' }),
    );
    await c.clerk.ok('patients.register', adult({ givenName: 'Amadou', familyName: 'Kamano', phone: '' }));
    expect(await numbersFor('kamara ami')).toEqual(['KSD-01-2026-00001']);
    expect(await numbersFor('AMINATA KAMARA')).toEqual(['KSD-01-2026-00001']);
    expect(await numbersFor('aissatou toure')).toEqual(['KSD-01-2026-00002']);
    expect(await numbersFor('nene')).toEqual(['KSD-01-2026-00002']);
    expect(await numbersFor('TOURÉ')).toEqual(['KSD-01-2026-00002']);
    expect((await numbersFor('kama')).sort()).toEqual(['KSD-01-2026-00001', 'KSD-01-2026-00003']);
  });

  it('finds by registration number, its serial, phone and caregiver as people type them', async () => {
    c = await clinic();
    await c.clerk.ok('patients.register', child());
    const b = await c.clerk.ok('patients.register', adult({ phone: '655 00 11 22' }));
    expect(await numbersFor('KSD-01-2026-00002')).toEqual([b.registrationNumber]);
    expect(await numbersFor('ksd-01-2026-0000')).toEqual(['KSD-01-2026-00001', 'KSD-01-2026-00002']);
    expect(await numbersFor('2')).toEqual([]);
    expect(await numbersFor('00002')).toEqual([b.registrationNumber]);
    expect(await numbersFor('620 12 34 56')).toEqual(['KSD-01-2026-00001']);
    expect(await numbersFor('0620123456')).toEqual(['KSD-01-2026-00001']);
    expect(await numbersFor('+224620123456')).toEqual(['KSD-01-2026-00001']);
    expect(await numbersFor('6201234')).toEqual(['KSD-01-2026-00001']);
    expect(await numbersFor('fatoumata')).toEqual(['KSD-01-2026-00001']);
    expect(await numbersFor('0655001122')).toEqual([b.registrationNumber]);
  });

  it('shows age, sex, village and programmes in each result', async () => {
    c = await clinic();
    await c.clerk.ok('patients.register', child());
    const [r] = (await c.clerk.ok('patients.search', { query: 'aminata' })).results;
    expect(r).toMatchObject({
      sex: 'female',
      village: 'Heremakono',
      age: { years: 2, months: 0, days: 24 },
      programmes: [],
    });
  });

  it('treats typed FTS syntax and SQL as plain text, and always limits the results', async () => {
    c = await clinic();
    for (let i = 0; i < 30; i++)
      await c.clerk.ok('patients.register', {
        ...adult({ otherNames: `N${i}`, phone: '' }),
        confirmNotDuplicate: true,
      });
    for (const hostile of [
      '"',
      'diallo OR 1=1; DROP TABLE patients; --',
      'NEAR(a b)',
      '*',
      '{names}: x',
      "' OR ''='",
      'a AND',
      '^ma',
    ]) {
      const result = await c.clerk.call('patients.search', { query: hostile });
      expect(result.ok, hostile).toBe(true);
    }
    expect((await c.clerk.ok('patients.search', { query: 'diallo' })).results).toHaveLength(20);
    expect((await c.clerk.ok('patients.search', { query: 'diallo', limit: 5 })).results).toHaveLength(5);
    expect(await c.clerk.call('patients.search', { query: 'diallo', limit: 500 })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fields: [{ path: 'limit' }],
    });
  });

  it('audits every search with the number of results, never the query text', async () => {
    c = await clinic();
    const shown = await c.clerk.ok('patients.register', child());
    await c.clerk.ok('patients.search', { query: 'Aminata' });
    const row = auditActions(c).at(-1)!;
    expect(row).toEqual({
      action: 'patient.search',
      entity_id: null,
      patient_id: null,
      detail: `results=1 shown=${shown.id}`,
      user_id: c.clerk.userId,
    });
    expect(JSON.stringify(auditActions(c))).not.toContain('Aminata');
  });

  it('leaves voided patients out', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', adult());
    await c.clerk.ok('patients.void', {
      id: p.id,
      expectedVersion: 1,
      reason: 'registered twice by mistake',
    });
    expect(await numbersFor('diallo')).toEqual([]);
    expect(await numbersFor(p.registrationNumber)).toEqual([]);
  });
});
