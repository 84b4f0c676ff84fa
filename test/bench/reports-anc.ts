// The ANC monthly report over 20,000 pregnancies (about 140,000 contacts), beside the bare indexed month
// aggregate over the same tables and the pure tally. Tables carry the columns and indexes of the real
// pregnancies / anc_contacts / pregnancy_births (src-main/db/schema/pregnancy.ts) that the fact source reads.
import Database from 'better-sqlite3';
import { ancReport, reportMonth } from '../../shared/reports';
import { sqlFactSource } from '../../src-main/modules/reports/facts';
import { computeReport, reportTrends } from '../../src-main/modules/reports/reports.compute';
import { percentile, round, timeMs } from './stats';

const PREGNANCIES = 20_000;
const RUNS = 20;

export async function ancBench() {
  const sqlite = new Database(':memory:');
  sqlite.exec(`
    CREATE TABLE patients (id TEXT PRIMARY KEY, sex TEXT NOT NULL, birth_date TEXT NOT NULL, merged_into TEXT);
    CREATE TABLE pregnancies (id TEXT PRIMARY KEY, patient_id TEXT NOT NULL, status TEXT NOT NULL,
      mother_age_years INTEGER NOT NULL, edd TEXT NOT NULL, dating_lmp TEXT NOT NULL, outcome_date TEXT,
      outcome_type TEXT, next_contact_date TEXT, missed_from TEXT, created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL, voided INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX pregnancies_patient ON pregnancies (patient_id);
    CREATE INDEX pregnancies_next_contact ON pregnancies (status, voided, next_contact_date);
    CREATE INDEX pregnancies_missed ON pregnancies (status, voided, missed_from);
    CREATE INDEX pregnancies_outcome ON pregnancies (status, voided, outcome_date);
    CREATE TABLE anc_contacts (id TEXT PRIMARY KEY, pregnancy_id TEXT NOT NULL, patient_id TEXT NOT NULL,
      contact_date TEXT NOT NULL, contact_number INTEGER NOT NULL, ga_days INTEGER NOT NULL, hb_gdl REAL,
      iptp_dose INTEGER, td_dose INTEGER, hypertension INTEGER NOT NULL DEFAULT 0, referral_id TEXT,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, voided INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX anc_contacts_pregnancy ON anc_contacts (pregnancy_id, contact_date);
    CREATE INDEX anc_contacts_patient ON anc_contacts (patient_id);
    CREATE TABLE pregnancy_births (id TEXT PRIMARY KEY, pregnancy_id TEXT NOT NULL, outcome TEXT NOT NULL,
      voided INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX pregnancy_births_pregnancy ON pregnancy_births (pregnancy_id);`);
  let seed = 11;
  const next = () => (seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32;
  const day = (n: number) => new Date(Date.UTC(2021, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const at = '2026-01-01T00:00:00Z';
  let contacts = 0;
  sqlite.transaction(() => {
    const p = sqlite.prepare('INSERT INTO patients VALUES (?, ?, ?, NULL)');
    const g = sqlite.prepare(
      `INSERT INTO pregnancies (id, patient_id, status, mother_age_years, edd, dating_lmp, outcome_date,
         outcome_type, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const c = sqlite.prepare(
      `INSERT INTO anc_contacts (id, pregnancy_id, patient_id, contact_date, contact_number, ga_days, hb_gdl,
         iptp_dose, td_dose, hypertension, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const b = sqlite.prepare("INSERT INTO pregnancy_births VALUES (?, ?, 'live-birth', 0)");
    for (let i = 0; i < PREGNANCIES; i++) {
      const lmp = Math.floor(next() * 1900);
      const age = 14 + Math.floor(next() * 30);
      p.run(`w${i}`, 'female', day(lmp - age * 365));
      const end = lmp + 266 + Math.floor(next() * 28);
      const closed = end <= 1900;
      g.run(
        `g${i}`,
        `w${i}`,
        closed ? 'closed' : 'active',
        age,
        day(lmp + 280),
        day(lmp),
        closed ? day(end) : null,
        closed ? 'delivery' : null,
        at,
        at,
      );
      if (closed) b.run(`b${i}`, `g${i}`);
      let n = 0;
      for (
        let ga = 56 + Math.floor(next() * 70);
        ga < Math.min(end, 1900) - lmp;
        ga += 28 + Math.floor(next() * 42)
      ) {
        n++;
        contacts++;
        c.run(
          `c${i}-${n}`,
          `g${i}`,
          `w${i}`,
          day(lmp + ga),
          n,
          ga,
          11,
          n <= 3 ? n : null,
          n <= 2 ? n : null,
          next() < 0.05 ? 1 : 0,
          at,
          at,
        );
      }
    }
  })();
  const m = reportMonth('2025-06');
  const open = { sqlite };
  // One index range per pregnancy row over the month: the bare SQL of the contact counts (no tally).
  const bare = sqlite.prepare(
    `SELECT count(DISTINCT c.pregnancy_id) AS women, count(*) AS contacts FROM anc_contacts c
     WHERE c.contact_date BETWEEN @first AND @last AND c.voided = 0`,
  );
  const facts = sqlFactSource.ancFacts(open, m);
  const runs = { report: [] as number[], bare: [] as number[], tally: [] as number[] };
  for (let r = 0; r < RUNS; r++) {
    runs.report.push(await timeMs(() => computeReport(open, 'anc', '2025-06')));
    runs.bare.push(await timeMs(() => bare.get(m)));
    runs.tally.push(await timeMs(() => ancReport(facts.pregnancies, facts.contacts, m)));
  }
  const trends: number[] = [];
  for (let r = 0; r < 3; r++) trends.push(await timeMs(() => reportTrends(open, 'anc', '2025-06')));
  sqlite.close();
  const report = percentile(runs.report, 50);
  const bareMs = percentile(runs.bare, 50);
  return {
    ancReportMedianMs: round(report),
    ancReportP95Ms: round(percentile(runs.report, 95)),
    ancBareMonthAggregateMedianMs: round(bareMs),
    ancRatioToBare: round(report / Math.max(bareMs, 0.001)),
    ancPureTallyMedianMs: round(percentile(runs.tally, 50)),
    ancTrends12MonthsMedianMs: round(percentile(trends, 50)),
    ancPregnanciesInMonthFacts: facts.pregnancies.length,
    ancPregnancies: PREGNANCIES,
    ancContacts: contacts,
  };
}
