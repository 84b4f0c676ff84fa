import { afterEach, describe, expect, it } from 'vitest';
import { clinic, type Clinic } from '../patients/support';
import { DAY, otpAdmission, samChild } from './support';

// A merge moves the duplicate's CMAM episodes, follow-ups and programme enrolments through the kernel's
// moveRecords: each row's next version names the survivor, with a history row "moved" and an outbox row.
describe('CMAM and programme records follow a patient merge', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  it('moves episodes, follow-ups and enrolments to the record kept, each with history and outbox', async () => {
    c = await clinic();
    const kept = await samChild(c, 'Awa');
    const dup = await samChild(c, 'Awa-duplicate');
    const e = await c.clinician.ok('cmam.admit', otpAdmission(dup));
    c.advance(7 * DAY);
    const f = await c.clinician.ok('cmam.followup', {
      episodeId: e.id,
      visitDate: '2026-03-17',
      weightKg: 7.5,
      muacMm: 112,
      rutfSachetsGiven: 21,
      nextVisitDate: '2026-03-24',
    });
    const hiv = await c.manager.ok('programmes.create', { code: 'HIV', name: 'HIV care' });
    const enrolment = await c.clinician.ok('programmes.enrol', {
      patientId: dup,
      programmeId: hiv.id,
      enrolledOn: '2026-03-17',
    });
    const sqlite = c.sqlite();
    const outboxBefore = (sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    const pk = await c.clinician.ok('patients.chart', { id: kept });
    const pd = await c.clinician.ok('patients.chart', { id: dup });
    const merged = await c.manager.ok('patients.merge', {
      survivorId: kept,
      mergedId: dup,
      survivorVersion: pk.patient.version,
      mergedVersion: pd.patient.version,
      reason: 'Same child registered twice',
    });
    expect(merged.moved).toMatchObject({ cmam_episodes: 1, cmam_followups: 1, programme_enrolments: 1 });

    const owner = (table: string, id: string) =>
      sqlite.prepare(`SELECT patient_id AS p, version AS v FROM ${table} WHERE id = ?`).get(id) as {
        p: string;
        v: number;
      };
    expect(owner('cmam_episodes', e.id)).toEqual({ p: kept, v: e.version + 1 });
    expect(owner('cmam_followups', f.followup.id)).toEqual({ p: kept, v: 2 });
    expect(owner('programme_enrolments', enrolment.id)).toEqual({ p: kept, v: enrolment.version + 1 });
    const moved = sqlite
      .prepare(
        "SELECT entity, entity_id AS id, reason, changes FROM record_history WHERE action = 'moved' ORDER BY entity",
      )
      .all() as { entity: string; id: string; reason: string; changes: string }[];
    expect(moved.map((m) => [m.entity, m.id, m.reason])).toEqual([
      ['cmam_episode', e.id, 'Same child registered twice'],
      ['cmam_followup', f.followup.id, 'Same child registered twice'],
      ['enrolment', enrolment.id, 'Same child registered twice'],
    ]);
    // (the order the domains registered in does not matter)
    expect(JSON.parse(moved[0]!.changes)).toEqual([{ field: 'patientId', from: dup, to: kept }]);
    const queued = sqlite
      .prepare('SELECT entity, entity_id AS id, payload FROM outbox ORDER BY rowid')
      .all()
      .slice(outboxBefore) as { entity: string; id: string; payload: string }[];
    for (const id of [e.id, f.followup.id, enrolment.id]) {
      const row = queued.find((q) => q.id === id);
      expect(row, `outbox row for ${id}`).toBeDefined();
      expect(row!.payload).toContain(kept);
    }
    const chart = await c.clinician.ok('patients.chart', { id: kept });
    expect(chart.programmes.map((p) => p.code).sort()).toEqual(['HIV', 'OTP']);
  });
});
