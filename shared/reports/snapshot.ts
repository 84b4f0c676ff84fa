// Frozen months: what is kept of a report (each cell's number and the records behind it), and what differs
// when the live report is computed again later (back-dated entries, corrections, voids).
import { cellsOf, type ReportTable } from './table';

/** cell key → number and record ids, as frozen. */
export type SnapshotCells = Record<string, { value: number | null; refs?: string[] }>;

export function snapshotCells(tables: readonly ReportTable[]): SnapshotCells {
  const cells: SnapshotCells = {};
  for (const [key, cell] of cellsOf(tables)) {
    cells[key] = cell.refs ? { value: cell.value, refs: cell.refs } : { value: cell.value };
  }
  return cells;
}

export type ChangeReason = 'entered-after' | 'corrected-after' | 'voided-after' | 'removed' | 'changed';

export interface RecordChange {
  id: string;
  /** 'added': now counted here, not when frozen; 'removed': the reverse. */
  direction: 'added' | 'removed';
  reason: ChangeReason;
}

export interface CellDifference {
  key: string;
  frozen: number | null;
  live: number | null;
  records: RecordChange[];
}

/**
 * Every cell whose number differs, with the records that moved in or out and why. `explain` says why a record
 * moved (from its entry/correction times against the freeze); unknown records read as 'removed'.
 */
export function compareSnapshot(
  frozen: SnapshotCells,
  live: readonly ReportTable[],
  explain: (id: string) => ChangeReason,
): CellDifference[] {
  const now = snapshotCells(live);
  const keys = [...new Set([...Object.keys(frozen), ...Object.keys(now)])];
  const out: CellDifference[] = [];
  for (const key of keys) {
    const a = frozen[key];
    const b = now[key];
    const before = a?.value ?? null;
    const after = b?.value ?? null;
    if (before === after) continue;
    const was = new Set(a?.refs ?? []);
    const is = new Set(b?.refs ?? []);
    const records: RecordChange[] = [
      ...[...is]
        .filter((id) => !was.has(id))
        .map((id) => ({ id, direction: 'added' as const, reason: explain(id) })),
      ...[...was]
        .filter((id) => !is.has(id))
        .map((id) => ({ id, direction: 'removed' as const, reason: explain(id) })),
    ];
    out.push({ key, frozen: before, live: after, records });
  }
  return out;
}

/** Why a record moved, from when it was entered, last changed and whether it is voided now. */
// Good record-keeping practice (WHO Data Quality Review 2017): report revisions are explained by record changes
export function explainChange(
  fact: { recordedAt?: string; changedAt?: string; voided: boolean } | undefined,
  frozenAt: string,
): ChangeReason {
  if (!fact) return 'removed';
  if (fact.voided) return 'voided-after';
  if (fact.recordedAt && fact.recordedAt > frozenAt) return 'entered-after';
  if (fact.changedAt && fact.changedAt > frozenAt) return 'corrected-after';
  return 'changed';
}
