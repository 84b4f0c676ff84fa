// The programme enrolment summary: per programme, enrolled at start, enrolled, unenrolled, at end of month.
import type { IsoDate } from '../clinical/dates';
import type { ReportMonth } from './month';
import { inMonth } from './month';
import { disaggregate, type ReportColumn, type ReportRow, type ReportTable } from './table';

export interface EnrolmentFact {
  id: string;
  patientId: string;
  programmeId: string;
  programmeName: string;
  enrolledOn: IsoDate;
  unenrolledOn: IsoDate | null;
  sex: 'male' | 'female';
  voided: boolean;
  merged?: boolean;
  recordedAt?: string;
  changedAt?: string;
}

export const PROGRAMME_COLUMNS: readonly ReportColumn[] = [
  { key: 'start', label: 'reports.prog.start' },
  { key: 'enrolled', label: 'reports.prog.enrolled' },
  { key: 'unenrolled', label: 'reports.prog.unenrolled' },
  { key: 'end', label: 'reports.prog.end' },
];

/** Same sets as the CMAM A/C/E/F rows, over enrolments (start + enrolled − unenrolled = end). */
// UNICEF/WHO cohort register balance (as the CMAM A–F layout), applied to programme enrolments
export function programmeReport(
  enrolments: readonly EnrolmentFact[],
  m: ReportMonth,
): { month: string; tables: ReportTable[] } {
  const live = enrolments.filter((e) => !e.voided && !e.merged);
  const names = new Map<string, string>();
  for (const e of live) names.set(e.programmeId, e.programmeName);
  const rows: ReportRow[] = [...names.entries()]
    .sort((a, b) => a[1].localeCompare(b[1]))
    .map(([id, name]) => {
      const mine = live.filter((e) => e.programmeId === id);
      const cell = (pick: (e: EnrolmentFact) => boolean) =>
        disaggregate(mine.filter(pick), [{ key: 'total', label: '' }], () => []).total!;
      return {
        key: id,
        label: name,
        literal: true,
        cells: {
          start: cell(
            (e) => e.enrolledOn < m.first && (e.unenrolledOn === null || e.unenrolledOn >= m.first),
          ),
          enrolled: cell((e) => inMonth(e.enrolledOn, m)),
          unenrolled: cell((e) => inMonth(e.unenrolledOn, m)),
          end: cell((e) => e.enrolledOn <= m.last && (e.unenrolledOn === null || e.unenrolledOn > m.last)),
        },
      };
    });
  return {
    month: m.month,
    tables: [
      { id: 'programmes', title: 'reports.prog.title', columns: [...PROGRAMME_COLUMNS], rows, kind: 'count' },
    ],
  };
}
