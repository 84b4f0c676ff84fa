// The pregnancy domain's place in the patient chart (timeline items, the chart's `pregnancy` field), the history
// channel and merges (a merge may not give a woman two active pregnancies).
import { formatGestationalAge, MAX_GESTATION_DAYS, toDayNumber } from '../../../shared/clinical';
import { AppError } from '../../../shared/contract';
import type { TimelineItem } from '../../../shared/contract/channels/patients';
import { PREGNANCY_MESSAGES as M } from '../../../shared/contract/channels/pregnancy-messages';
import { eq } from 'drizzle-orm';
import { ancContacts, postnatalContacts, pregnancies, pregnancyBirths } from '../../db/schema';
import type { DomainRegistration } from '../../records';
import { moveRecords, stmt } from '../../records';
import { birthStore, contactStore, postnatalStore, pregnancyStore } from './pregnancy.repo';
import { activePregnancyOf } from './pregnancy.service';

interface ChartRow {
  id: string;
  kind: 'registration' | 'contact' | 'outcome';
  date: string;
  detail: string | null;
  voided: number;
}

export const pregnancyDomain: DomainRegistration = {
  name: 'pregnancy',
  historyEntities: ['pregnancy', 'anc_contact', 'postnatal_contact'],
  chart(open, patientId, today) {
    const rows = stmt(
      open.sqlite,
      `SELECT id, 'registration' AS kind, registered_on AS date, 'EDD ' || edd AS detail, voided
         FROM pregnancies WHERE patient_id = @p
       UNION ALL
       SELECT id, 'outcome', outcome_date, outcome_type, voided FROM pregnancies
         WHERE patient_id = @p AND outcome_date IS NOT NULL
       UNION ALL
       SELECT id, 'contact', contact_date, 'ANC ' || contact_number || ' · ' || ga_days, voided
         FROM anc_contacts WHERE patient_id = @p`,
    ).all({ p: patientId }) as ChartRow[];
    const timeline = rows.map((r): TimelineItem => {
      let summary = r.detail ?? '';
      if (r.kind === 'contact') {
        const [label, ga] = summary.split(' · ');
        summary = `${label} · ${formatGestationalAge(Number(ga))}`;
      }
      return { kind: 'pregnancy', id: r.id, date: r.date, summary, voided: r.voided === 1 };
    });
    const active = activePregnancyOf(open, patientId);
    const ga = active ? toDayNumber(today) - toDayNumber(active.datingLmp) : -1;
    return {
      timeline,
      pregnancy:
        active && ga >= 0 && ga <= MAX_GESTATION_DAYS ? { edd: active.edd, gestationalAgeDays: ga } : null,
    };
  },
  merge: {
    tables: ['pregnancies', 'anc_contacts', 'postnatal_contacts', 'pregnancy_births'],
    check(open, fromId, intoId) {
      const a = activePregnancyOf(open, fromId);
      const b = activePregnancyOf(open, intoId);
      if (a && b)
        throw new AppError('CONFLICT', M.mergeTwoActive, [
          {
            path: 'mergedId',
            message: `has an active pregnancy (EDD ${a.edd}), as does the record kept (EDD ${b.edd})`,
          },
        ]);
    },
    // Every record of her pregnancies follows her; a baby record merged away leaves its birth row pointing at
    // the baby record kept.
    move(open, actor, m) {
      const { db } = open;
      return {
        pregnancies: moveRecords(
          open,
          actor,
          pregnancyStore,
          db.select().from(pregnancies).where(eq(pregnancies.patientId, m.fromId)).all(),
          'patientId',
          m,
        ),
        anc_contacts: moveRecords(
          open,
          actor,
          contactStore,
          db.select().from(ancContacts).where(eq(ancContacts.patientId, m.fromId)).all(),
          'patientId',
          m,
        ),
        postnatal_contacts: moveRecords(
          open,
          actor,
          postnatalStore,
          db.select().from(postnatalContacts).where(eq(postnatalContacts.patientId, m.fromId)).all(),
          'patientId',
          m,
        ),
        pregnancy_births: moveRecords(
          open,
          actor,
          birthStore,
          db.select().from(pregnancyBirths).where(eq(pregnancyBirths.babyPatientId, m.fromId)).all(),
          'babyPatientId',
          m,
        ),
      };
    },
  },
};
