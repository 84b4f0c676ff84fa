import { createHmac, randomBytes } from 'node:crypto';
import type { Sqlite } from '../../db/open';
import { pagesOf } from './export.service';
import type { Job } from './jobs';
import { writeAtomically, type LineWriter } from './writer';

/**
 * The de-identified tables. Each is a SELECT over one table joined to its patient: no names,
 * phones, national IDs, addresses (village, district), free-text notes, exact dates of birth or exact dates at
 * all (month of birth, months of events, ages in months). Ids become keyed hashes (see `pseudonym`). Voided
 * records and patients merged into another are left out.
 */
const AGE = (event: string) => `CAST((julianday(${event}) - julianday(p.birth_date)) / 30.4375 AS INTEGER)`;
const MONTH = (date: string) => `substr(${date}, 1, 7)`;
const LIVE = 'p.voided = 0 AND p.merged_into IS NULL';

interface ResearchTable {
  name: string;
  /** Columns that are record ids (pseudonymised on the way out). */
  ids: readonly string[];
  sql: string;
}

export const RESEARCH_TABLES: readonly ResearchTable[] = [
  {
    name: 'patients',
    ids: ['patient'],
    sql: `SELECT p.rowid AS rid, p.id AS patient, p.sex, ${MONTH('p.birth_date')} AS birth_month,
            p.birth_date_estimated AS birth_month_estimated, ${MONTH('p.registered_on')} AS registered_month,
            ${AGE('p.registered_on')} AS age_months_at_registration
          FROM patients p WHERE ${LIVE}`,
  },
  {
    name: 'visits',
    ids: ['visit', 'patient'],
    sql: `SELECT v.rowid AS rid, v.id AS visit, v.patient_id AS patient, ${MONTH('v.visit_date')} AS month,
            ${AGE('v.visit_date')} AS age_months, v.type, v.weight_kg, v.length_cm, v.muac_mm, v.oedema,
            v.temperature_c, v.systolic, v.diastolic, v.hb_g_dl, v.whz, v.waz, v.haz, v.muacz, v.nutrition_status
          FROM visits v JOIN patients p ON p.id = v.patient_id WHERE v.voided = 0 AND ${LIVE}`,
  },
  {
    name: 'cmam_episodes',
    ids: ['episode', 'patient'],
    sql: `SELECT e.rowid AS rid, e.id AS episode, e.patient_id AS patient, e.programme,
            ${MONTH('e.admission_date')} AS admission_month, e.admission_type, e.admission_criterion, e.sex,
            e.age_months_at_admission, e.weight_kg, e.muac_mm, e.whz, e.oedema, e.medical_complication,
            ${MONTH('e.exit_date')} AS exit_month, e.exit_type, e.internal_move,
            CAST(julianday(e.exit_date) - julianday(e.admission_date) AS INTEGER) AS length_of_stay_days
          FROM cmam_episodes e JOIN patients p ON p.id = e.patient_id WHERE e.voided = 0 AND ${LIVE}`,
  },
  {
    name: 'pregnancies',
    ids: ['pregnancy', 'patient'],
    sql: `SELECT g.rowid AS rid, g.id AS pregnancy, g.patient_id AS patient, g.status, g.mother_age_years,
            g.gravida, g.para, g.first_contact_ga_days, g.outcome_type, ${MONTH('g.outcome_date')} AS outcome_month
          FROM pregnancies g JOIN patients p ON p.id = g.patient_id WHERE g.voided = 0 AND ${LIVE}`,
  },
  {
    name: 'anc_contacts',
    ids: ['contact', 'pregnancy', 'patient'],
    sql: `SELECT c.rowid AS rid, c.id AS contact, c.pregnancy_id AS pregnancy, c.patient_id AS patient,
            c.contact_number, c.ga_days, c.weight_kg, c.bp1_systolic, c.bp1_diastolic, c.hb_gdl, c.fundal_height_cm,
            c.fetal_heart_rate, c.hypertension, c.anaemia
          FROM anc_contacts c JOIN patients p ON p.id = c.patient_id WHERE c.voided = 0 AND ${LIVE}`,
  },
];

