// Programmes: managers create and deactivate them; staff enrol and unenrol patients. An
// enrolment is never overwritten: unenrolling closes it, enrolling again opens a new one.
import { localDate } from '../../../shared/clinical';
import { AppError, type FieldError } from '../../../shared/contract';
import { CMAM_MESSAGES } from '../../../shared/contract/channels/cmam-messages';
import type { EnrolmentRecord, ProgrammeRecord } from '../../../shared/contract/channels/programmes';
import { invalid } from '../../../shared/contract/validation';
import { uuidv7 } from '../../../shared/ids';
import { and, eq, isNull } from 'drizzle-orm';
import type { OpenDatabase } from '../../core/state';
import { enrolments } from '../../db/schema';
import {
  firstVersion,
  stmt,
  writeFirstVersion,
  writeNextVersion,
  assertVersion,
  type Actor,
} from '../../records';
import { requireActivePatient } from '../patients/patients.repo';
import {
  enrolmentStore,
  ensureBuiltIns,
  getEnrolment,
  listProgrammeRecords,
  openEnrolmentCount,
  programmeStore,
  requireProgramme,
  toProgramme,
  type EnrolmentRow,
  type ProgrammeRow,
} from './programmes.repo';

export function listProgrammes(open: OpenDatabase, includeInactive: boolean, now: Date): ProgrammeRecord[] {
  ensureBuiltIns(open, now.toISOString());
  return listProgrammeRecords(open, includeInactive);
}

export function createProgramme(
  open: OpenDatabase,
  actor: Actor,
  input: { code: string; name: string; description: string },
  now: Date,
): ProgrammeRecord {
  const at = now.toISOString();
  return open.sqlite.transaction(() => {
    ensureBuiltIns(open, at);
    if (stmt(open.sqlite, 'SELECT 1 FROM programmes WHERE code = ?').get(input.code)) {
      throw new AppError('CONFLICT', CMAM_MESSAGES.programmeCodeTaken, [
        { path: 'code', message: `is already used by another programme (${input.code})` },
      ]);
    }
    const row: ProgrammeRow = {
      id: uuidv7(now.getTime()),
      code: input.code,
      name: input.name,
      description: input.description,
      kind: 'custom',
      builtIn: false,
      active: true,
      deactivatedOn: null,
      deactivationReason: null,
      ...firstVersion(actor, at),
    };
    writeFirstVersion(open, actor, at, programmeStore, row, 'programme.create');
    return toProgramme(row, 0);
  })();
}

/** Closes the programme's open enrolments with the reason, after the manager confirmed how many there are. */
export function deactivateProgramme(
  open: OpenDatabase,
  actor: Actor,
  input: { id: string; expectedVersion: number; reason: string; confirmOpenEnrolments: number },
  now: Date,
): { programme: ProgrammeRecord; closed: number } {
  const at = now.toISOString();
  const today = localDate(now);
  return open.sqlite.transaction(() => {
    ensureBuiltIns(open, at);
    const before = requireProgramme(open, input.id);
    if (before.kind === 'cmam') throw new AppError('CONFLICT', CMAM_MESSAGES.programmeBuiltIn);
    if (!before.active) throw new AppError('CONFLICT', CMAM_MESSAGES.programmeInactive);
    assertVersion(before.version, input.expectedVersion);
    const count = openEnrolmentCount(open.sqlite, before.id);
    if (count !== input.confirmOpenEnrolments) {
      throw new AppError('CONFLICT', CMAM_MESSAGES.confirmCount, [
        {
          path: 'confirmOpenEnrolments',
          message: `is ${input.confirmOpenEnrolments}, but the programme has ${count} open enrolments`,
        },
      ]);
    }
    const open_ = open.db
      .select()
      .from(enrolments)
      .where(
        and(
          eq(enrolments.programmeId, before.id),
          isNull(enrolments.unenrolledOn),
          eq(enrolments.voided, false),
        ),
      )
      .all();
    for (const e of open_) {
      const closedOn = e.enrolledOn > today ? e.enrolledOn : today;
      writeNextVersion(open, actor, at, enrolmentStore, {
        before: e,
        set: { unenrolledOn: closedOn, unenrolledBy: actor.userId, unenrolReason: input.reason },
        history: {
          action: 'update',
          changes: [{ field: 'unenrolledOn', from: null, to: closedOn }],
          reason: input.reason,
        },
        audit: { action: 'enrolment.close', detail: `programme=${before.code}` },
      });
    }
    const after = writeNextVersion(open, actor, at, programmeStore, {
      before,
      set: { active: false, deactivatedOn: today, deactivationReason: input.reason },
      history: {
        action: 'update',
        changes: [{ field: 'active', from: true, to: false }],
        reason: input.reason,
      },
      audit: { action: 'programme.deactivate', detail: `closed=${open_.length}` },
    });
    return { programme: toProgramme(after, 0), closed: open_.length };
  })();
}

