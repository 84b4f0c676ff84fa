// The programme dashboard (issue 17 §6): every figure counted from the episodes and follow-ups (voided and
// merged-away episodes never count; internal moves are not outcomes), beside the Sphere thresholds.
import {
  addMonths,
  averageLengthOfStay,
  cmamPerformance,
  localDate,
  stayWeightGain,
  toDayNumber,
  type Weighing,
} from '../../../shared/clinical';
import {
  EXIT_TYPES,
  type CmamDashboard,
  type CmamExitType,
  type CmamProgramme,
} from '../../../shared/contract/channels/cmam';
import type { OpenDatabase } from '../../core/state';
import { stmt } from '../../records';

const LIVE = 'e.voided = 0 AND e.merged = 0 AND (? IS NULL OR e.programme = ?)';

function emptyExits(): Record<CmamExitType, number> {
  return Object.fromEntries(EXIT_TYPES.map((t) => [t, 0])) as Record<CmamExitType, number>;
}

export function cmamDashboard(
  open: OpenDatabase,
  input: { month?: string; programme?: CmamProgramme },
  now: Date,
): CmamDashboard {
  const month = input.month ?? localDate(now).slice(0, 7);
  const first = `${month}-01`;
  const last = `${month}-31`;
  const p = input.programme ?? null;
  const s = open.sqlite;

  const caseload = { OTP: 0, SC: 0, TSFP: 0 };
  for (const r of stmt(
    s,
    `SELECT programme, count(*) AS n FROM cmam_episodes e WHERE exit_date IS NULL AND ${LIVE} GROUP BY programme`,
  ).all(p, p) as { programme: CmamProgramme; n: number }[])
    caseload[r.programme] = r.n;

  // 12 months ending with this one, in one pass over each date index.
  const start = addMonths(first, -11);
  const months = Array.from({ length: 12 }, (_, i) => addMonths(start, i).slice(0, 7));
  const byMonth = new Map(months.map((m) => [m, { month: m, admissions: 0, exits: emptyExits() }]));
  for (const r of stmt(
    s,
    `SELECT substr(admission_date, 1, 7) AS m, count(*) AS n FROM cmam_episodes e
     WHERE admission_date BETWEEN ? AND ? AND ${LIVE} GROUP BY m`,
  ).all(start, last, p, p) as { m: string; n: number }[]) {
    const entry = byMonth.get(r.m);
    if (entry) entry.admissions = r.n;
  }
  let internalMoves = 0;
  for (const r of stmt(
    s,
    `SELECT substr(exit_date, 1, 7) AS m, exit_type AS t, internal_move AS internal, count(*) AS n
     FROM cmam_episodes e WHERE exit_date BETWEEN ? AND ? AND ${LIVE} GROUP BY m, t, internal`,
  ).all(start, last, p, p) as { m: string; t: CmamExitType; internal: number; n: number }[]) {
    if (r.internal === 1) {
      if (r.m === month) internalMoves += r.n;
      continue;
    }
    const entry = byMonth.get(r.m);
    if (entry) entry.exits[r.t] += r.n;
  }
  const current = byMonth.get(month)!;
  const e = current.exits;
  const perf = cmamPerformance({
    cured: e.cured,
    died: e.died,
    defaulted: e.defaulted,
    nonResponder: e['non-responder'],
    medicalTransfer: e['medical-transfer'],
  });

  const cured = stmt(
    s,
    `SELECT e.id, e.admission_date, e.exit_date, e.weight_kg, e.oedema FROM cmam_episodes e
     WHERE e.exit_type = 'cured' AND e.internal_move = 0 AND e.exit_date BETWEEN ? AND ? AND ${LIVE}`,
  ).all(first, last, p, p) as {
    id: string;
    admission_date: string;
    exit_date: string;
    weight_kg: number;
    oedema: string;
  }[];
  const los = averageLengthOfStay(
    cured.map((c) => ({ admissionDays: toDayNumber(c.admission_date), exitDays: toDayNumber(c.exit_date) })),
  );
  const weighings = new Map<string, Weighing[]>();
  for (const c of cured)
    if (c.oedema === 'none') weighings.set(c.id, [{ date: c.admission_date, weightKg: c.weight_kg }]);
  if (weighings.size > 0) {
    for (const f of stmt(
      s,
      `SELECT f.episode_id, f.visit_date, f.weight_kg FROM cmam_followups f JOIN cmam_episodes e ON e.id = f.episode_id
       WHERE f.voided = 0 AND e.exit_type = 'cured' AND e.internal_move = 0 AND e.exit_date BETWEEN ? AND ? AND ${LIVE}`,
    ).all(first, last, p, p) as { episode_id: string; visit_date: string; weight_kg: number }[])
      weighings.get(f.episode_id)?.push({ date: f.visit_date, weightKg: f.weight_kg });
  }
  const gains = [...weighings.values()]
    .filter((w) => w.length >= 2)
    .map((w) => stayWeightGain(w))
    .filter((g): g is number => g !== null);

  const rate = (
    r: { percent: number | null; meetsSphere: boolean | null },
    above: number | null,
    below: number | null,
  ) => ({
    ...r,
    sphere: { above, below },
  });
  return {
    month,
    caseload,
    admissions: current.admissions,
    exits: e,
    internalMoves,
    totalExits: perf.totalExits,
    rates: {
      cured: rate(perf.cured, 75, null),
      died: rate(perf.died, null, 10),
      defaulted: rate(perf.defaulted, null, 15),
      nonResponder: rate(perf.nonResponder, null, null),
    },
    averageLengthOfStayDays: los,
    averageWeightGain: gains.length === 0 ? null : gains.reduce((a, b) => a + b, 0) / gains.length,
    months: [...byMonth.values()],
  };
}
