// Monthly reports: the numbers (live, and against a frozen snapshot), drill-down to the records, CSV, PDF and
// freezing a month.
import { AppError } from '../../../shared/contract';
import type { Language } from '../../../shared/i18n';
import { translateDynamic } from '../../../shared/i18n';
import {
  REPORT_NAMES,
  type ReportName,
  type MonthlyReportView,
} from '../../../shared/contract/channels/reports';
import { localDate } from '../../../shared/clinical';
import { uuidv7 } from '../../../shared/ids';
import {
  compareSnapshot,
  explainChange,
  findCell,
  reportMonth,
  snapshotCells,
  tablesCsv,
  withoutRefs,
  type SnapshotCells,
} from '../../../shared/reports';
import type { Sqlite } from '../../db/open';
import type { Actor } from '../../records';
import { auditBy, GENESIS_HASH } from '../audit/audit.service';
import { enqueue } from '../../sync/outbox';
import { computeReport, type ComputedReport } from './reports.compute';
import { labelFor, renderReportPdf, reportTitleKey, type Facility } from './reports.pdf';
import type { OpenDb } from './facts';

/** The head of the hash-chained audit trail: the last row's hash and how many rows there are. */
export function auditChainHead(sqlite: Sqlite): { hash: string; rows: number } {
  const last = sqlite.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { hash: string } | undefined;
  const rows = (sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  return { hash: last?.hash ?? GENESIS_HASH, rows };
}

interface FreezeRow {
  id: string;
  month: string;
  cells: string;
  pdf_sha256: string;
  frozen_by: string;
  frozen_at: string;
  audit_head_hash: string;
  audit_rows: number;
  frozen_by_name: string | null;
}

function frozenRow(sqlite: Sqlite, month: string): FreezeRow | undefined {
  return sqlite
    .prepare(
      `SELECT f.*, u.full_name AS frozen_by_name FROM report_freezes f LEFT JOIN users u ON u.id = f.frozen_by
       WHERE f.month = ?`,
    )
    .get(month) as FreezeRow | undefined;
}

const frozenView = (row: FreezeRow) => ({
  month: row.month,
  frozenAt: row.frozen_at,
  frozenByName: row.frozen_by_name ?? '',
  pdfSha256: row.pdf_sha256,
  auditHeadHash: row.audit_head_hash,
  auditRows: row.audit_rows,
});

function registrationNumbers(sqlite: Sqlite, patientIds: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const ids = [...new Set(patientIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = sqlite
      .prepare(`SELECT id, registration_number FROM patients WHERE id IN (${chunk.map(() => '?').join(',')})`)
      .all(...chunk) as { id: string; registration_number: string }[];
    for (const r of rows) out.set(r.id, r.registration_number);
  }
  return out;
}

export function monthlyReport(open: OpenDb, report: ReportName, month: string): MonthlyReportView {
  const r = computeReport(open, report, month);
  const frozen = frozenRow(open.sqlite, month);
  const numbers = registrationNumbers(open.sqlite, [
    ...r.balance.failures.map((f) => f.patientId),
    ...(frozen ? [...r.facts.values()].map((f) => f.patientId) : []),
  ]);
  const regOf = (id: string) => {
    const p = r.facts.get(id)?.patientId;
    return p ? (numbers.get(p) ?? null) : null;
  };
  let differences: MonthlyReportView['differences'] = [];
  if (frozen) {
    const all = JSON.parse(frozen.cells) as Record<string, SnapshotCells>;
    differences = compareSnapshot(all[report] ?? {}, r.tables, (id) =>
      explainChange(r.facts.get(id), frozen.frozen_at),
    ).map((d) => ({ ...d, records: d.records.map((c) => ({ ...c, registrationNumber: regOf(c.id) })) }));
  }
  return {
    report,
    month,
    tables: withoutRefs(r.tables),
    balance: {
      ok: r.balance.ok,
      failures: r.balance.failures.map((f) => ({
        id: f.id,
        registrationNumber: numbers.get(f.patientId) ?? null,
        problem: f.problem,
      })),
    },
    frozen: frozen ? frozenView(frozen) : null,
    differences,
  };
}

export function drilldown(open: OpenDb, report: ReportName, month: string, cell: string) {
  const r = computeReport(open, report, month);
  const found = findCell(r.tables, cell);
  if (!found || !found.refs) {
    throw new AppError('VALIDATION', translateDynamic('en', 'reports.error.cell'), [
      { path: 'cell', message: 'is not a number of this report that lists records' },
    ]);
  }
  const patientIds = found.refs.map((id) => r.facts.get(id)?.patientId ?? '');
  const rows = new Map<
    string,
    {
      id: string;
      registration_number: string;
      given_name: string;
      family_name: string;
      sex: string;
      birth_date: string;
    }
  >();
  const unique = [...new Set(patientIds)].filter(Boolean);
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    for (const p of open.sqlite
      .prepare(
        `SELECT id, registration_number, given_name, family_name, sex, birth_date FROM patients
         WHERE id IN (${chunk.map(() => '?').join(',')})`,
      )
      .all(...chunk) as {
      id: string;
      registration_number: string;
      given_name: string;
      family_name: string;
      sex: string;
      birth_date: string;
    }[])
      rows.set(p.id, p);
  }
  return {
    cell,
    value: found.value,
    records: found.refs.flatMap((recordId, i) => {
      const p = rows.get(patientIds[i]!);
      return p
        ? [
            {
              recordId,
              patientId: p.id,
              registrationNumber: p.registration_number,
              givenName: p.given_name,
              familyName: p.family_name,
              sex: p.sex,
              birthDate: p.birth_date,
            },
          ]
        : [];
    }),
  };
}

/** Refuses to print, export or freeze a report that does not add up, naming the records. */
function assertBalanced(open: OpenDb, r: ComputedReport, lang: Language): void {
  if (r.balance.ok) return;
  const numbers = registrationNumbers(
    open.sqlite,
    r.balance.failures.map((f) => f.patientId),
  );
  const records = r.balance.failures
    .map((f) => `${numbers.get(f.patientId) ?? f.id} (${f.problem})`)
    .join('; ');
  throw new AppError(
    'VALIDATION',
    translateDynamic(lang, 'reports.error.balance', {
      report: labelFor(lang)(reportTitleKey(r.report)),
      records,
    }),
  );
}

export function reportCsv(open: OpenDb, report: ReportName, month: string, lang: Language) {
  const r = computeReport(open, report, month);
  assertBalanced(open, r, lang);
  return { fileName: `caredesk-${report}-${month}.csv`, text: tablesCsv(r.tables, labelFor(lang)) };
}

export function facilityOf(sqlite: Sqlite): Facility {
  const row = sqlite.prepare('SELECT name, code, district FROM facility WHERE id = 1').get() as
    Facility | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'The facility record is missing from the database.');
  return row;
}

