// Antenatal contacts: number, gestational age and flags computed by the core from the shared rules;
// IPTp-SP week and spacing enforced; danger signs referred in one action through the referrals service.
import { and, eq } from 'drizzle-orm';
import {
  ancContactFlags,
  ancFollowUp,
  ClinicalInputError,
  formatGestationalAge,
  gestationalAgeDays,
  iptpEligibility,
  localDate,
  type ProtocolProfile,
} from '../../../shared/clinical';
import { AppError, type FieldError } from '../../../shared/contract';
import { invalid } from '../../../shared/contract/validation';
import type { AncContactRecord } from '../../../shared/contract/channels/pregnancy';
import type { ancContactFields } from '../../../shared/contract/channels/pregnancy-fields';
import { PREGNANCY_MESSAGES as M } from '../../../shared/contract/channels/pregnancy-messages';
import { uuidv7 } from '../../../shared/ids';
import type { z } from 'zod';
import type { OpenDatabase } from '../../core/state';
import { ancContacts } from '../../db/schema';
import { createReferral } from '../referrals/referrals.service';
import {
  assertCanCorrect,
  assertVersion,
  changedFieldsDetail,
  diffFields,
  firstVersion,
  writeFirstVersion,
  writeNextVersion,
  writeVoided,
  type Actor,
} from '../../records';
import {
  contactStore,
  findContact,
  protocolOf,
  requireActivePregnancy,
  toContactRecord,
  type ContactRow,
  type PregnancyRow,
} from './pregnancy.repo';
import { refreshFollowUp } from './pregnancy.service';

type Fields = z.output<typeof ancContactFields>;

function contactsOf(open: OpenDatabase, pregnancyId: string): ContactRow[] {
  return open.db
    .select()
    .from(ancContacts)
    .where(and(eq(ancContacts.pregnancyId, pregnancyId), eq(ancContacts.voided, false)))
    .all();
}

type Computed = Omit<ContactRow, 'id' | 'referralId' | keyof ReturnType<typeof firstVersion>>;

/**
 * The stored columns of a contact from what the midwife entered: dates checked, IPTp-SP and Td against the other
 * contacts (`previous`, not voided, without this one), number, gestational age, flags and the planned next date.
 */
