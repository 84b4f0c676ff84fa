// Enum values of the contract → catalog keys (catalog keys use no dashes, enum values do).
import type { DuplicateCandidate } from '../../../shared/contract/channels/patients';
import type { FACILITY_TYPES } from '../../../shared/contract/channels/directory';
import type { REFERRAL_OUTCOMES, REFERRAL_URGENCIES } from '../../../shared/contract/channels/referrals';
import type { HistoryEntry } from '../../../shared/contract/channels/record-fields';
import type { VISIT_TYPES } from '../../../shared/contract/channels/visits';
import type { MessageKey, TFunction } from '../../../shared/i18n';

const REASONS: Record<DuplicateCandidate['reasons'][number], MessageKey> = {
  'same-name': 'patients.reason.sameName',
  'similar-name': 'patients.reason.similarName',
  'same-birth-date': 'patients.reason.sameBirthDate',
  'close-birth-date': 'patients.reason.closeBirthDate',
  'same-birth-year': 'patients.reason.sameBirthYear',
  'same-phone': 'patients.reason.samePhone',
  'same-caregiver-phone': 'patients.reason.sameCaregiverPhone',
  'same-national-id': 'patients.reason.sameNationalId',
  'same-caregiver': 'patients.reason.sameCaregiver',
};

const VISIT_TYPE: Record<(typeof VISIT_TYPES)[number], MessageKey> = {
  consultation: 'visits.type.consultation',
  'follow-up': 'visits.type.followUp',
  'growth-monitoring': 'visits.type.growthMonitoring',
  'nutrition-screening': 'visits.type.nutritionScreening',
  antenatal: 'visits.type.antenatal',
  postnatal: 'visits.type.postnatal',
  immunisation: 'visits.type.immunisation',
  emergency: 'visits.type.emergency',
  other: 'visits.type.other',
};

const CRITERIA: Record<string, MessageKey> = {
  oedema: 'visits.criterion.oedema',
  'muac-sam': 'visits.criterion.muacSam',
  'whz-sam': 'visits.criterion.whzSam',
  'muac-mam': 'visits.criterion.muacMam',
  'whz-mam': 'visits.criterion.whzMam',
};

const OEDEMA: Record<string, MessageKey> = {
  none: 'visits.oedema.none',
  '+': 'visits.oedema.one',
  '++': 'visits.oedema.two',
  '+++': 'visits.oedema.three',
};

const FACILITY: Record<(typeof FACILITY_TYPES)[number], MessageKey> = {
  hospital: 'directory.type.hospital',
  'stabilisation-centre': 'directory.type.stabilisationCentre',
  'health-centre': 'directory.type.healthCentre',
  pharmacy: 'directory.type.pharmacy',
  other: 'directory.type.other',
};

const URGENCY: Record<(typeof REFERRAL_URGENCIES)[number], MessageKey> = {
  routine: 'referrals.urgency.routine',
  urgent: 'referrals.urgency.urgent',
  emergency: 'referrals.urgency.emergency',
};

const OUTCOME: Record<(typeof REFERRAL_OUTCOMES)[number], MessageKey> = {
  'seen-and-returned': 'referrals.outcome.seenAndReturned',
  admitted: 'referrals.outcome.admitted',
  treated: 'referrals.outcome.treated',
  'transferred-on': 'referrals.outcome.transferredOn',
  'did-not-arrive': 'referrals.outcome.didNotArrive',
  died: 'referrals.outcome.died',
  other: 'referrals.outcome.other',
};

const ACTION: Record<HistoryEntry['action'], MessageKey> = {
  update: 'records.action.update',
  void: 'records.action.void',
  merge: 'records.action.merge',
  'merged-into': 'records.action.mergedInto',
  moved: 'records.action.moved',
  recomputed: 'records.action.recomputed',
};

/** A label for an enum value; an unknown value (from a newer version) shows as itself. */
function label(t: TFunction, map: Record<string, MessageKey>, value: string): string {
  const key = map[value];
  return key ? (t as (k: MessageKey) => string)(key) : value;
}

export const labels = {
  reason: (t: TFunction, v: string) => label(t, REASONS, v),
  visitType: (t: TFunction, v: string) => label(t, VISIT_TYPE, v),
  criterion: (t: TFunction, v: string) => label(t, CRITERIA, v),
  oedema: (t: TFunction, v: string) => label(t, OEDEMA, v),
  facilityType: (t: TFunction, v: string) => label(t, FACILITY, v),
  urgency: (t: TFunction, v: string) => label(t, URGENCY, v),
  outcome: (t: TFunction, v: string) => label(t, OUTCOME, v),
  action: (t: TFunction, v: string) => label(t, ACTION, v),
};
