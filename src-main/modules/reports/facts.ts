// Where the report tallies get their facts. The visit summary reads the `visits` table; CMAM and ANC read
// `cmam_episodes` / `cmam_followups` and `pregnancies` / `anc_contacts` / `pregnancy_births` as their own
// modules write them, and report nothing when a table is absent.
import { parseJson } from '../../records';
import type { Sqlite } from '../../db/open';
import type {
  AncContactFact,
  AncPregnancyFact,
  CmamEpisodeFact,
  CmamCriterion,
  EnrolmentFact,
  PregnancyOutcome,
  VisitFact,
} from '../../../shared/reports';

/** A period of calendar dates, both inclusive (one month, or the 12 months of a trend). */
export interface DateRange {
  first: string;
  last: string;
}

export interface OpenDb {
  sqlite: Sqlite;
}

export interface ReportFactSource {
  /**
   * Episodes whose stay overlaps the range (voided and merged included: the tallies leave them out). `counts`
   * leaves out weights and RUTF (null and none): enough for the A–F numbers and exit rates the trends chart.
   */
  cmamEpisodes(open: OpenDb, range: DateRange, only?: 'counts'): CmamEpisodeFact[];
  /** Pregnancies ongoing in or closed within the range, with all their contacts. */
  ancFacts(open: OpenDb, range: DateRange): { pregnancies: AncPregnancyFact[]; contacts: AncContactFact[] };
  visits(open: OpenDb, range: DateRange): VisitFact[];
  enrolments(open: OpenDb, range: DateRange): EnrolmentFact[];
}

/** The columns a table has, or null when the table does not exist (yet). */
export function tableColumns(sqlite: Sqlite, table: string): Set<string> | null {
  const rows = sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[];
  return rows.length === 0 ? null : new Set(rows.map((r) => r.name));
}

/** `alias.column`, or the fallback SQL when the column is absent. */
const col = (cols: Set<string>, alias: string, name: string, fallback = 'NULL') =>
  cols.has(name) ? `${alias}.${name}` : fallback;

const YEARS_SQL = (from: string, to: string) =>
  `(CAST(strftime('%Y', ${to}) AS INTEGER) - CAST(strftime('%Y', ${from}) AS INTEGER) -
    (strftime('%m-%d', ${to}) < strftime('%m-%d', ${from})))`;

const CRITERIA = new Set<CmamCriterion>(['muac', 'whz', 'oedema']);

/** Reads 'muac', 'whz', 'oedema' from a JSON array that may also hold classification codes like 'muac-sam'. */
function criteriaOf(json: string | null): CmamCriterion[] {
  const out = new Set<CmamCriterion>();
  for (const raw of parseJson<unknown[]>(json, [])) {
    if (typeof raw !== 'string') continue;
    const base = raw.split('-')[0] as CmamCriterion;
    if (CRITERIA.has(base)) out.add(base);
  }
  return [...out];
}

interface EpisodeRow {
  id: string;
  patient_id: string;
  programme: CmamEpisodeFact['programme'];
  admission_date: string;
  admission_type: CmamEpisodeFact['admissionType'];
  criteria: string | null;
  exit_date: string | null;
  exit_type: CmamEpisodeFact['exitType'];
  internal_move: number;
  sex: 'male' | 'female';
  age_months: number;
  voided: number;
  merged: number;
  oedema: number;
  admission_weight_kg: number;
  followup_min_kg: number | null;
  followup_min_date: string | null;
  exit_weight_kg: number | null;
  created_at: string;
  updated_at: string;
}

// Stays overlapping the range: still open, exited on or after its first day, or (a data error the balance check
// names) exited before admission — each branch one index range (cmam_episodes_exit, and the partial index
// cmam_episodes_exit_before_admission), instead of every episode admitted before the range's last day.
const OVERLAP_IDS_SQL = `SELECT id FROM cmam_episodes WHERE exit_date IS NULL AND admission_date <= @last
    UNION ALL SELECT id FROM cmam_episodes WHERE exit_date >= @first AND admission_date <= @last
    UNION ALL SELECT id FROM cmam_episodes WHERE exit_date < admission_date AND admission_date <= @last`;

// Columns of cmam_episodes / cmam_followups as the CMAM module writes them (src-main/db/schema/cmam.ts):
// `criteria` holds codes like 'muac-sam', `oedema` a grade ('none', '+', '++', '+++'), weights live on the
// admission row and on each follow-up, so the lowest and the exit weight are read from those.
const episodesSql = (
  weights: boolean,
) => `SELECT e.id, e.patient_id, e.programme, e.admission_date, e.admission_type, e.criteria,
    e.exit_date, e.exit_type, e.internal_move, e.sex, e.age_months_at_admission AS age_months, e.voided,
    (e.merged = 1 OR p.merged_into IS NOT NULL) AS merged, (e.oedema <> 'none') AS oedema,
    e.weight_kg AS admission_weight_kg, ${weights ? WEIGHTS_SQL : NO_WEIGHTS_SQL},
    e.created_at, e.updated_at
  FROM cmam_episodes e JOIN patients p ON p.id = e.patient_id
  WHERE e.id IN (${OVERLAP_IDS_SQL})`;

