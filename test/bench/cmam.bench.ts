// Issue 17 targets: the CMAM dashboard over 200,000 patients, 1,000,000 visits and 50,000 episodes p95 < 200 ms;
// a follow-up save p95 < 20 ms. Data are seeded with prepared statements (not the channels) and the seeded data
// folder is cached (node_modules/.cache/caredesk-bench) so later runs start in seconds.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, localDate } from '../../shared/clinical';
import { uuidv7 } from '../../shared/ids';
import { createCore } from '../../src-main/core/core';
import { silentLogger } from '../../src-main/core/log';
import { cmamDashboard } from '../../src-main/modules/cmam/cmam.dashboard';
import { insertUser } from '../../src-main/modules/users/users.service';
import { FLOOR_KDF } from '../../src-main/security/kdf';
import { rng, seedPatients } from './patients-population';
import { percentile, round } from './stats';
import type { Bench } from './types';

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 200_000);
const VISITS = Number(process.env.BENCH_VISITS ?? 1_000_000);
const EPISODES = Number(process.env.BENCH_EPISODES ?? 50_000);
const OPEN = Math.round(EPISODES / 10);
const EXITS = [
  'cured',
  'cured',
  'cured',
  'cured',
  'cured',
  'cured',
  'defaulted',
  'died',
  'non-responder',
  'transfer-out',
];
const CACHE = join(
  process.cwd(),
  'node_modules',
  '.cache',
  'caredesk-bench',
  `cmam-${PATIENTS}-${VISITS}-${EPISODES}-v1`,
);

interface Meta {
  userId: string;
  openEpisodes: string[];
  seedMs: number;
}

/** Seeds a fresh data folder: the facility, a clinician, patients, visits, episodes with weekly follow-ups. */
async function seed(dataDir: string): Promise<Meta> {
  const core = createCore({ dataDir, logger: silentLogger, kdf: FLOOR_KDF });
  const t0 = performance.now();
  try {
    const init = await core.call('b', 'setup.initialize', {
      facility: { name: 'Bench HC', code: 'BEN-01', district: '', country: '' },
      admin: { username: 'bench', fullName: 'Bench', password: 'bench password 123' },
    });
    if (!init.ok) throw new Error(init.message);
    const { sqlite, db } = core.state.database!;
    const userId = uuidv7();
    const at = new Date().toISOString();
    insertUser(db, { id: userId, username: 'nurse', fullName: 'Nurse', role: 'clinician' }, null, at);
    const r = rng(17);
    const patients = seedPatients(sqlite, PATIENTS, 'BEN-01', userId, r);
    const today = localDate(new Date());
    const visit = sqlite.prepare(
      `INSERT INTO visits (id, patient_id, visit_date, type, weight_kg, muac_mm, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, 'consultation', ?, ?, ?, ?, ?, ?)`,
    );
    sqlite.transaction(() => {
      for (let i = 0; i < VISITS; i++) {
        const p = patients[Math.floor(r() * patients.length)]!;
        visit.run(
          uuidv7(),
          p.id,
          addDays(today, -Math.floor(r() * 730)),
          round(5 + r() * 60, 1),
          100 + Math.floor(r() * 60),
          at,
          userId,
          at,
          userId,
        );
      }
    })();
    const episode = sqlite.prepare(
      `INSERT INTO cmam_episodes (id, patient_id, programme, number, admission_date, admission_type, admission_criterion,
         criteria, status, weight_kg, muac_mm, oedema, medical_complication, danger_sign, ration_per_week, next_visit_date,
         exit_date, exit_type, internal_move, sex, age_months_at_admission, protocol, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, 'new', 'muac', '["muac-sam"]', ?, ?, ?, 'none', 0, 0, ?, ?, ?, ?, 0, ?, ?, 'who-2013', ?, ?, ?, ?)`,
    );
    const followup = sqlite.prepare(
      `INSERT INTO cmam_followups (id, episode_id, patient_id, visit_date, weight_kg, muac_mm, oedema, appetite,
         new_complication, rutf_sachets, ration_per_week, next_visit_date, gain_g_per_kg_per_day, created_at, created_by,
         updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, 'none', 'good', 0, 21, 21, ?, 5, ?, ?, ?, ?)`,
    );
    const openEpisodes: string[] = [];
    sqlite.transaction(() => {
      for (let i = 0; i < EPISODES; i++) {
        const p = patients[i % patients.length]!;
        const open = i < OPEN;
        const programme = r() < 0.7 ? 'OTP' : r() < 0.5 ? 'TSFP' : 'SC';
        const weeks = open ? 1 + Math.floor(r() * 7) : 3 + Math.floor(r() * 9);
        const admission = open
          ? addDays(today, -7 * weeks)
          : addDays(today, -7 * weeks - Math.floor(r() * 700));
        const id = uuidv7();
        const w = round(6 + r() * 4, 1);
        const exit = open ? null : addDays(admission, 7 * weeks);
        episode.run(
          id,
          p.id,
          programme,
          `${programme}-${admission.slice(0, 4)}-${String(i).padStart(5, '0')}`,
          admission,
          programme === 'TSFP' ? 'MAM' : 'SAM',
          w,
          105 + Math.floor(r() * 15),
          21,
          addDays(admission, 7),
          exit,
          open ? null : EXITS[Math.floor(r() * EXITS.length)]!,
          p.sex,
          6 + Math.floor(r() * 50),
          at,
          userId,
          at,
          userId,
        );
        for (let k = 1; k <= weeks; k++) {
          const date = addDays(admission, 7 * k);
          if (open && date >= today) break;
          followup.run(
            uuidv7(),
            id,
            p.id,
            date,
            round(w + 0.15 * k, 2),
            110 + 2 * k,
            addDays(date, 7),
            at,
            userId,
            at,
            userId,
          );
        }
        if (open && programme === 'OTP') openEpisodes.push(id);
      }
    })();
    sqlite.pragma('optimize');
    return { userId, openEpisodes, seedMs: performance.now() - t0 };
  } finally {
    core.close();
  }
}

