import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { cmamFollowups } from '../../../src-main/db/schema';
import { appendAudit, verifyAuditChain } from '../../../src-main/modules/audit/audit.service';
import { insertRow, nextCounter, stmt, updateRow } from '../../../src-main/records';
import '../../../src-main/core/domains';
import { clinic, type Clinic } from '../patients/support';
import { otpAdmission, samChild } from '../cmam/support';

// The kernel's cached write statements (the follow-up save's hot path): a row stored by insertRow/updateRow
// reads back through drizzle exactly as drizzle would have stored it, and the audit chain stays whole when its
// statements are compiled once per connection.
describe('record kernel statements compiled once per connection', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  it('stores and overwrites a whole row as drizzle maps it (booleans, JSON text, nulls)', async () => {
    c = await clinic();
    const episode = await c.clinician.ok('cmam.admit', otpAdmission(await samChild(c)));
    const { sqlite, db } = c.core.state.database!;
    const at = new Date().toISOString();
    const row: typeof cmamFollowups.$inferSelect = {
      id: uuidv7(),
      episodeId: episode.id,
      patientId: episode.patientId,
      visitDate: '2026-03-17',
      weightKg: 7.4,
      muacMm: null,
      oedema: 'none',
      appetite: 'good',
      appetiteTest: null,
      newComplication: true,
      rutfSachets: 21,
      rationPerWeek: 21,
      medicinesGiven: '["amoxicillin"]',
      nextVisitDate: '2026-03-24',
      notes: 'l’enfant va mieux',
      gainGPerKgPerDay: 4.2,
      alerts: '[]',
      createdAt: at,
      createdBy: c.clinician.userId,
      updatedAt: at,
      updatedBy: c.clinician.userId,
      version: 1,
      voided: false,
      voidReason: null,
    };
    sqlite.transaction(() => insertRow(sqlite, cmamFollowups, row))();
    const read = () => db.select().from(cmamFollowups).where(eq(cmamFollowups.id, row.id)).get();
    expect(read()).toEqual(row);
    expect(
      sqlite.prepare('SELECT new_complication, voided FROM cmam_followups WHERE id = ?').get(row.id),
    ).toEqual({ new_complication: 1, voided: 0 });

    const next = { ...row, voided: true, voidReason: 'entered twice', version: 2, muacMm: 118 };
    updateRow(sqlite, cmamFollowups, next);
    expect(read()).toEqual(next);
    expect(() => updateRow(sqlite, cmamFollowups, { ...next, id: uuidv7() })).toThrow(/no row/);
  });

  it('reuses one statement per SQL text and keeps the audit chain and counters whole', async () => {
    c = await clinic();
    const sqlite = c.sqlite();
    expect(stmt(sqlite, 'SELECT 1 AS one')).toBe(stmt(sqlite, 'SELECT 1 AS one'));
    sqlite.transaction(() => {
      for (let i = 0; i < 50; i++) appendAudit(sqlite, { action: 'bench.probe', detail: `n=${i}` });
    })();
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: true });
    const first = sqlite.transaction(() => nextCounter(sqlite, 'probe:2026'))();
    expect(sqlite.transaction(() => nextCounter(sqlite, 'probe:2026'))()).toBe(first + 1);
    // A rolled-back write gives its number back.
    expect(() =>
      sqlite.transaction(() => {
        nextCounter(sqlite, 'probe:2026');
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect(sqlite.transaction(() => nextCounter(sqlite, 'probe:2026'))()).toBe(first + 2);
  });
});
