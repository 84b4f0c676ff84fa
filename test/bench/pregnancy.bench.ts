// Issue 18 target: the due-this-week and missed lists at 20,000 active pregnancies, p95 < 100 ms through the core
// (the bare list query beside it). Women and pregnancies are seeded with prepared SQL inserts in one transaction.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, ancFollowUp, DEFAULT_PROTOCOL, localDate } from '../../shared/clinical';
import { uuidv7 } from '../../shared/ids';
import { createCore } from '../../src-main/core/core';
import { silentLogger } from '../../src-main/core/log';
import { dueList, missedList } from '../../src-main/modules/pregnancy/lists';
import { insertUser } from '../../src-main/modules/users/users.service';
import { FLOOR_KDF } from '../../src-main/security/kdf';
import { rng, seedPatients } from './patients-population';
import { percentile, round } from './stats';
import type { Bench } from './types';

const PREGNANCIES = Number(process.env.BENCH_PREGNANCIES ?? 20_000);
const RUNS = 100;

export const bench: Bench = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'caredesk-bench-pregnancy-'));
  const core = createCore({ dataDir, logger: silentLogger, kdf: FLOOR_KDF });
  try {
    const init = await core.call('b', 'setup.initialize', {
      facility: { name: 'Bench HC', code: 'BEN-01', district: '', country: '' },
      admin: { username: 'bench', fullName: 'Bench', password: 'bench password 123' },
    });
    if (!init.ok) throw new Error(init.message);
    const open = core.state.database!;
    const { sqlite, db } = open;
    const userId = uuidv7();
    const at = new Date().toISOString();
    insertUser(db, { id: userId, username: 'midwife', fullName: 'Midwife', role: 'clinician' }, null, at);
    core.state.sessions.start('midwife', {
      userId,
      username: 'midwife',
      fullName: 'Midwife',
      role: 'clinician',
      mustChangePassword: false,
      hasPin: false,
    });
    const r = rng(18);
    const today = localDate(new Date());
    const seedStart = performance.now();
    // The lists read neither sex nor age: every seeded person carries one pregnancy (seeding stays short).
    const women = seedPatients(sqlite, PREGNANCIES, 'BEN-01', userId, r);
    const insert = sqlite.prepare(
      `INSERT INTO pregnancies (id, patient_id, status, registered_on, mother_age_years, lmp, dating_method, edd,
         dating_lmp, gravida, para, abortions, living_children, previous_caesarean, multiple_pregnancy, hiv_status,
         history, risk_factors, first_contact_date, first_contact_ga_days, next_contact_date, next_contact_number,
         missed_from, birth_plan, outcome_reason, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, 'active', ?, 25, ?, 'lmp', ?, ?, 2, 1, 0, 1, 0, 0, 'unknown', '[]', '[]', ?, ?, ?, ?, ?, '{}', '',
         ?, ?, ?, ?)`,
    );
    sqlite.transaction(() => {
      for (const w of women) {
        const gaToday = Math.floor(r() * 290);
        const lmp = addDays(today, -gaToday);
        const visits: string[] = [];
        for (let g = Math.floor(r() * 60); g <= gaToday; g += 28 + Math.floor(r() * 70))
          visits.push(addDays(lmp, g));
        const f = ancFollowUp(lmp, visits, DEFAULT_PROTOCOL);
        const first = visits[0] ?? null;
        insert.run(
          uuidv7(),
          w.id,
          addDays(lmp, Math.min(gaToday, 60)),
          lmp,
          addDays(lmp, 280),
          lmp,
          first,
          first ? Math.round((Date.parse(first) - Date.parse(lmp)) / 86_400_000) : null,
          f.nextContact?.date ?? null,
          f.nextContact?.number ?? null,
          f.missedFrom,
          at,
          userId,
          at,
          userId,
        );
      }
    })();
    const seedMs = performance.now() - seedStart;
    sqlite.pragma('optimize');
    if (process.env.BENCH_EXPLAIN) {
      const plan = sqlite
        .prepare(
          `EXPLAIN QUERY PLAN SELECT g.id FROM pregnancies g JOIN patients p ON p.id = g.patient_id
        WHERE g.status = 'active' AND g.voided = 0 AND p.voided = 0 AND p.merged_into IS NULL
        AND g.next_contact_date BETWEEN ? AND ? ORDER BY g.next_contact_date, p.family_name LIMIT 500`,
        )
        .all(today, today);
      process.stderr.write(`${JSON.stringify(plan)}\n`);
    }

    const measure = async (channel: 'pregnancy.dueList' | 'pregnancy.missedList', bare: typeof dueList) => {
      const coreMs: number[] = [];
      const bareMs: number[] = [];
      let lines = 0;
      let total = 0;
      for (let i = 0; i < RUNS + 5; i++) {
        const on = addDays(today, Math.floor(r() * 7));
        let t0 = performance.now();
        const res = await core.call('midwife', channel, { on });
        const c = performance.now() - t0;
        if (!res.ok) throw new Error(res.message);
        t0 = performance.now();
        bare(open, { on, limit: 500 }, new Date());
        const b = performance.now() - t0;
        if (i < 5) continue; // warm-up
        coreMs.push(c);
        bareMs.push(b);
        lines = res.value.lines.length;
        total = res.value.total;
      }
      return { p95: round(percentile(coreMs, 95)), bare: round(percentile(bareMs, 95)), lines, total };
    };
    const due = await measure('pregnancy.dueList', dueList);
    const missed = await measure('pregnancy.missedList', missedList);
    return {
      active_pregnancies: women.length,
      seed_ms: round(seedMs),
      due_list_p95_ms: due.p95,
      due_list_bare_query_p95_ms: due.bare,
      due_list_women: due.total,
      missed_list_p95_ms: missed.p95,
      missed_list_bare_query_p95_ms: missed.bare,
      missed_list_women: missed.total,
      missed_list_lines_returned: missed.lines,
      target_p95_ms: 100,
    };
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};
