// The lists for community health workers (issue 18 §3, §5): due this week, missed, postnatal due. The due and
// missed lists are index range scans over the follow-up dates the core keeps on each pregnancy.
import {
  addDays,
  localDate,
  postnatalContacts as postnatalPlan,
  toDayNumber,
} from '../../../shared/clinical';
import type { ListLine } from '../../../shared/contract/channels/pregnancy';
import type { OpenDatabase } from '../../core/state';
import { stmt } from '../../records';
import { protocolOf } from './pregnancy.repo';

interface Line {
  pregnancy_id: string;
  patient_id: string;
  registration_number: string;
  given_name: string;
  family_name: string;
  phone: string;
  village: string;
  edd: string;
  dating_lmp: string;
  contact_number: number | null;
  date: string;
}

const SELECT = `SELECT g.id AS pregnancy_id, g.patient_id, p.registration_number, p.given_name, p.family_name,
  p.phone, p.village, g.edd, g.dating_lmp, g.next_contact_number AS contact_number`;
const ACTIVE = `g.status = 'active' AND g.voided = 0 AND p.voided = 0 AND p.merged_into IS NULL`;

function toLine(r: Line, on: string): ListLine {
  const ga = toDayNumber(on) - toDayNumber(r.dating_lmp);
  return {
    pregnancyId: r.pregnancy_id,
    patientId: r.patient_id,
    registrationNumber: r.registration_number,
    givenName: r.given_name,
    familyName: r.family_name,
    phone: r.phone,
    village: r.village,
    edd: r.edd,
    gestationalAgeDays: ga >= 0 ? ga : null,
    contactNumber: r.contact_number,
    date: r.date,
  };
}

type ListInput = { on?: string | undefined; limit: number };

/** The list's size: exact below the limit; above it, counted on the index alone (no patient row read). */
function totalOf(open: OpenDatabase, shown: number, limit: number, cond: string, params: object): number {
  if (shown < limit) return shown;
  const sql = `SELECT count(*) AS n FROM pregnancies g WHERE g.status = 'active' AND g.voided = 0 AND ${cond}`;
  return (stmt(open.sqlite, sql).get(params) as { n: number }).n;
}

/**
 * Next contact by the end of the 7 days from `on`, and not yet missed. missed_from is at most next date + 7 +
 * grace (the plan's week end + grace; a booked date + grace), so the date range is a superset the index scans.
 */
export function dueList(
  open: OpenDatabase,
  input: ListInput,
  now: Date,
): { lines: ListLine[]; total: number } {
  const on = input.on ?? localDate(now);
  const grace = protocolOf(open.sqlite).anc.missedAfterDays;
  const params = { from: addDays(on, -(7 + grace) + 1), to: addDays(on, 6), on, limit: input.limit };
  const cond = `g.next_contact_date BETWEEN @from AND @to AND g.missed_from > @on`;
  const where = `FROM pregnancies g JOIN patients p ON p.id = g.patient_id
    WHERE ${ACTIVE} AND ${cond}`;
  // Index order, so LIMIT stops the scan early (no sort of every woman on the list).
  const rows = stmt(
    open.sqlite,
    `${SELECT}, g.next_contact_date AS date ${where} ORDER BY g.next_contact_date LIMIT @limit`,
  ).all(params) as Line[];
  return {
    lines: rows.map((r) => toLine(r, on)),
    total: totalOf(open, rows.length, input.limit, cond, params),
  };
}

/** On the missed list from missed_from until she is seen (a contact moves the date on). */
export function missedList(
  open: OpenDatabase,
  input: ListInput,
  now: Date,
): { lines: ListLine[]; total: number } {
  const on = input.on ?? localDate(now);
  const params = { on, limit: input.limit };
  const where = `FROM pregnancies g JOIN patients p ON p.id = g.patient_id
    WHERE ${ACTIVE} AND g.missed_from <= @on`;
  // Index order, so LIMIT stops the scan early (no sort of every woman on the list).
  const rows = stmt(
    open.sqlite,
    `${SELECT}, g.next_contact_date AS date ${where} ORDER BY g.missed_from LIMIT @limit`,
  ).all(params) as Line[];
  return {
    lines: rows.map((r) => toLine(r, on)),
    total: totalOf(open, rows.length, input.limit, `g.missed_from <= @on`, params),
  };
}

/** Mothers whose first postnatal window not yet attended opens by the end of the week and has not closed. */
export function postnatalDueList(
  open: OpenDatabase,
  input: ListInput,
  now: Date,
): { lines: ListLine[]; total: number } {
  const on = input.on ?? localDate(now);
  const rows = stmt(
    open.sqlite,
    `${SELECT}, g.outcome_date AS date,
       (SELECT group_concat(c.contact_date) FROM postnatal_contacts c
        WHERE c.pregnancy_id = g.id AND c.voided = 0 AND c.subject = 'mother') AS seen
     FROM pregnancies g JOIN patients p ON p.id = g.patient_id
     WHERE g.status = 'closed' AND g.voided = 0 AND p.voided = 0 AND g.outcome_type = 'delivery'
       AND g.outcome_date BETWEEN @from AND @on
     ORDER BY g.outcome_date`,
  ).all({ from: addDays(on, -42), on }) as (Line & { seen: string | null })[];
  const lines: ListLine[] = [];
  for (const r of rows) {
    const seen = (r.seen ?? '').split(',').filter(Boolean);
    const next = postnatalPlan(r.date).find(
      (w) => !seen.some((d) => d >= w.from && d <= w.to) && w.to >= on && w.from <= addDays(on, 6),
    );
    if (next)
      lines.push({ ...toLine(r, on), gestationalAgeDays: null, contactNumber: next.number, date: next.from });
  }
  lines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { lines: lines.slice(0, input.limit), total: lines.length };
}
