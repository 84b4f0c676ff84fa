import Database from 'better-sqlite3';
import { cmamReport, reportMonth } from '../../shared/reports';
import { sqlFactSource } from '../../src-main/modules/reports/facts';
import { computeReport, reportTrends } from '../../src-main/modules/reports/reports.compute';
import { renderReportPdf } from '../../src-main/modules/reports/reports.pdf';
import { percentile, round, timeMs } from './stats';
import { ancBench } from './reports-anc';
import type { Bench } from './types';

const RUNS = 20;

/**
 * CMAM monthly report over 50,000 episodes and 1,000,000 follow-up visits (target p95 < 500 ms), beside the bare
 * indexed month aggregate over the same tables; the pure tally alone; the report PDF (target < 2 s); the ANC
 * report over 20,000 pregnancies (reports-anc.ts). Tables carry the columns and indexes of the real
 * cmam_episodes / cmam_followups (src-main/db/schema/cmam.ts and the partial index of migration
 * 0007_reports_overlap_index) that the fact source reads.
 */
export const bench: Bench = async () => ({ ...(await cmamBench()), ...(await ancBench()) });

async function cmamBench() {
  const sqlite = new Database(':memory:');
  sqlite.exec(`
    CREATE TABLE patients (id TEXT PRIMARY KEY, sex TEXT NOT NULL, birth_date TEXT NOT NULL, merged_into TEXT);
    CREATE TABLE cmam_episodes (id TEXT PRIMARY KEY, patient_id TEXT NOT NULL, programme TEXT NOT NULL,
      admission_date TEXT NOT NULL, admission_type TEXT NOT NULL, criteria TEXT NOT NULL DEFAULT '[]',
      exit_date TEXT, exit_type TEXT, internal_move INTEGER NOT NULL DEFAULT 0, sex TEXT NOT NULL,
      age_months_at_admission INTEGER NOT NULL, oedema TEXT NOT NULL DEFAULT 'none', weight_kg REAL NOT NULL,
      rutf_sachets INTEGER NOT NULL DEFAULT 0, merged INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, voided INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX cmam_episodes_admission ON cmam_episodes (admission_date);
    CREATE INDEX cmam_episodes_exit ON cmam_episodes (exit_date);
    CREATE INDEX cmam_episodes_open ON cmam_episodes (programme, exit_date);
    CREATE INDEX cmam_episodes_exit_before_admission ON cmam_episodes (admission_date)
      WHERE exit_date < admission_date;
    CREATE TABLE cmam_followups (id INTEGER PRIMARY KEY, episode_id TEXT NOT NULL, visit_date TEXT NOT NULL,
      weight_kg REAL NOT NULL, rutf_sachets INTEGER NOT NULL DEFAULT 0, voided INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX cmam_followups_episode ON cmam_followups (episode_id, visit_date);
    CREATE INDEX cmam_followups_visit_date ON cmam_followups (visit_date, voided, rutf_sachets, episode_id);`);
  let seed = 7;
  const next = () => (seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32;
  const day = (n: number) => new Date(Date.UTC(2021, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const exits = [
    'cured',
    'cured',
    'cured',
    'died',
    'defaulted',
    'non-responder',
    'medical-transfer',
    'transfer-out',
  ];
  sqlite.transaction(() => {
    const p = sqlite.prepare('INSERT INTO patients VALUES (?, ?, ?, NULL)');
    const e = sqlite.prepare(
      `INSERT INTO cmam_episodes (id, patient_id, programme, admission_date, admission_type, criteria,
       exit_date, exit_type, sex, age_months_at_admission, weight_kg, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'new', '["muac-sam"]', ?, ?, ?, ?, 7, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
    );
    const f = sqlite.prepare(
      'INSERT INTO cmam_followups (episode_id, visit_date, weight_kg, rutf_sachets) VALUES (?, ?, ?, ?)',
    );
    for (let i = 0; i < 50_000; i++) {
      const admit = Math.floor(next() * 1900);
      const sex = next() < 0.5 ? 'male' : 'female';
      const ageDays = 180 + Math.floor(next() * 1500);
      p.run(`p${i}`, sex, day(admit - ageDays));
      const stay = 20 + Math.floor(next() * 120);
      const open = admit + stay > 1900;
      e.run(
        `e${i}`,
        `p${i}`,
        ['OTP', 'OTP', 'SC', 'TSFP'][i % 4],
        day(admit),
        open ? null : day(admit + stay),
        open ? null : exits[i % exits.length],
        sex,
        Math.floor(ageDays / 30.4375),
      );
      for (let w = 0; w < 20; w++) f.run(`e${i}`, day(admit + 7 * w), 7 + w * 0.05, 14);
    }
  })();
  const m = reportMonth('2025-06');
  const open = { sqlite };
  const bare = sqlite.prepare(
    `SELECT (SELECT count(*) FROM cmam_episodes WHERE programme = 'OTP' AND admission_date BETWEEN @first AND @last) AS c,
            (SELECT count(*) FROM cmam_episodes WHERE programme = 'OTP' AND exit_date BETWEEN @first AND @last) AS e,
            (SELECT sum(rutf_sachets) FROM cmam_followups WHERE visit_date BETWEEN @first AND @last) AS rutf`,
  );
  const runs = { report: [] as number[], bare: [] as number[], tally: [] as number[] };
  const facts = sqlFactSource.cmamEpisodes(open, m);
  for (let r = 0; r < RUNS; r++) {
    runs.report.push(await timeMs(() => computeReport(open, 'cmam-OTP', '2025-06')));
    runs.bare.push(await timeMs(() => bare.get(m)));
    runs.tally.push(await timeMs(() => cmamReport(facts, 'OTP', m)));
  }
  const computed = computeReport(open, 'cmam-OTP', '2025-06');
  const pdfRuns: number[] = [];
  for (let r = 0; r < 3; r++) {
    pdfRuns.push(
      await timeMs(() =>
        renderReportPdf({
          facility: { name: 'Centre de santé de Guéckédou', code: 'GKD-01', district: 'Guéckédou' },
          month: '2025-06',
          reports: [computed],
          lang: 'fr',
          orientation: 'portrait',
          now: new Date(),
          preparedBy: 'Aïssatou Ndiaye',
          open,
        }),
      ),
    );
  }
  const tablesOnly: number[] = [];
  const trendRuns: number[] = [];
  for (let r = 0; r < 3; r++) {
    tablesOnly.push(
      await timeMs(() =>
        renderReportPdf({
          facility: { name: 'Centre de santé de Guéckédou', code: 'GKD-01', district: 'Guéckédou' },
          month: '2025-06',
          reports: [computed],
          lang: 'fr',
          orientation: 'portrait',
          now: new Date(),
          preparedBy: 'Aïssatou Ndiaye',
        }),
      ),
    );
    trendRuns.push(await timeMs(() => reportTrends(open, 'cmam-OTP', '2025-06')));
  }
  sqlite.close();
  const report = percentile(runs.report, 50);
  const bareMs = percentile(runs.bare, 50);
  return {
    cmamReportMedianMs: round(report),
    cmamReportP95Ms: round(percentile(runs.report, 95)),
    cmamReportTargetMs: 500,
    bareMonthAggregateMedianMs: round(bareMs),
    ratioToBare: round(report / Math.max(bareMs, 0.001)),
    pureTallyMedianMs: round(percentile(runs.tally, 50)),
    episodesInMonthFacts: facts.length,
    episodes: 50_000,
    followups: 1_000_000,
    pdfWithTrendsMedianMs: round(percentile(pdfRuns, 50)),
    pdfWithTrendsMaxMs: round(Math.max(...pdfRuns)),
    pdfTablesOnlyMedianMs: round(percentile(tablesOnly, 50)),
    trends12MonthsMedianMs: round(percentile(trendRuns, 50)),
    pdfTargetMs: 2000,
  };
}
