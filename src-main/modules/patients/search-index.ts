// The FTS5 document of a patient and the queries over it (issue 5 §3). Documents are written by the service in
// the same transaction as the patient; voided and merged-away patients have none, so they never show.
import type { Sqlite } from '../../db/open';
import { nameTokens, phoneDigits, phoneticKey } from './names';
import { stmt } from '../../records';
import type { SummaryRow } from './summary';
import { FEW_EXACT_HITS, nationalDigits, phoneticMatchQuery } from './search-tolerance';

/** The columns of a patient the search document is built from (snake_case, as stored). */
export interface SearchSource {
  id: string;
  search_rowid: number;
  registration_number: string;
  given_name: string;
  family_name: string;
  other_names: string;
  phone: string;
  national_id: string;
  caregiver_name: string;
  caregiver_phone: string;
  voided: number | boolean;
  merged_into: string | null;
}

export interface SearchDocument {
  names: string;
  ids: string;
  phones: string;
  caregiver: string;
  sounds: string;
}

/** Shortest phone tail indexed: any run of 6+ consecutive digits of a number finds it as a prefix. */
const MIN_PHONE_TAIL = 6;

function phoneTails(phone: string): string[] {
  const digits = phoneDigits(phone);
  if (digits.length <= MIN_PHONE_TAIL) return digits ? [digits] : [];
  const tails: string[] = [];
  for (let i = 0; i <= digits.length - MIN_PHONE_TAIL; i++) tails.push(digits.slice(i));
  return tails;
}

/** An identifier as tokens, plus the whole of it without separators ("KSD-01-2026-00042" → … "ksd01202600042"). */
function idTokens(value: string): string[] {
  const tokens = nameTokens(value);
  if (tokens.length === 0) return [];
  const joined = tokens.join('');
  const out = [...tokens, joined];
  // The serial without its leading zeros: "00042" is also found as "42".
  const last = tokens[tokens.length - 1]!;
  if (/^0+\d/.test(last)) out.push(last.replace(/^0+/, ''));
  return out;
}

/**
 * The document of a patient. `merged` are the records merged into it: their names, numbers and phones stay
 * searchable, so a mother holding the old card (or using the old spelling) still finds the child.
 */
export function searchDocument(p: SearchSource, merged: readonly SearchSource[] = []): SearchDocument {
  const all = [p, ...merged];
  const unique = (list: string[]) => [...new Set(list)];
  const names = unique(all.flatMap((x) => nameTokens(`${x.given_name} ${x.family_name} ${x.other_names}`)));
  return {
    names: names.join(' '),
    ids: unique(all.flatMap((x) => [...idTokens(x.registration_number), ...idTokens(x.national_id)])).join(
      ' ',
    ),
    phones: unique(all.flatMap((x) => [...phoneTails(x.phone), ...phoneTails(x.caregiver_phone)])).join(' '),
    caregiver: unique(all.flatMap((x) => nameTokens(x.caregiver_name))).join(' '),
    sounds: unique(names.map(phoneticKey)).join(' '),
  };
}