function contactColumns(
  pregnancy: PregnancyRow,
  input: Fields,
  previous: readonly ContactRow[],
  profile: ProtocolProfile,
  today: string,
): Computed {
  const fields: FieldError[] = [];
  if (input.contactDate > today) fields.push({ path: 'contactDate', message: 'is in the future' });
  let ga = 0;
  try {
    ga = gestationalAgeDays(pregnancy.datingLmp, input.contactDate);
  } catch (e) {
    const why =
      e instanceof ClinicalInputError && e.code === 'future-date'
        ? 'is before the pregnancy began'
        : 'is more than 44 weeks into the pregnancy';
    fields.push({ path: 'contactDate', message: `${why} (dated from ${pregnancy.datingLmp})` });
  }
  if (input.nextContactDate !== null && input.nextContactDate <= input.contactDate)
    fields.push({ path: 'nextContactDate', message: 'must be after the contact date' });
  if (fields.length > 0) invalid(fields, { key: 'core.pregnancy.invalidDates' });
  let iptpDose: number | null = null;
  if (input.iptpGiven) {
    const doses = previous
      .filter((c) => c.iptpDose !== null && c.contactDate <= input.contactDate)
      .map((c) => c.contactDate);
    const rule = iptpEligibility(
      { lmp: pregnancy.datingLmp, on: input.contactDate, previousDoses: doses },
      profile,
    );
    if (!rule.eligible) {
      const message =
        rule.reason === 'too-early-in-pregnancy'
          ? `cannot be given before ${profile.anc.iptpFromWeeks} weeks (at ${formatGestationalAge(ga)}; from ${rule.earliestDate})`
          : `must be at least ${profile.anc.iptpMinIntervalMonths} month after the last dose (from ${rule.earliestDate})`;
      throw new AppError('VALIDATION', M.iptpNotNow, [{ path: 'iptpGiven', message }]);
    }
    iptpDose = rule.nextDose;
  }
  if (input.tdDose !== null && previous.some((c) => c.tdDose !== null && c.tdDose >= input.tdDose!))
    invalid([
      {
        path: 'tdDose',
        message: `dose ${input.tdDose} or a later one was already given in this pregnancy`,
      },
    ]);
  const flags = ancContactFlags({
    gestationalAgeDays: ga,
    bpFirst: input.bpFirst,
    bpRepeat: input.bpRepeat,
    urineProtein: input.urineProtein,
    severeSymptoms: input.severeSymptoms,
    hbGdl: input.hbGdl,
    fastingGlucose: input.fastingGlucose,
    dangerSigns: input.dangerSigns,
  });
  const number = previous.filter((c) => c.contactDate <= input.contactDate).length + 1;
  const planned = ancFollowUp(
    pregnancy.datingLmp,
    [...previous.map((c) => c.contactDate), input.contactDate],
    profile,
  ).nextContact?.date;
  return {
    pregnancyId: pregnancy.id,
    patientId: pregnancy.patientId,
    contactDate: input.contactDate,
    contactNumber: number,
    gaDays: ga,
    weightKg: input.weightKg,
    bp1Systolic: input.bpFirst?.systolic ?? null,
    bp1Diastolic: input.bpFirst?.diastolic ?? null,
    bp2Systolic: input.bpRepeat?.systolic ?? null,
    bp2Diastolic: input.bpRepeat?.diastolic ?? null,
    hbGdl: input.hbGdl,
    urineProtein: input.urineProtein,
    urineGlucose: input.urineGlucose,
    fastingGlucose: input.fastingGlucose?.value ?? null,
    glucoseUnit: input.fastingGlucose?.unit ?? null,
    fundalHeightCm: input.fundalHeightCm,
    fetalHeartRate: input.fetalHeartRate,
    presentation: input.presentation,
    dangerSigns: JSON.stringify(input.dangerSigns),
    severeSymptoms: JSON.stringify(input.severeSymptoms),
    iptpDose,
    tdDose: input.tdDose,
    ironFolic: input.ironFolic,
    hivResult: input.hivResult,
    syphilisResult: input.syphilisResult,
    counselling: JSON.stringify(input.counselling),
    notes: input.notes,
    nextContactDate: input.nextContactDate ?? planned ?? null,
    flags: JSON.stringify(flags.flags),
    hypertension: flags.bpLevel !== 'normal',
    bpLevel: flags.bpLevel,
    preEclampsia: flags.preEclampsia,
    anaemia: flags.anaemia,
    glycaemia: flags.glycaemia,
  };
}

export function recordContact(
  open: OpenDatabase,
  actor: Actor,
  input: Fields & { pregnancyId: string },
  now: Date,
): AncContactRecord {
  const at = now.toISOString();
  const today = localDate(now);
  const profile = protocolOf(open.sqlite);
  return open.sqlite.transaction(() => {
    const pregnancy = requireActivePregnancy(open, input.pregnancyId);
    const previous = contactsOf(open, pregnancy.id);
    const row: ContactRow = {
      id: uuidv7(now.getTime()),
      ...contactColumns(pregnancy, input, previous, profile, today),
      referralId: null,
      ...firstVersion(actor, at),
    };
    writeFirstVersion(open, actor, at, contactStore, row, 'anc-contact.create');
    refreshFollowUp(open, actor, pregnancy.id, at);
    return toContactRecord(row);
  })();
}

export function voidContact(
  open: OpenDatabase,
  actor: Actor,
  input: { id: string; expectedVersion: number; reason: string },
  now: Date,
): AncContactRecord {
  const at = now.toISOString();
  return open.sqlite.transaction(() => {
    const before = findContact(open, input.id);
    assertVersion(before.version, input.expectedVersion);
    assertCanCorrect(before, actor, now);
    const after = writeVoided(open, actor, at, contactStore, {
      before,
      reason: input.reason,
      auditAction: 'anc-contact.void',
    });
    refreshFollowUp(open, actor, before.pregnancyId, at);
    return toContactRecord(after);
  })();
}

