import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertEpisode } from '../reports/support';
import { child, clinic, type Clinic } from '../patients/support';
import { byLmp, woman } from '../pregnancy/support';

/** A temp folder for export files, removed by `done()`. */
export function workDir(): { path(name: string): string; done(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'caredesk-exchange-'));
  return { path: (name) => join(dir, name), done: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A small facility with a bit of everything the exports carry: children with visits (weight, length, MUAC),
 * CMAM episodes in March 2026 (one exited, one voided), an adult with a blood pressure, a pregnancy with an
 * antenatal contact, and a merge.
 */
export async function busyClinic(): Promise<{ c: Clinic; ids: Record<string, string> }> {
  const c = await clinic(new Date('2026-04-10T09:00:00Z'));
  const a = await c.clerk.ok(
    'patients.register',
    child({
      givenName: 'Aïssatou',
      familyName: 'Ndiaye',
      nationalId: 'GN-778812',
      notes: 'lives behind the mosque',
    }),
  );
  const b = await c.clerk.ok(
    'patients.register',
    child({
      givenName: 'Boubacar',
      familyName: 'Sow',
      sex: 'male',
      birthDate: '2025-01-03',
      caregiverPhone: '+224 620 99 88 77',
    }),
  );
  const dup = await c.clerk.ok('patients.register', {
    ...child({ givenName: 'Boubakar', familyName: 'Sow', sex: 'male', birthDate: '2025-01-03' }),
    caregiverPhone: '+224 620 99 88 76',
    confirmNotDuplicate: true,
  });
  await c.manager.ok('patients.merge', {
    survivorId: b.id,
    mergedId: dup.id,
    survivorVersion: b.version,
    mergedVersion: dup.version,
    reason: 'same child registered twice',
  });
  const visit = await c.clinician.ok('visits.create', {
    patientId: a.id,
    visitDate: '2026-03-02',
    weightKg: 9.1,
    lengthCm: 80.2,
    measured: 'lying',
    muacMm: 112,
    notes: 'caregiver very worried',
  });
  const s = c.sqlite();
  insertEpisode(s, { patientId: a.id, admissionDate: '2026-02-20' });
  insertEpisode(s, { patientId: b.id, admissionDate: '2026-03-01', criteria: ['whz-sam'] });
  insertEpisode(s, {
    patientId: a.id,
    admissionDate: '2026-03-05',
    exitDate: '2026-03-31',
    exitType: 'cured',
  });
  insertEpisode(s, { patientId: b.id, admissionDate: '2026-03-06', voided: true });
  const m = await c.clerk.ok('patients.register', woman({ nationalId: 'GN-551100' }));
  await c.clinician.ok('visits.create', {
    patientId: m.id,
    visitDate: '2026-03-20',
    systolic: 128,
    diastolic: 84,
  });
  const p = await c.clinician.ok('pregnancy.register', byLmp(m.id, '2026-03-20', 84));
  await c.clinician.ok('pregnancy.recordContact', {
    pregnancyId: p.id,
    contactDate: '2026-03-20',
    fundalHeightCm: 12,
    fetalHeartRate: 150,
  });
  return { c, ids: { a: a.id, b: b.id, dup: dup.id, visit: visit.id, mother: m.id, pregnancy: p.id } };
}
