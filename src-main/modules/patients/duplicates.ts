// Duplicate detection (issue 5 §2): candidates gathered from the phonetic keys of the names, the phone numbers
// and the national ID through the FTS index, then scored on the evidence with the reasons a nurse can check.
import type { DuplicateCandidate } from '../../../shared/contract/channels/patients';
import { addMonths, daysBetween } from '../../../shared/clinical';
import type { Sqlite } from '../../db/open';
import { nameSimilarity, nameTokens, phoneKey, phoneticKey } from './names';
import { stmt } from '../../records';
import { toSummary, type SummaryRow } from './summary';

type Reason = DuplicateCandidate['reasons'][number];

/** What is known about the person being registered (or corrected). */
export interface Probe {
  givenName: string;
  familyName: string;
  otherNames: string;
  sex?: 'male' | 'female' | undefined;
  birthDate?: string | undefined;
  birthDateEstimated?: boolean;
  phone: string;
  caregiverName: string;
  caregiverPhone: string;
  nationalId: string;
  excludeId?: string | undefined;
}

/** A score from here is a likely duplicate (registration asks the user to confirm). */
export const LIKELY_SCORE = 60;
/** Below this a candidate is not shown. */
const SHOWN_SCORE = 45;
const MAX_SHOWN = 10;
/** How many rows each candidate query may bring back before scoring. */
const GATHER_LIMIT = 300;

interface CandidateRow extends SummaryRow {
  national_id: string;
}

const COLUMNS = `p.id, p.registration_number, p.given_name, p.family_name, p.other_names, p.sex, p.birth_date,
  p.birth_date_estimated, p.village, p.phone, p.caregiver_name, p.caregiver_phone, p.national_id`;

function gather(sqlite: Sqlite, match: string, birthFrom: string, birthTo: string): CandidateRow[] {
  return stmt(
    sqlite,
    `SELECT ${COLUMNS} FROM (SELECT rowid AS r FROM patients_fts WHERE patients_fts MATCH ?) AS m
     CROSS JOIN patients AS p ON p.search_rowid = m.r
     WHERE p.birth_date BETWEEN ? AND ? LIMIT ${GATHER_LIMIT}`,
  ).all(match, birthFrom, birthTo) as CandidateRow[];
}

/** Pairs of phonetic keys, so that two of the person's names must sound alike (one common name alone is noise). */
function soundsQuery(tokens: string[]): string | null {
  const keys = [...new Set(tokens.map(phoneticKey))].filter((k) => k.length > 0).slice(0, 6);
  if (keys.length === 0) return null;
  if (keys.length === 1) return `{sounds} : "${keys[0]}"`;
  const pairs: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) pairs.push(`("${keys[i]}" AND "${keys[j]}")`);
  }
  return `{sounds} : (${pairs.join(' OR ')})`;
}

export function findDuplicates(sqlite: Sqlite, probe: Probe, today: string): DuplicateCandidate[] {
  const tokens = nameTokens(`${probe.givenName} ${probe.familyName} ${probe.otherNames}`);
  const phones = [probe.phone, probe.caregiverPhone].map(phoneKey).filter((k) => k.length >= 6);
  const idTokens = nameTokens(probe.nationalId);
  const rows = new Map<string, CandidateRow>();
  const add = (list: CandidateRow[]) => list.forEach((r) => rows.set(r.id, r));

  // Names alone only count near the birth date; phones and national IDs count whatever the recorded age.
  const anyBirth: [string, string] = ['0000-01-01', '9999-12-31'];
  const nearBirth: [string, string] = probe.birthDate
    ? [addMonths(probe.birthDate, -60), addMonths(probe.birthDate, 60)]
    : anyBirth;
  const sounds = soundsQuery(tokens);
  if (sounds) add(gather(sqlite, sounds, ...nearBirth));
  if (phones.length > 0)
    add(gather(sqlite, `{phones} : (${phones.map((p) => `"${p}"`).join(' OR ')})`, ...anyBirth));
  if (idTokens.length > 0) add(gather(sqlite, `{ids} : "${idTokens.join('')}"`, ...anyBirth));

  const out: DuplicateCandidate[] = [];
  for (const row of rows.values()) {
    if (row.id === probe.excludeId) continue;
    const scored = score(probe, tokens, phones, row);
    if (scored.score >= SHOWN_SCORE) {
      out.push({
        patient: toSummary(row, today),
        score: scored.score,
        likely: scored.score >= LIKELY_SCORE,
        reasons: scored.reasons,
      });
    }
  }
  out.sort(
    (a, b) => b.score - a.score || a.patient.registrationNumber.localeCompare(b.patient.registrationNumber),
  );
  return out.slice(0, MAX_SHOWN);
}

/** Additive evidence, clamped to 0–100. Weights: a same name with the same birth date is 75 on its own. */
function score(
  probe: Probe,
  tokens: string[],
  phoneKeys: string[],
  row: CandidateRow,
): { score: number; reasons: Reason[] } {
  const reasons: Reason[] = [];
  let points = 0;
  const similarity = nameSimilarity(
    tokens,
    nameTokens(`${row.given_name} ${row.family_name} ${row.other_names}`),
  );
  if (similarity >= 0.97) {
    points += 45;
    reasons.push('same-name');
  } else if (similarity >= 0.85) {
    points += similarity >= 0.9 ? 38 : 30;
    reasons.push('similar-name');
  } else if (similarity >= 0.8) {
    points += 20;
    reasons.push('similar-name');
  }

  if (probe.birthDate) {
    const apart = Math.abs(daysBetween(probe.birthDate, row.birth_date));
    const estimated = probe.birthDateEstimated || row.birth_date_estimated === 1;
    if (apart === 0) {
      points += 30;
      reasons.push('same-birth-date');
    } else if (apart <= 31) {
      points += 22;
      reasons.push('close-birth-date');
    } else if (
      apart <= (estimated ? 400 : 366) &&
      probe.birthDate.slice(0, 4) === row.birth_date.slice(0, 4)
    ) {
      points += 12;
      reasons.push('same-birth-year');
    } else if (estimated ? apart > 5 * 366 : apart > 3 * 366) {
      points -= 30;
    }
  }

  const rowPhone = phoneKey(row.phone);
  const rowCaregiverPhone = phoneKey(row.caregiver_phone);
  if (phoneKeys.length > 0) {
    if (rowPhone.length >= 6 && phoneKeys.includes(rowPhone)) {
      points += 30;
      reasons.push('same-phone');
    } else if (rowCaregiverPhone.length >= 6 && phoneKeys.includes(rowCaregiverPhone)) {
      points += 30;
      reasons.push('same-caregiver-phone');
    }
  }

  const probeId = nameTokens(probe.nationalId).join('');
  const rowId = nameTokens(row.national_id).join('');
  if (probeId && rowId) {
    if (probeId === rowId) {
      points += 60;
      reasons.push('same-national-id');
    } else {
      points -= 40;
    }
  }

  const caregiverTokens = nameTokens(probe.caregiverName);
  if (caregiverTokens.length > 0 && nameSimilarity(caregiverTokens, nameTokens(row.caregiver_name)) >= 0.9) {
    points += 10;
    reasons.push('same-caregiver');
  }
  if (probe.sex && probe.sex !== row.sex) points -= 30;
  return { score: Math.max(0, Math.min(100, Math.round(points))), reasons };
}