export const bench: Bench = async () => {
  let meta: Meta;
  let cached = existsSync(join(CACHE, 'meta.json'));
  if (!cached) {
    rmSync(CACHE, { recursive: true, force: true });
    mkdirSync(CACHE, { recursive: true });
    meta = await seed(join(CACHE, 'data'));
    writeFileSync(join(CACHE, 'meta.json'), JSON.stringify(meta));
  } else meta = JSON.parse(readFileSync(join(CACHE, 'meta.json'), 'utf8')) as Meta;
  // Work on a copy: the follow-ups saved below must not change the cached folder.
  const dataDir = mkdtempSync(join(tmpdir(), 'caredesk-bench-cmam-'));
  cpSync(join(CACHE, 'data'), dataDir, { recursive: true });
  const core = createCore({ dataDir, logger: silentLogger, kdf: FLOOR_KDF });
  try {
    const unlocked = await core.call('b', 'auth.login', {
      username: 'bench',
      password: 'bench password 123',
    });
    if (!unlocked.ok) throw new Error(unlocked.message);
    core.state.sessions.start('nurse', {
      userId: meta.userId,
      username: 'nurse',
      fullName: 'Nurse',
      role: 'clinician',
      mustChangePassword: false,
      hasPin: false,
    });
    const open = core.state.database!;
    const month = localDate(new Date()).slice(0, 7);
    for (let i = 0; i < 3; i++) await core.call('nurse', 'cmam.dashboard', { month });
    const dashMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < 30; i++) {
      let t0 = performance.now();
      const res = await core.call('nurse', 'cmam.dashboard', { month });
      dashMs.push(performance.now() - t0);
      if (!res.ok) throw new Error(res.message);
      t0 = performance.now();
      cmamDashboard(open, { month }, new Date());
      bareMs.push(performance.now() - t0);
    }
    const today = localDate(new Date());
    const saveMs: number[] = [];
    // CPU time of the process per save: what the code costs, apart from waiting on the disk's flush.
    const saveCpuMs: number[] = [];
    for (const episodeId of meta.openEpisodes.slice(0, 200)) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const res = await core.call('nurse', 'cmam.followup', {
        episodeId,
        visitDate: today,
        weightKg: 8.1,
        muacMm: 121,
        rutfSachetsGiven: 21,
        nextVisitDate: addDays(today, 7),
      });
      saveMs.push(performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      saveCpuMs.push((cpu.user + cpu.system) / 1000);
      if (!res.ok) throw new Error(`follow-up: ${res.message}`);
    }
    // Beside the save: the bare insert of one follow-up row in its own durable transaction (no checks, no
    // outbox, no audit, no stock movement, no episode read back).
    const bare = open.sqlite.prepare(
      `INSERT INTO cmam_followups (id, episode_id, patient_id, visit_date, weight_kg, muac_mm, oedema, appetite,
         new_complication, rutf_sachets, ration_per_week, next_visit_date, created_at, created_by, updated_at,
         updated_by)
       SELECT ?, id, patient_id, ?, 8.2, 122, 'none', 'good', 0, 21, 21, ?, ?, ?, ?, ? FROM cmam_episodes WHERE id = ?`,
    );
    const bareInsertMs: number[] = [];
    const stamp = new Date().toISOString();
    for (const episodeId of meta.openEpisodes.slice(0, 200)) {
      const t0 = performance.now();
      open.sqlite.transaction(() =>
        bare.run(uuidv7(), today, addDays(today, 7), stamp, meta.userId, stamp, meta.userId, episodeId),
      )();
      bareInsertMs.push(performance.now() - t0);
    }
    // The floor of any write here: one stock movement (row, outbox, audit, one durable commit).
    const stockMs: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      const res = await core.call('nurse', 'cmam.stockReceive', { movementDate: today, quantity: 10 });
      stockMs.push(performance.now() - t0);
      if (!res.ok) throw new Error(`stock: ${res.message}`);
    }
    const fsyncMs: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      open.sqlite
        .prepare(
          "INSERT INTO settings (key, value, updated_at) VALUES ('bench.probe', '1', 'x') ON CONFLICT (key) DO UPDATE SET value = value + 1",
        )
        .run();
      fsyncMs.push(performance.now() - t0);
    }
    const counts = open.sqlite
      .prepare(
        `SELECT (SELECT count(*) FROM patients) AS patients, (SELECT count(*) FROM visits) AS visits,
                (SELECT count(*) FROM cmam_episodes) AS episodes, (SELECT count(*) FROM cmam_followups) AS followups`,
      )
      .get() as Record<string, number>;
    return {
      ...counts,
      seeded_from_cache: cached,
      seed_ms: round(meta.seedMs, 0),
      dashboard_p95_ms: round(percentile(dashMs, 95)),
      dashboard_target_ms: 200,
      dashboard_bare_service_p95_ms: round(percentile(bareMs, 95)),
      followup_save_p95_ms: round(percentile(saveMs, 95)),
      followup_save_target_ms: 20,
      followup_saves: saveMs.length,
      followup_save_median_ms: round(percentile(saveMs, 50)),
      followup_save_cpu_p95_ms: round(percentile(saveCpuMs, 95)),
      bare_followup_insert_p95_ms: round(percentile(bareInsertMs, 95)),
      bare_followup_insert_median_ms: round(percentile(bareInsertMs, 50)),
      stock_receive_p95_ms: round(percentile(stockMs, 95)),
      bare_durable_commit_p95_ms: round(percentile(fsyncMs, 95)),
    };
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
    cached = true;
  }
};
