// CMAM follow-up: one visit saved in one transaction (row, sachets dispensed, outbox, audit), then
// the episode as the nurse sees it: trend, weight gain, referral alerts and the exit the rules propose.
import {
  addDays,
  appetiteTest,
  curedSustained,
  daysBetween,
  defaulterStatus,
  localDate,
  medicinesDue,
  nonResponderStatus,
  referralAlerts,
  rutfRation,
  weightGainGPerKgPerDay,
  type FollowUpVisit,
  type NutritionCriterion,
  type ProtocolProfile,
} from '../../../shared/clinical';
import type { FieldError } from '../../../shared/contract';
import { invalid } from '../../../shared/contract/validation';
import type { EpisodeDetail, FollowupRecord } from '../../../shared/contract/channels/cmam';
import { uuidv7 } from '../../../shared/ids';
import type { OpenDatabase } from '../../core/state';
import { firstVersion, parseJson, stmt, writeFirstVersion, type Actor } from '../../records';
import { clinicalField } from './cmam.admission';
import {
  followupStore,
  followupsOf,
  protocolOf,
  requireEpisode,
  requireOpenEpisode,
  toEpisode,
  toFollowup,
  type EpisodeRow,
  type FollowupRow,
} from './cmam.repo';
import { dispense } from './cmam.stock';

const PATIENT_SQL = `SELECT id, registration_number AS registrationNumber, given_name AS givenName,
  family_name AS familyName, sex, birth_date AS birthDate, village, caregiver_name AS caregiverName,
  caregiver_phone AS caregiverPhone, phone FROM patients WHERE id = ?`;

export function patientLine(open: OpenDatabase, id: string): EpisodeDetail['patient'] {
  return stmt(open.sqlite, PATIENT_SQL).get(id) as EpisodeDetail['patient'];
}

function asVisits(episode: EpisodeRow, followups: readonly FollowupRow[]): FollowUpVisit[] {
  return [
    {
      date: episode.admissionDate,
      weightKg: episode.weightKg,
      oedema: episode.oedema,
      appetiteTest: episode.appetiteTest,
    },
    ...followups.map((f) => ({
      date: f.visitDate,
      weightKg: f.weightKg,
      oedema: f.oedema,
      appetiteTest: f.appetiteTest,
      newComplication: f.newComplication,
    })),
  ];
}

/** The episode with what the rules say about it today. */
export function episodeDetail(open: OpenDatabase, episodeId: string, now: Date): EpisodeDetail {
  const episode = requireEpisode(open, episodeId);
  const followups = followupsOf(open, episode.id);
  const profile = protocolOf(open, episode.protocol);
  return detailOf(open, episode, followups, profile, localDate(now));
}

function detailOf(
  open: OpenDatabase,
  episode: EpisodeRow,
  followups: FollowupRow[],
  profile: ProtocolProfile,
  today: string,
): EpisodeDetail {
  const patient = patientLine(open, episode.patientId);
  const visits = asVisits(episode, followups);
  const last = followups[followups.length - 1];
  const lastVisitDate = last?.visitDate ?? episode.admissionDate;
  const nextVisitDate = last ? last.nextVisitDate : episode.nextVisitDate;
  const weight = last?.weightKg ?? episode.weightKg;
  const criteria = parseJson<NutritionCriterion[]>(episode.criteria, []);
  let exitType: EpisodeDetail['proposal']['exitType'] = null;
  let unmet: string[] = [];
  let missed = 0;
  if (episode.exitDate === null && !episode.voided) {
    const discharge = [
      { date: episode.admissionDate, muacMm: episode.muacMm, whz: episode.whz, oedema: episode.oedema },
      ...followups.map((f) => ({ date: f.visitDate, muacMm: f.muacMm, whz: null, oedema: f.oedema })),
    ];
    const cured =
      followups.length > 0
        ? curedSustained({ admissionCriteria: criteria, visits: discharge }, profile)
        : null;
    unmet = cured?.unmet ?? ['oedema-free-visits-too-few'];
    if (nextVisitDate && nextVisitDate > lastVisitDate && today >= lastVisitDate) {
      missed = defaulterStatus(
        { lastAttendedDate: lastVisitDate, nextScheduledDate: nextVisitDate, asOf: today },
        profile,
      ).missedVisits;
    }
    if (cured?.proposed) exitType = 'cured';
    else if (missed >= profile.cmam.defaulterMissedVisits) exitType = 'defaulted';
    else if (
      today >= episode.admissionDate &&
      nonResponderStatus({ admissionDate: episode.admissionDate, asOf: today, cured: false }, profile)
        .nonResponder
    )
      exitType = 'non-responder';
  }
  const given = [
    ...parseJson<string[]>(episode.medicinesGiven, []),
    ...followups.flatMap((f) => parseJson<string[]>(f.medicinesGiven, [])),
  ] as FollowupRecord['medicinesGiven'];
  const ageDays = daysBetween(patient.birthDate, nextVisitDate ?? today);
  const ration = episode.programme === 'OTP' ? rutfRation(weight, profile) : null;
  return {
    episode: toEpisode(episode),
    patient,
    followups: followups.map(toFollowup),
    trend: [
      { date: episode.admissionDate, weightKg: episode.weightKg, muacMm: episode.muacMm },
      ...followups.map((f) => ({ date: f.visitDate, weightKg: f.weightKg, muacMm: f.muacMm })),
    ],
    alerts: referralAlerts(visits, profile),
    ration: ration ? { sachetsPerDay: ration.sachetsPerDay, sachetsPerWeek: ration.sachetsPerWeek } : null,
    medicinesDue:
      episode.programme === 'OTP' && episode.exitDate === null
        ? medicinesDue(
            { admissionDate: episode.admissionDate, visitDate: nextVisitDate ?? today, ageDays, given },
            profile,
          )
        : [],
    proposal: {
      exitType,
      dischargeUnmet: unmet,
      missedVisits: missed,
      defaulterThreshold: profile.cmam.defaulterMissedVisits,
    },
    lastVisitDate,
    nextVisitDate,
  };
}