const NO_WEIGHTS_SQL = 'NULL AS followup_min_kg, NULL AS followup_min_date, NULL AS exit_weight_kg';

const WEIGHTS_SQL = `(SELECT MIN(f.weight_kg) FROM cmam_followups f WHERE f.episode_id = e.id AND f.voided = 0) AS followup_min_kg,
    (SELECT f.visit_date FROM cmam_followups f WHERE f.episode_id = e.id AND f.voided = 0
      ORDER BY f.weight_kg, f.visit_date LIMIT 1) AS followup_min_date,
    CASE WHEN e.exit_date IS NULL THEN NULL ELSE (SELECT f.weight_kg FROM cmam_followups f
      WHERE f.episode_id = e.id AND f.voided = 0 AND f.visit_date <= e.exit_date
      ORDER BY f.visit_date DESC LIMIT 1) END AS exit_weight_kg`;

function cmamEpisodes(open: OpenDb, range: DateRange, only?: 'counts'): CmamEpisodeFact[] {
  if (!tableColumns(open.sqlite, 'cmam_episodes')) return [];
  const rows = open.sqlite.prepare(episodesSql(only !== 'counts')).all(range) as EpisodeRow[];
  const rutf = only === 'counts' ? new Map<string, never[]>() : rutfByEpisode(open, range);
  return rows.map((r) => {
    // The lowest weight of the stay: at admission unless a follow-up weighed less.
    const lowerLater = r.followup_min_kg !== null && r.followup_min_kg < r.admission_weight_kg;
    return {
      id: r.id,
      patientId: r.patient_id,
      programme: r.programme,
      admissionDate: r.admission_date,
      admissionType: r.admission_type,
      admissionCriteria: criteriaOf(r.criteria),
      exitDate: r.exit_date,
      exitType: r.exit_type,
      internalMove: r.internal_move === 1,
      sex: r.sex,
      ageMonthsAtAdmission: r.age_months,
      voided: r.voided === 1,
      merged: r.merged === 1,
      oedemaAtAdmission: r.oedema === 1,
      minWeightKg: lowerLater ? r.followup_min_kg : r.admission_weight_kg,
      minWeightDate: lowerLater ? r.followup_min_date : r.admission_date,
      exitWeightKg: r.exit_weight_kg,
      rutf: rutf.get(r.id) ?? [],
      recordedAt: r.created_at,
      changedAt: r.updated_at,
    };
  });
}

/** RUTF sachets per episode and date: given at admission (cmam_episodes) and at each follow-up visit. */
function rutfByEpisode(open: OpenDb, range: DateRange): Map<string, { date: string; sachets: number }[]> {
  const out = new Map<string, { date: string; sachets: number }[]>();
  const rows = open.sqlite
    .prepare(
      `SELECT episode_id, date, SUM(sachets) AS sachets FROM (
         SELECT id AS episode_id, admission_date AS date, rutf_sachets AS sachets FROM cmam_episodes
         WHERE admission_date BETWEEN @first AND @last AND voided = 0 AND rutf_sachets > 0
         UNION ALL
         SELECT episode_id, visit_date, rutf_sachets FROM cmam_followups
         WHERE visit_date BETWEEN @first AND @last AND voided = 0 AND rutf_sachets > 0)
       GROUP BY episode_id, date`,
    )
    .all(range) as { episode_id: string; date: string; sachets: number }[];
  for (const r of rows) {
    const list = out.get(r.episode_id) ?? [];
    list.push({ date: r.date, sachets: r.sachets });
    out.set(r.episode_id, list);
  }
  return out;
}

/**
 * The pregnancy module records `outcome_type` 'delivery' (babies in pregnancy_births) or another ending; the
 * report wants live birth / stillbirth / miscarriage / abortion / other.
 */
function outcomeOf(type: string | null, liveBirths: number, stillbirths: number): PregnancyOutcome | null {
  if (type === null) return null;
  if (type === 'delivery') return liveBirths > 0 || stillbirths === 0 ? 'live-birth' : 'stillbirth';
  if (type === 'miscarriage' || type === 'abortion') return type;
  return 'other';
}