/** What a correction may change: everything entered or computed from it (the referral link stays). */
const CORRECTABLE = [
  'contactDate',
  'contactNumber',
  'gaDays',
  'weightKg',
  'bp1Systolic',
  'bp1Diastolic',
  'bp2Systolic',
  'bp2Diastolic',
  'hbGdl',
  'urineProtein',
  'urineGlucose',
  'fastingGlucose',
  'glucoseUnit',
  'fundalHeightCm',
  'fetalHeartRate',
  'presentation',
  'dangerSigns',
  'severeSymptoms',
  'iptpDose',
  'tdDose',
  'ironFolic',
  'hivResult',
  'syphilisResult',
  'counselling',
  'notes',
  'nextContactDate',
  'flags',
  'hypertension',
  'bpLevel',
  'preEclampsia',
  'anaemia',
  'glycaemia',
] as const satisfies readonly (keyof ContactRow)[];

/**
 * Corrects a contact entered wrongly: the same record's next version, checked and computed as a new contact
 * would be (against the other contacts), with the reason in its history and audit rows. By its author within
 * 24 hours, by a manager any time; the history keeps both versions.
 */
export function correctContact(
  open: OpenDatabase,
  actor: Actor,
  input: Fields & { id: string; expectedVersion: number; reason: string },
  now: Date,
): AncContactRecord {
  const at = now.toISOString();
  const profile = protocolOf(open.sqlite);
  return open.sqlite.transaction(() => {
    const before = findContact(open, input.id);
    assertVersion(before.version, input.expectedVersion);
    assertCanCorrect(before, actor, now);
    const pregnancy = requireActivePregnancy(open, before.pregnancyId, 'id');
    const others = contactsOf(open, pregnancy.id).filter((c) => c.id !== before.id);
    const next = contactColumns(pregnancy, input, others, profile, localDate(now));
    const changes = diffFields({ ...before }, { ...before, ...next }, CORRECTABLE);
    if (changes.length === 0) return toContactRecord(before);
    const after = writeNextVersion(open, actor, at, contactStore, {
      before,
      set: next,
      history: { action: 'update', changes, reason: input.reason },
      audit: { action: 'anc-contact.correct', detail: changedFieldsDetail(changes) },
    });
    refreshFollowUp(open, actor, pregnancy.id, at);
    return toContactRecord(after);
  })();
}

/** The urgent-referral banner's one action: a referral to the facility, linked to the contact. */
export function referDangerSigns(
  open: OpenDatabase,
  actor: Actor,
  input: { contactId: string; toFacilityId: string },
  now: Date,
): { referralId: string; contact: AncContactRecord } {
  const at = now.toISOString();
  return open.sqlite.transaction(() => {
    const before = findContact(open, input.contactId, 'contactId');
    const signs = JSON.parse(before.dangerSigns) as string[];
    if (signs.length === 0) throw new AppError('CONFLICT', M.noDangerSigns);
    if (before.referralId) throw new AppError('CONFLICT', M.alreadyReferred);
    const referral = createReferral(
      open,
      actor,
      {
        patientId: before.patientId,
        visitId: null,
        toFacilityId: input.toFacilityId,
        referralDate: localDate(now),
        reason: `Pregnancy danger signs: ${signs.join(', ')}`,
        urgency: 'emergency',
      },
      now,
    );
    const after = writeNextVersion(open, actor, at, contactStore, {
      before,
      set: { referralId: referral.id },
      history: { action: 'update', changes: [{ field: 'referralId', from: null, to: referral.id }] },
      audit: { action: 'anc-contact.refer' },
    });
    return { referralId: referral.id, contact: toContactRecord(after) };
  })();
}
