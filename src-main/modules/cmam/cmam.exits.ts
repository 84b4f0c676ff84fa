// CMAM exits and internal moves. An exit before admission or in the future is refused with the
// field named and nothing written; a move closes one episode and opens its linked successor in one transaction;
// a wrong exit is corrected (history + audit) or the record voided, never deleted.
import { classifyNutrition, localDate, rutfRation } from '../../../shared/clinical';
import { AppError, type FieldError } from '../../../shared/contract';
import { invalid } from '../../../shared/contract/validation';
import type { CmamExitType, CmamProgramme, EpisodeRecord } from '../../../shared/contract/channels/cmam';
import { CMAM_MESSAGES } from '../../../shared/contract/channels/cmam-messages';
import { uuidv7 } from '../../../shared/ids';
import type { OpenDatabase } from '../../core/state';
import { eq } from 'drizzle-orm';
import { cmamFollowups, rutfStock } from '../../db/schema';
import {
  assertCanCorrect,
  assertVersion,
  changedFieldsDetail,
  diffFields,
  numberInScope,
  writeFirstVersion,
  writeNextVersion,
  writeVoided,
  type Actor,
} from '../../records';
import {
  episodeStore,
  followupStore,
  followupsOf,
  openEpisodeIn,
  protocolOf,
  requireEpisode,
  requireOpenEpisode,
  stockStore,
  toEpisode,
  type EpisodeRow,
} from './cmam.repo';

/** The exit date checks: not in the future, not before admission, not before the last follow-up. */
function checkExitDate(
  open: OpenDatabase,
  episode: EpisodeRow,
  date: string,
  field: string,
  today: string,
): void {
  const fields: FieldError[] = [];
  const last = followupsOf(open, episode.id).at(-1)?.visitDate;
  if (date > today) fields.push({ path: field, message: 'is in the future' });
  else if (date < episode.admissionDate)
    fields.push({ path: field, message: `is before the admission date (${episode.admissionDate})` });
  else if (last && date < last) fields.push({ path: field, message: `is before the last visit (${last})` });
  if (fields.length > 0) invalid(fields);
}

export function recordExit(
  open: OpenDatabase,
  actor: Actor,
  input: {
    episodeId: string;
    expectedVersion: number;
    exitDate: string;
    exitType: CmamExitType;
    notes: string;
  },
  now: Date,
): EpisodeRecord {
  const at = now.toISOString();
  return open.sqlite.transaction(() => {
    const before = requireOpenEpisode(open, input.episodeId);
    assertVersion(before.version, input.expectedVersion);
    checkExitDate(open, before, input.exitDate, 'exitDate', localDate(now));
    const after = writeNextVersion(open, actor, at, episodeStore, {
      before,
      set: {
        exitDate: input.exitDate,
        exitType: input.exitType,
        exitNotes: input.notes,
        internalMove: false,
      },
      history: {
        action: 'update',
        changes: [
          { field: 'exitDate', from: null, to: input.exitDate },
          { field: 'exitType', from: null, to: input.exitType },
        ],
      },
      audit: { action: 'cmam.exit', detail: `type=${input.exitType}` },
    });
    return toEpisode(after);
  })();
}

/** The internal moves and how the closed episode is recorded (the CMAM monthly report's exit categories, Sphere 2018 management of malnutrition standard 2.2). */
const MOVES: Record<string, CmamExitType> = {
  'OTP>SC': 'medical-transfer',
  'SC>OTP': 'transfer-out',
  'OTP>TSFP': 'transfer-out',
};