function ancFacts(open: OpenDb, range: DateRange) {
  if (!tableColumns(open.sqlite, 'pregnancies') || !tableColumns(open.sqlite, 'anc_contacts')) {
    return { pregnancies: [], contacts: [] };
  }
  // dating_lmp is the LMP gestational age counts from (the real LMP, or EDD − 280 days by ultrasound).
  const where = `g.dating_lmp <= @last AND (g.outcome_date IS NULL OR g.outcome_date >= @first)`;
  const pregnancies = (
    open.sqlite
      .prepare(
        `SELECT g.id, g.patient_id, g.dating_lmp AS lmp, g.edd, g.mother_age_years AS age, g.outcome_date,
                g.outcome_type, g.voided, p.merged_into IS NOT NULL AS merged, g.created_at, g.updated_at,
                (SELECT COUNT(*) FROM pregnancy_births b WHERE b.pregnancy_id = g.id AND b.voided = 0
                  AND b.outcome = 'live-birth') AS live_births,
                (SELECT COUNT(*) FROM pregnancy_births b WHERE b.pregnancy_id = g.id AND b.voided = 0
                  AND b.outcome = 'stillbirth') AS stillbirths
         FROM pregnancies g JOIN patients p ON p.id = g.patient_id WHERE ${where}`,
      )
      .all(range) as {
      id: string;
      patient_id: string;
      lmp: string;
      edd: string;
      age: number;
      outcome_date: string | null;
      outcome_type: string | null;
      voided: number;
      merged: number;
      created_at: string;
      updated_at: string;
      live_births: number;
      stillbirths: number;
    }[]
  ).map((r): AncPregnancyFact => ({
    id: r.id,
    patientId: r.patient_id,
    lmp: r.lmp,
    edd: r.edd,
    motherAgeYears: r.age,
    outcomeDate: r.outcome_date,
    outcomeType: outcomeOf(r.outcome_type, r.live_births, r.stillbirths),
    voided: r.voided === 1,
    merged: r.merged === 1,
    recordedAt: r.created_at,
    changedAt: r.updated_at,
  }));
  const contacts = (
    open.sqlite
      .prepare(
        `SELECT c.id, c.pregnancy_id, c.contact_date, c.ga_days, c.iptp_dose AS iptp, c.td_dose AS td,
                c.hb_gdl AS hb, c.hypertension, c.referral_id IS NOT NULL AS referred, c.voided, c.created_at,
                c.updated_at
         FROM anc_contacts c JOIN pregnancies g ON g.id = c.pregnancy_id JOIN patients p ON p.id = g.patient_id
         WHERE ${where}`,
      )
      .all(range) as {
      id: string;
      pregnancy_id: string;
      contact_date: string;
      ga_days: number | null;
      iptp: number | null;
      td: number | null;
      hb: number | null;
      hypertension: number;
      referred: number;
      voided: number;
      created_at: string;
      updated_at: string;
    }[]
  ).map((r): AncContactFact => ({
    id: r.id,
    pregnancyId: r.pregnancy_id,
    date: r.contact_date,
    gaDays: r.ga_days,
    iptpDose: r.iptp,
    tdDose: r.td,
    hbGdl: r.hb,
    hypertension: r.hypertension === 1,
    referred: r.referred === 1,
    voided: r.voided === 1,
    recordedAt: r.created_at,
    changedAt: r.updated_at,
  }));
  return { pregnancies, contacts };
}

function visits(open: OpenDb, range: DateRange): VisitFact[] {
  const rows = open.sqlite
    .prepare(
      `SELECT v.id, v.patient_id, v.visit_date, v.type, p.sex, ${YEARS_SQL('p.birth_date', 'v.visit_date')} AS age,
              v.diagnoses, v.voided, p.merged_into IS NOT NULL AS merged, v.created_at, v.updated_at
       FROM visits v JOIN patients p ON p.id = v.patient_id
       WHERE v.visit_date BETWEEN @first AND @last`,
    )
    .all(range) as {
    id: string;
    patient_id: string;
    visit_date: string;
    type: string;
    sex: 'male' | 'female';
    age: number;
    diagnoses: string;
    voided: number;
    merged: number;
    created_at: string;
    updated_at: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    visitDate: r.visit_date,
    type: r.type,
    sex: r.sex,
    ageYears: Math.max(0, r.age),
    diagnoses: parseJson<{ text: string; icd10: string }[]>(r.diagnoses, []),
    voided: r.voided === 1,
    merged: r.merged === 1,
    recordedAt: r.created_at,
    changedAt: r.updated_at,
  }));
}

function enrolments(open: OpenDb, range: DateRange): EnrolmentFact[] {
  const ec = tableColumns(open.sqlite, 'programme_enrolments');
  if (!ec || !tableColumns(open.sqlite, 'programmes')) return [];
  const rows = open.sqlite
    .prepare(
      `SELECT e.id, e.patient_id, e.programme_id, g.name, e.enrolled_on, e.unenrolled_on, p.sex,
              ${col(ec, 'e', 'voided', '0')} AS voided, p.merged_into IS NOT NULL AS merged
       FROM programme_enrolments e JOIN programmes g ON g.id = e.programme_id JOIN patients p ON p.id = e.patient_id
       WHERE e.enrolled_on <= @last AND (e.unenrolled_on IS NULL OR e.unenrolled_on >= @first)`,
    )
    .all(range) as {
    id: string;
    patient_id: string;
    programme_id: string;
    name: string;
    enrolled_on: string;
    unenrolled_on: string | null;
    sex: 'male' | 'female';
    voided: number;
    merged: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    programmeId: r.programme_id,
    programmeName: r.name,
    enrolledOn: r.enrolled_on,
    unenrolledOn: r.unenrolled_on,
    sex: r.sex,
    voided: r.voided === 1,
    merged: r.merged === 1,
  }));
}

/** The SQL fact source over this database's tables. */
export const sqlFactSource: ReportFactSource = { cmamEpisodes, ancFacts, visits, enrolments };