export interface FollowupInput {
  episodeId: string;
  visitDate: string;
  weightKg: number;
  muacMm: number | null;
  oedema: 'none' | '+' | '++' | '+++';
  appetite: 'good' | 'poor';
  appetiteSachetsEaten: number | null;
  newComplication: boolean;
  rutfSachetsGiven: number;
  medicinesGiven: FollowupRecord['medicinesGiven'];
  nextVisitDate: string;
  notes: string;
}

export function recordFollowup(
  open: OpenDatabase,
  actor: Actor,
  input: FollowupInput,
  now: Date,
): { followup: FollowupRecord; detail: EpisodeDetail } {
  const at = now.toISOString();
  const today = localDate(now);
  return open.sqlite.transaction(() => {
    const episode = requireOpenEpisode(open, input.episodeId);
    const profile = protocolOf(open, episode.protocol);
    const followups = followupsOf(open, episode.id);
    const last = followups[followups.length - 1];
    const lastDate = last?.visitDate ?? episode.admissionDate;
    const fields: FieldError[] = [];
    if (input.visitDate > today) fields.push({ path: 'visitDate', message: 'is in the future' });
    else if (input.visitDate <= lastDate)
      fields.push({ path: 'visitDate', message: `must be after the last visit (${lastDate})` });
    if (input.nextVisitDate <= input.visitDate)
      fields.push({ path: 'nextVisitDate', message: 'must be after the visit date' });
    else if (input.nextVisitDate > addDays(input.visitDate, 62))
      fields.push({ path: 'nextVisitDate', message: 'is more than 2 months after the visit' });
    if (fields.length > 0) invalid(fields);
    let row: FollowupRow;
    try {
      const test =
        input.appetiteSachetsEaten === null
          ? null
          : appetiteTest(input.weightKg, input.appetiteSachetsEaten, profile);
      const previousWeight = last?.weightKg ?? episode.weightKg;
      const visit: FollowUpVisit = {
        date: input.visitDate,
        weightKg: input.weightKg,
        oedema: input.oedema,
        appetiteTest: test?.result ?? null,
        newComplication: input.newComplication,
      };
      row = {
        id: uuidv7(now.getTime()),
        episodeId: episode.id,
        patientId: episode.patientId,
        visitDate: input.visitDate,
        weightKg: input.weightKg,
        muacMm: input.muacMm,
        oedema: input.oedema,
        appetite: input.appetite,
        appetiteTest: test?.result ?? null,
        newComplication: input.newComplication,
        rutfSachets: input.rutfSachetsGiven,
        rationPerWeek:
          episode.programme === 'OTP' ? rutfRation(input.weightKg, profile).sachetsPerWeek : null,
        medicinesGiven: JSON.stringify(input.medicinesGiven),
        nextVisitDate: input.nextVisitDate,
        notes: input.notes,
        gainGPerKgPerDay:
          Math.round(weightGainGPerKgPerDay(previousWeight, input.weightKg, lastDate, input.visitDate) * 10) /
          10,
        alerts: JSON.stringify(referralAlerts([...asVisits(episode, followups), visit], profile)),
        ...firstVersion(actor, at),
      };
    } catch (error) {
      invalid([clinicalField(error, 'visitDate')]);
    }
    writeFirstVersion(open, actor, at, followupStore, row, 'cmam.followup');
    if (input.rutfSachetsGiven > 0)
      dispense(open, actor, at, {
        date: input.visitDate,
        quantity: input.rutfSachetsGiven,
        episodeId: episode.id,
        followupId: row.id,
      });
    return {
      followup: toFollowup(row),
      detail: detailOf(open, episode, [...followups, row], profile, today),
    };
  })();
}