function userName(sqlite: Sqlite, userId: string): string {
  return (
    (
      sqlite.prepare('SELECT full_name FROM users WHERE id = ?').get(userId) as
        { full_name: string } | undefined
    )?.full_name ?? ''
  );
}

export function reportPdf(
  open: OpenDb,
  input: {
    report: ReportName | 'all';
    month: string;
    orientation: 'portrait' | 'landscape';
    language: Language;
  },
  actor: Actor,
  now: Date,
) {
  const names = input.report === 'all' ? [...REPORT_NAMES] : [input.report];
  const reports = names.map((n) => computeReport(open, n, input.month));
  for (const r of reports) assertBalanced(open, r, input.language);
  const { bytes, sha256 } = renderReportPdf({
    facility: facilityOf(open.sqlite),
    month: input.month,
    reports,
    lang: input.language,
    orientation: input.orientation,
    now,
    preparedBy: userName(open.sqlite, actor.userId),
    open,
  });
  return {
    fileName: `caredesk-${input.report}-${input.month}.pdf`,
    base64: Buffer.from(bytes).toString('base64'),
    sha256,
    bytes,
  };
}

/** Freezes a finished month: all its reports' numbers and records, the PDF hash, the audit chain head. */
export function freezeMonth(open: OpenDb, actor: Actor, month: string, lang: Language, now: Date) {
  if (reportMonth(month).last >= localDate(now)) {
    throw new AppError('VALIDATION', translateDynamic(lang, 'reports.error.future'), [
      { path: 'month', message: 'has not ended yet' },
    ]);
  }
  if (frozenRow(open.sqlite, month))
    throw new AppError('CONFLICT', translateDynamic(lang, 'reports.error.frozen'));
  const pdf = reportPdf(open, { report: 'all', month, orientation: 'portrait', language: lang }, actor, now);
  const cells: Record<string, SnapshotCells> = {};
  for (const name of REPORT_NAMES) cells[name] = snapshotCells(computeReport(open, name, month).tables);
  const at = now.toISOString();
  const id = uuidv7();
  open.sqlite.transaction(() => {
    const head = auditChainHead(open.sqlite);
    open.sqlite
      .prepare(
        `INSERT INTO report_freezes (id, month, cells, pdf_sha256, frozen_by, frozen_at, audit_head_hash, audit_rows, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)`,
      )
      .run(id, month, JSON.stringify(cells), pdf.sha256, actor.userId, at, head.hash, head.rows);
    enqueue(
      open.sqlite,
      'report_freeze',
      id,
      1,
      {
        id,
        month,
        cells,
        pdfSha256: pdf.sha256,
        frozenBy: actor.userId,
        frozenAt: at,
        auditHeadHash: head.hash,
        auditRows: head.rows,
      },
      at,
    );
    auditBy(
      open.sqlite,
      actor,
      {
        action: 'report.freeze',
        entity: 'report_freeze',
        entityId: id,
        detail: `${month} pdf ${pdf.sha256.slice(0, 16)}`,
      },
      at,
    );
  })();
  return frozenView(frozenRow(open.sqlite, month)!);
}