export function moveEpisode(
  open: OpenDatabase,
  actor: Actor,
  input: { episodeId: string; expectedVersion: number; moveDate: string; to: CmamProgramme; notes: string },
  now: Date,
): { closed: EpisodeRecord; opened: EpisodeRecord } {
  const at = now.toISOString();
  return open.sqlite.transaction(() => {
    const before = requireOpenEpisode(open, input.episodeId);
    assertVersion(before.version, input.expectedVersion);
    const exitType = MOVES[`${before.programme}>${input.to}`];
    if (!exitType)
      throw new AppError('CONFLICT', CMAM_MESSAGES.notMoveable, [
        { path: 'to', message: `cannot follow ${before.programme}` },
      ]);
    checkExitDate(open, before, input.moveDate, 'moveDate', localDate(now));
    const already = openEpisodeIn(open, before.patientId, input.to);
    if (already)
      throw new AppError('CONFLICT', CMAM_MESSAGES.episodeOpenElsewhere, [
        {
          path: 'to',
          message: `already has an open episode ${already.number} since ${already.admission_date}`,
        },
      ]);
    const last = followupsOf(open, before.id).at(-1);
    const profile = protocolOf(open, before.protocol);
    const weightKg = last?.weightKg ?? before.weightKg;
    const muacMm = last?.muacMm ?? before.muacMm;
    const oedema = last?.oedema ?? before.oedema;
    // A child moving to TSFP is classified again on today's MUAC (MAM); otherwise the admission's criteria stand.
    const c =
      input.to === 'TSFP'
        ? classifyNutrition({ muacMm, oedema, whz: null }, profile)
        : {
            status: before.status,
            criteria: JSON.parse(before.criteria) as string[],
            admissionCriterion: before.admissionCriterion,
          };
    const closed = writeNextVersion(open, actor, at, episodeStore, {
      before,
      set: { exitDate: input.moveDate, exitType, exitNotes: input.notes, internalMove: true },
      history: {
        action: 'update',
        changes: [
          { field: 'exitDate', from: null, to: input.moveDate },
          { field: 'exitType', from: null, to: exitType },
          { field: 'internalMove', from: false, to: true },
        ],
      },
      audit: { action: 'cmam.move', detail: `to=${input.to}` },
    });
    const opened: EpisodeRow = {
      ...before,
      id: uuidv7(now.getTime()),
      programme: input.to,
      number: numberInScope(open.sqlite, input.to, input.moveDate.slice(0, 4), 4),
      admissionDate: input.moveDate,
      admissionType: 'transfer-in',
      admissionCriterion: c.admissionCriterion ?? null,
      criteria: JSON.stringify(c.criteria),
      status: c.status === 'MAM' ? 'MAM' : 'SAM',
      transferFrom: before.programme,
      transferSite: '',
      transferNumber: before.number,
      previousEpisodeId: before.id,
      admissionVisitId: null,
      weightKg,
      muacMm,
      whz: null,
      oedema,
      rationPerWeek: input.to === 'OTP' ? rutfRation(weightKg, profile).sachetsPerWeek : null,
      rutfSachets: 0,
      medicinesGiven: '[]',
      nextVisitDate: input.to === 'SC' ? null : before.nextVisitDate,
      notes: input.notes,
      exitDate: null,
      exitType: null,
      exitNotes: '',
      internalMove: false,
      createdAt: at,
      createdBy: actor.userId,
      updatedAt: at,
      updatedBy: actor.userId,
      version: 1,
      voided: false,
      voidReason: null,
    };
    writeFirstVersion(open, actor, at, episodeStore, opened, 'cmam.admit');
    return { closed: toEpisode(closed), opened: toEpisode(opened) };
  })();
}