/** (Re)writes the search document of one patient; removes it when the patient is voided or merged away. */
export function indexPatient(sqlite: Sqlite, p: SearchSource): void {
  stmt(sqlite, 'DELETE FROM patients_fts WHERE rowid = ?').run(p.search_rowid);
  if (p.voided || p.merged_into) return;
  // CROSS JOIN keeps m first: with ANALYZE statistics SQLite would otherwise scan every patient.
  const merged = stmt(
    sqlite,
    `WITH RECURSIVE m(id) AS (
       SELECT id FROM patients WHERE merged_into = ?
       UNION SELECT p.id FROM patients p JOIN m ON p.merged_into = m.id)
     SELECT p.* FROM m CROSS JOIN patients p ON p.id = m.id`,
  ).all(p.id) as SearchSource[];
  const d = searchDocument(p, merged);
  stmt(
    sqlite,
    'INSERT INTO patients_fts (rowid, names, ids, phones, caregiver, sounds) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(p.search_rowid, d.names, d.ids, d.phones, d.caregiver, d.sounds);
}

/** Rebuilds the whole index from the patients table (IT repair; one transaction, read in batches). */
export function rebuildSearchIndex(sqlite: Sqlite): number {
  let n = 0;
  const batch = sqlite.prepare(
    `SELECT * FROM patients WHERE search_rowid > ? AND voided = 0 AND merged_into IS NULL
     ORDER BY search_rowid LIMIT 1000`,
  );
  sqlite.transaction(() => {
    sqlite.exec('DELETE FROM patients_fts');
    let after = 0;
    for (;;) {
      // A statement cannot be iterated while the same connection writes: read a batch, then index it.
      const rows = batch.all(after) as SearchSource[];
      if (rows.length === 0) break;
      for (const p of rows) indexPatient(sqlite, p);
      n += rows.length;
      after = rows[rows.length - 1]!.search_rowid;
    }
  })();
  return n;
}

/** Columns a typed query searches (phonetic keys are for duplicate detection only). */
const VISIBLE = '{names ids phones caregiver}';

/**
 * An FTS5 query for what a person typed, or null when there is nothing to search yet. Every token becomes a
 * quoted prefix term (tokens are letters and digits only, so typed text can never be FTS syntax), all required,
 * in any order. A number typed in groups ("620 12 34 56", "0620-12-34-56") is one number: a phone (with and
 * without the trunk zero) or an identifier written with separators, never a set of little numbers.
 */
export function matchQuery(typed: string): string | null {
  const all = nameTokens(typed);
  const digits = phoneDigits(typed);
  const grouped = !/\p{L}/u.test(typed) && all.length > 1 && digits.length >= 6;
  if (grouped) {
    const alternatives = [`{phones} : "${digits}"*`, `{ids} : "${all.join('')}"*`];
    const local = digits.replace(/^0+/, '');
    if (local !== digits && local.length >= 4) alternatives.push(`{phones} : "${local}"*`);
    // "+224 620 11 22 33" also finds a number written "620112233" (without its country code).
    const national = nationalDigits(typed);
    if (national && national !== digits) alternatives.push(`{phones} : "${national}"*`);
    return alternatives.map((a) => `(${a})`).join(' OR ');
  }
  // One-letter tokens add little and are the slowest prefix scans: left out (the UI asks for 2+ characters).
  const tokens = all.filter((t) => t.length >= 2);
  if (tokens.length === 0) return null;
  const names = `${VISIBLE} : (${tokens.map((t) => `"${t}"*`).join(' AND ')})`;
  const local = digits.replace(/^0+/, '');
  // "0620123456" is also found as "620123456" (stored with the country code).
  if (tokens.length === 1 && /^\d+$/.test(tokens[0]!)) {
    const extra: string[] = [];
    if (local !== digits && local.length >= 4) extra.push(`({phones} : "${local}"*)`);
    // "+224620112233" also finds "620112233" (written without its country code).
    const national = nationalDigits(typed);
    if (national && national !== digits) extra.push(`({phones} : "${national}"*)`);
    if (extra.length > 0) return [`(${names})`, ...extra].join(' OR ');
  }
  return names;
}

export type SearchRow = SummaryRow;

const COLUMNS = `p.id, p.registration_number, p.given_name, p.family_name, p.other_names, p.sex, p.birth_date,
  p.birth_date_estimated, p.village, p.phone, p.caregiver_name, p.caregiver_phone`;

/** Matches up to this many are ranked by bm25 (names weigh most; weights set in the migration). */
export const RANK_CAP = 1000;

// CROSS JOIN keeps the FTS matches first: ANALYZE statistics must never make SQLite walk the patients table.
export const SEARCH_SQL = {
  count: `SELECT count(*) AS n FROM (SELECT 1 FROM patients_fts WHERE patients_fts MATCH ? LIMIT ${RANK_CAP})`,
  ranked: `SELECT ${COLUMNS}
    FROM (SELECT rowid AS r, rank FROM patients_fts WHERE patients_fts MATCH ? ORDER BY rank LIMIT ?) AS m
    CROSS JOIN patients AS p ON p.search_rowid = m.r
    ORDER BY m.rank, p.search_rowid DESC`,
  // Too many matches to rank within the time a keystroke allows (e.g. two letters): newest registrations first.
  newest: `SELECT ${COLUMNS}
    FROM (SELECT rowid AS r FROM patients_fts WHERE patients_fts MATCH ? ORDER BY rowid DESC LIMIT ?) AS m
    CROSS JOIN patients AS p ON p.search_rowid = m.r
    ORDER BY p.search_rowid DESC`,
  registration: `SELECT ${COLUMNS} FROM patients AS p
    WHERE p.registration_number >= ? AND p.registration_number < ? AND p.voided = 0 AND p.merged_into IS NULL
    ORDER BY p.registration_number LIMIT ?`,
} as const;

/** "KSD-01-2026-00042", "ksd-01-2026-000": a registration number or its beginning, found through its index. */
export function registrationPrefix(typed: string): string | null {
  const t = typed.trim().toUpperCase();
  return /^[A-Z0-9._]+-[A-Z0-9._-]*$/.test(t) && t.length >= 3 ? t : null;
}

/**
 * Patients matching what was typed, best first, at most `limit`. Plain SQL over prepared statements: this is
 * the "raw" query the benchmark compares the channel with.
 */
export function runSearch(sqlite: Sqlite, typed: string, limit: number): SearchRow[] {
  const prefix = registrationPrefix(typed);
  if (prefix) {
    const rows = stmt(sqlite, SEARCH_SQL.registration).all(prefix, `${prefix}\uffff`, limit) as SearchRow[];
    if (rows.length > 0) return rows;
  }
  const match = matchQuery(typed);
  if (!match) return [];
  const { n } = stmt(sqlite, SEARCH_SQL.count).get(match) as { n: number };
  const exact = stmt(sqlite, n < RANK_CAP ? SEARCH_SQL.ranked : SEARCH_SQL.newest).all(
    match,
    limit,
  ) as SearchRow[];
  if (exact.length >= Math.min(FEW_EXACT_HITS, limit)) return exact;
  // Few exact hits: sound-alikes ("Aisha" for Aicha, "Kurouma" for Kourouma) follow them, ranked below.
  const sounds = phoneticMatchQuery(typed);
  if (!sounds) return exact;
  const seen = new Set(exact.map((r) => r.id));
  const alike = stmt(sqlite, SEARCH_SQL.ranked).all(sounds, limit) as SearchRow[];
  return [...exact, ...alike.filter((r) => !seen.has(r.id))].slice(0, limit);
}
