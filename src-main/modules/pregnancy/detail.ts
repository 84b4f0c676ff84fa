// What the pregnancy page shows: the record, its 8-contact plan with done/due/missed, contacts, births and
// postnatal care, read in a handful of indexed queries.
import { and, desc, eq } from 'drizzle-orm';
import {
  ancScheduleState,
  fromDayNumber,
  localDate,
  MAX_GESTATION_DAYS,
  postnatalContacts as postnatalPlan,
  toDayNumber,
} from '../../../shared/clinical';
import type { PregnancyDetail, PregnancyRecord } from '../../../shared/contract/channels/pregnancy';
import type { OpenDatabase } from '../../core/state';
import { ancContacts, patients, postnatalContacts, pregnancies, pregnancyBirths } from '../../db/schema';
import {
  findPregnancy,
  protocolOf,
  toContactRecord,
  toPostnatalRecord,
  toPregnancyRecord,
} from './pregnancy.repo';

export function pregnancyDetailOf(open: OpenDatabase, id: string, now: Date): PregnancyDetail {
  const today = localDate(now);
  const row = findPregnancy(open, id);
  const contacts = open.db
    .select()
    .from(ancContacts)
    .where(eq(ancContacts.pregnancyId, id))
    .orderBy(ancContacts.contactDate, ancContacts.createdAt)
    .all();
  const live = contacts.filter((c) => !c.voided);
  // The plan stands still at the outcome (or today), and never beyond 44 weeks.
  const lastDay = Math.min(
    toDayNumber(row.outcomeDate ?? today),
    toDayNumber(row.datingLmp) + MAX_GESTATION_DAYS,
  );
  const on = fromDayNumber(lastDay);
  const planOn = on < row.datingLmp ? row.datingLmp : on;
  const state = ancScheduleState(
    { lmp: row.datingLmp, on: planOn, visitDates: live.map((c) => c.contactDate).filter((d) => d <= planOn) },
    protocolOf(open.sqlite),
  );
  const births = open.db
    .select({ b: pregnancyBirths, number: patients.registrationNumber })
    .from(pregnancyBirths)
    .leftJoin(patients, eq(patients.id, pregnancyBirths.babyPatientId))
    .where(and(eq(pregnancyBirths.pregnancyId, id), eq(pregnancyBirths.voided, false)))
    .orderBy(pregnancyBirths.birthOrder)
    .all();
  const postnatal = open.db
    .select()
    .from(postnatalContacts)
    .where(eq(postnatalContacts.pregnancyId, id))
    .orderBy(postnatalContacts.contactDate)
    .all();
  const ga = toDayNumber(today) - toDayNumber(row.datingLmp);
  return {
    pregnancy: toPregnancyRecord(row),
    gestationalAgeDays: row.status === 'active' && ga >= 0 && ga <= MAX_GESTATION_DAYS ? ga : null,
    schedule: state.contacts.map((c) => ({
      number: c.number,
      week: c.week,
      date: c.date,
      status: c.status,
      missedFrom: c.missedFrom,
    })),
    contacts: contacts.map(toContactRecord),
    births: births.map(({ b, number }) => ({
      id: b.id,
      birthOrder: b.birthOrder,
      outcome: b.outcome,
      sex: b.sex,
      weightKg: b.weightKg,
      babyPatientId: b.babyPatientId,
      babyRegistrationNumber: number ?? null,
    })),
    postnatal: postnatal.map(toPostnatalRecord),
    postnatalPlan: row.outcomeType === 'delivery' && row.outcomeDate ? postnatalPlan(row.outcomeDate) : [],
    iptpDates: live.filter((c) => c.iptpDose !== null).map((c) => c.contactDate),
  };
}

export function pregnanciesOf(open: OpenDatabase, patientId: string): PregnancyRecord[] {
  return open.db
    .select()
    .from(pregnancies)
    .where(eq(pregnancies.patientId, patientId))
    .orderBy(desc(pregnancies.registeredOn), desc(pregnancies.createdAt))
    .all()
    .sort((a, b) => Number(b.status === 'active' && !b.voided) - Number(a.status === 'active' && !a.voided))
    .map(toPregnancyRecord);
}