export function correctExit(
  open: OpenDatabase,
  actor: Actor,
  input: {
    episodeId: string;
    expectedVersion: number;
    exitDate: string | null;
    exitType: CmamExitType | null;
    notes: string;
    reason: string;
  },
  now: Date,
): EpisodeRecord {
  const at = now.toISOString();
  return open.sqlite.transaction(() => {
    const before = requireEpisode(open, input.episodeId);
    if (before.voided) throw new AppError('CONFLICT', CMAM_MESSAGES.episodeVoided);
    assertVersion(before.version, input.expectedVersion);
    assertCanCorrect({ createdBy: before.updatedBy, createdAt: before.updatedAt }, actor, now);
    if ((input.exitDate === null) !== (input.exitType === null))
      invalid([
        { path: 'exitType', message: 'and the exit date go together: give both, or neither to reopen' },
      ]);
    if (before.internalMove)
      invalid([{ path: 'episodeId', message: 'was closed by a move: void the episode it moved to instead' }]);
    if (input.exitDate !== null) checkExitDate(open, before, input.exitDate, 'exitDate', localDate(now));
    else {
      const other = openEpisodeIn(open, before.patientId, before.programme);
      if (other && other.id !== before.id)
        throw new AppError('CONFLICT', CMAM_MESSAGES.episodeOpenElsewhere, [
          { path: 'exitDate', message: `cannot be cleared: episode ${other.number} is open` },
        ]);
    }
    const after = { ...before, exitDate: input.exitDate, exitType: input.exitType, exitNotes: input.notes };
    const changes = diffFields(before, after, ['exitDate', 'exitType', 'exitNotes']);
    if (changes.length === 0) return toEpisode(before);
    const saved = writeNextVersion(open, actor, at, episodeStore, {
      before,
      set: { exitDate: input.exitDate, exitType: input.exitType, exitNotes: input.notes },
      history: { action: 'update', changes, reason: input.reason },
      audit: { action: 'cmam.exit.correct', detail: changedFieldsDetail(changes) },
    });
    return toEpisode(saved);
  })();
}

export function voidCmamRecord(
  open: OpenDatabase,
  actor: Actor,
  input: { entity: 'episode' | 'followup' | 'stock'; id: string; expectedVersion: number; reason: string },
  now: Date,
): { id: string; version: number } {
  const at = now.toISOString();
  return open.sqlite.transaction(() => {
    if (input.entity === 'episode') {
      const before = requireEpisode(open, input.id, 'id');
      if (before.voided) throw new AppError('CONFLICT', CMAM_MESSAGES.episodeVoided);
      assertVersion(before.version, input.expectedVersion);
      assertCanCorrect(before, actor, now);
      const after = writeVoided(open, actor, at, episodeStore, {
        before,
        reason: input.reason,
        auditAction: 'cmam.episode.void',
      });
      for (const f of followupsOf(open, before.id))
        writeVoided(open, actor, at, followupStore, {
          before: f,
          reason: input.reason,
          auditAction: 'cmam.followup.void',
        });
      voidDispensed(open, actor, at, 'episodeId', before.id, input.reason);
      return { id: after.id, version: after.version };
    }
    if (input.entity === 'followup') {
      const before = open.db.select().from(cmamFollowups).where(eq(cmamFollowups.id, input.id)).get();
      if (!before || before.voided)
        throw new AppError('NOT_FOUND', CMAM_MESSAGES.followupNotFound, [
          { path: 'id', message: 'is not a known follow-up visit' },
        ]);
      assertVersion(before.version, input.expectedVersion);
      assertCanCorrect(before, actor, now);
      const after = writeVoided(open, actor, at, followupStore, {
        before,
        reason: input.reason,
        auditAction: 'cmam.followup.void',
      });
      voidDispensed(open, actor, at, 'followupId', before.id, input.reason);
      return { id: after.id, version: after.version };
    }
    const before = open.db.select().from(rutfStock).where(eq(rutfStock.id, input.id)).get();
    if (!before || before.voided)
      throw new AppError('NOT_FOUND', CMAM_MESSAGES.stockNotFound, [
        { path: 'id', message: 'is not a known stock movement' },
      ]);
    if (before.kind === 'dispensed') throw new AppError('CONFLICT', CMAM_MESSAGES.dispensedNotVoidable);
    assertVersion(before.version, input.expectedVersion);
    assertCanCorrect(before, actor, now);
    const after = writeVoided(open, actor, at, stockStore, {
      before,
      reason: input.reason,
      auditAction: 'rutf.void',
    });
    return { id: after.id, version: after.version };
  })();
}

/** Sachets dispensed at a voided visit go back into the balance. */
function voidDispensed(
  open: OpenDatabase,
  actor: Actor,
  at: string,
  link: 'episodeId' | 'followupId',
  id: string,
  reason: string,
): void {
  const rows = open.db.select().from(rutfStock).where(eq(rutfStock[link], id)).all();
  for (const before of rows.filter((r) => !r.voided && r.kind === 'dispensed'))
    writeVoided(open, actor, at, stockStore, { before, reason, auditAction: 'rutf.void' });
}