export function enrol(
  open: OpenDatabase,
  actor: Actor,
  input: { patientId: string; programmeId: string; enrolledOn: string; note: string },
  now: Date,
): EnrolmentRecord {
  const at = now.toISOString();
  return open.sqlite.transaction(() => {
    ensureBuiltIns(open, at);
    const patient = requireActivePatient(open.db, input.patientId);
    const programme = requireProgramme(open, input.programmeId, 'programmeId');
    if (programme.kind === 'cmam') throw new AppError('CONFLICT', CMAM_MESSAGES.programmeIsCmam);
    if (!programme.active)
      throw new AppError('CONFLICT', CMAM_MESSAGES.programmeInactive, [
        { path: 'programmeId', message: 'is no longer active' },
      ]);
    const fields: FieldError[] = [];
    if (input.enrolledOn > localDate(now)) fields.push({ path: 'enrolledOn', message: 'is in the future' });
    if (input.enrolledOn < patient.birthDate)
      fields.push({ path: 'enrolledOn', message: "is before the patient's date of birth" });
    if (fields.length > 0) invalid(fields);
    const current = stmt(
      open.sqlite,
      `SELECT enrolled_on FROM programme_enrolments
       WHERE patient_id = ? AND programme_id = ? AND unenrolled_on IS NULL AND voided = 0`,
    ).get(patient.id, programme.id) as { enrolled_on: string } | undefined;
    if (current) {
      throw new AppError('CONFLICT', CMAM_MESSAGES.alreadyEnrolled, [
        { path: 'programmeId', message: `already has an open enrolment since ${current.enrolled_on}` },
      ]);
    }
    const row: EnrolmentRow = {
      id: uuidv7(now.getTime()),
      patientId: patient.id,
      programmeId: programme.id,
      enrolledOn: input.enrolledOn,
      note: input.note,
      unenrolledOn: null,
      unenrolledBy: null,
      unenrolReason: null,
      ...firstVersion(actor, at),
    };
    writeFirstVersion(open, actor, at, enrolmentStore, row, 'enrolment.create');
    return getEnrolment(open, row.id);
  })();
}

export function unenrol(
  open: OpenDatabase,
  actor: Actor,
  input: { id: string; expectedVersion: number; unenrolledOn: string; reason: string },
  now: Date,
): EnrolmentRecord {
  const at = now.toISOString();
  return open.sqlite.transaction(() => {
    const before = open.db.select().from(enrolments).where(eq(enrolments.id, input.id)).get();
    if (!before || before.voided)
      throw new AppError('NOT_FOUND', CMAM_MESSAGES.enrolmentNotFound, [
        { path: 'id', message: 'is not a known enrolment' },
      ]);
    if (before.unenrolledOn !== null) throw new AppError('CONFLICT', CMAM_MESSAGES.enrolmentClosed);
    assertVersion(before.version, input.expectedVersion);
    const fields: FieldError[] = [];
    if (input.unenrolledOn > localDate(now))
      fields.push({ path: 'unenrolledOn', message: 'is in the future' });
    if (input.unenrolledOn < before.enrolledOn)
      fields.push({ path: 'unenrolledOn', message: `is before the enrolment date (${before.enrolledOn})` });
    if (fields.length > 0) invalid(fields);
    writeNextVersion(open, actor, at, enrolmentStore, {
      before,
      set: { unenrolledOn: input.unenrolledOn, unenrolledBy: actor.userId, unenrolReason: input.reason },
      history: {
        action: 'update',
        changes: [{ field: 'unenrolledOn', from: null, to: input.unenrolledOn }],
        reason: input.reason,
      },
      audit: { action: 'enrolment.close' },
    });
    return getEnrolment(open, before.id);
  })();
}