/** A keyed hash of a record id: the same id gives the same pseudonym within one export (or one reusable key). */
export function pseudonym(secret: Buffer, id: string): string {
  return createHmac('sha256', secret).update(id).digest('hex').slice(0, 20);
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface ResearchResult {
  file: string;
  bytes: number;
  rows: number;
  counts: Record<string, number>;
  /** The key to give a later export so the two can be joined; null for a one-off export. */
  key: string | null;
}

/** Pages of one research table, ids pseudonymised. */
async function* researchRows(sqlite: Sqlite, t: ResearchTable, secret: Buffer, job: Job) {
  const view = `research_${t.name}`;
  sqlite.exec(`DROP VIEW IF EXISTS temp.${view}; CREATE TEMP VIEW ${view} AS ${t.sql}`);
  try {
    const columns = (sqlite.prepare(`PRAGMA temp.table_info(${view})`).all() as { name: string }[])
      .map((c) => c.name)
      .filter((c) => c !== 'rid');
    for await (const rows of pagesOf(sqlite, view, columns, job, 'rid')) {
      for (const row of rows)
        for (const id of t.ids) if (row[id] != null) row[id] = pseudonym(secret, String(row[id]));
      yield { columns, rows };
    }
  } finally {
    sqlite.exec(`DROP VIEW IF EXISTS temp.${view}`);
  }
}

async function writeJson(sqlite: Sqlite, w: LineWriter, secret: Buffer, job: Job, at: Date) {
  const counts: Record<string, number> = {};
  await w.write(
    `{"format":"caredesk-research/1","exportedAt":${JSON.stringify(at.toISOString())},"tables":{`,
  );
  for (const [i, t] of RESEARCH_TABLES.entries()) {
    counts[t.name] = 0;
    await w.write(`${i ? ',' : ''}\n${JSON.stringify(t.name)}:[`);
    for await (const { rows } of researchRows(sqlite, t, secret, job)) {
      await w.write(rows.map((r) => `${counts[t.name]++ ? ',' : ''}\n${JSON.stringify(r)}`).join(''));
    }
    await w.write('\n]');
  }
  await w.write('}}\n');
  return counts;
}

async function writeCsv(sqlite: Sqlite, w: LineWriter, secret: Buffer, job: Job) {
  // One file, one section per table: a "# table" line, a header line, rows, a blank line.
  const counts: Record<string, number> = {};
  for (const t of RESEARCH_TABLES) {
    counts[t.name] = 0;
    let headed = false;
    for await (const { columns, rows } of researchRows(sqlite, t, secret, job)) {
      if (!headed) await w.write(`# ${t.name}\r\n${columns.join(',')}\r\n`);
      headed = true;
      await w.write(rows.map((r) => `${columns.map((c) => csvCell(r[c])).join(',')}\r\n`).join(''));
      counts[t.name] += rows.length;
    }
    if (!headed) await w.write(`# ${t.name}\r\n`);
    await w.write('\r\n');
  }
  return counts;
}

export async function exportResearch(
  sqlite: Sqlite,
  file: string,
  options: { format: 'json' | 'csv'; key: string | null; reusableKey: boolean },
  job: Job,
  at: Date,
): Promise<ResearchResult> {
  const secret = options.key ? Buffer.from(options.key, 'hex') : randomBytes(32);
  const key = options.key ?? (options.reusableKey ? secret.toString('hex') : null);
  return writeAtomically(file, async (w) => {
    const counts =
      options.format === 'json'
        ? await writeJson(sqlite, w, secret, job, at)
        : await writeCsv(sqlite, w, secret, job);
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    return { file, bytes: w.bytes, rows, counts, key };
  });
}
