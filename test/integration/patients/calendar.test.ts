import { afterEach, describe, expect, it } from 'vitest';
import { rebuildSearchIndex } from '../../../src-main/modules/patients/search-index';
import { adult, child, clinic, counts, type Clinic } from './support';

describe('calendar dates and the search index', () => {
  let c: Clinic;
  const tz = process.env.TZ;
  afterEach(() => {
    c?.core.dispose();
    process.env.TZ = tz;
  });

  it('uses the clinic’s own calendar day, whatever UTC says (no shift by a day)', async () => {
    // 12:00 UTC on 10 March is already 11 March in Kiribati (UTC+14).
    process.env.TZ = 'Pacific/Kiritimati';
    c = await clinic(new Date('2026-03-10T12:00:00Z'));
    const p = await c.clerk.ok('patients.register', child());
    expect(p.registeredOn).toBe('2026-03-11');
    const v = await c.clinician.ok('visits.create', {
      patientId: p.id,
      visitDate: '2026-03-11',
      weightKg: 11,
    });
    expect(v.visitDate).toBe('2026-03-11');
    const future = await c.clinician.call('visits.create', { patientId: p.id, visitDate: '2026-03-12' });
    expect(future).toMatchObject({ ok: false, fields: [{ path: 'visitDate', message: 'is in the future' }] });
    expect((await c.clinician.ok('home.summary', {})).counts.visitsToday).toBe(1);
  });

  it('rebuilds the search index from the patients table (IT repair), leaving out voided and merged records', async () => {
    c = await clinic();
    await c.clerk.ok('patients.register', child());
    const b = await c.clerk.ok('patients.register', adult());
    await c.clerk.ok('patients.void', { id: b.id, expectedVersion: 1, reason: 'entered twice' });
    c.sqlite().exec('DELETE FROM patients_fts');
    expect((await c.clerk.ok('patients.search', { query: 'aminata' })).results).toHaveLength(0);
    expect(rebuildSearchIndex(c.sqlite())).toBe(1);
    expect(counts(c).patients_fts).toBe(1);
    expect((await c.clerk.ok('patients.search', { query: 'kamara ami' })).results).toHaveLength(1);
  });
});
