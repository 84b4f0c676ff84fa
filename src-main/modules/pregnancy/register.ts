// The pregnancy domain's place in the patient chart (timeline items, the chart's `pregnancy` field), the history
// channel and merges (a merge may not give a woman two active pregnancies).
import { formatGestationalAge, MAX_GESTATION_DAYS, toDayNumber } from '../../../shared/clinical';
import { AppError } from '../../../shared/contract';
import type { TimelineItem } from '../../../shared/contract/channels/patients';
import { PREGNANCY_MESSAGES as M } from '../../../shared/contract/channels/pregnancy-messages';
import type { DomainRegistration } from '../../records';
import { stmt } from '../../records';
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
    // The kernel's generic move carries the rows (patient links found by foreign key); this only guards the rule.
    tables: [],
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
    move: () => ({}),
  },
};
