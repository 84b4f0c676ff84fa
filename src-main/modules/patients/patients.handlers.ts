import { isValidIsoDate, localDate } from '../../../shared/clinical';
import { estimatedBirthDate } from '../../../shared/contract/channels/patient-rules';
import type { HandlerSlice } from '../../core/handler';
import { patientChart } from './chart';
import { findDuplicates } from './duplicates';
import { mergePatients } from './merge';
import { requirePatient, toRecord } from './patients.repo';
import { registerPatient, updatePatient, voidPatient } from './patients.service';
import { invalid } from '../../../shared/contract/validation';
import { actorOf, historyEntities, historyOf } from '../../records';
import { rebuildSearchIndex, runSearch } from './search-index';
import { auditBy } from '../audit/audit.service';
import { toSummary } from './summary';

export const patientHandlers: HandlerSlice<
  | 'patients.checkDuplicates'
  | 'patients.register'
  | 'patients.search'
  | 'patients.get'
  | 'patients.chart'
  | 'patients.update'
  | 'patients.void'
  | 'patients.merge'
  | 'patients.history'
  | 'patients.reindex'
> = {
  'patients.checkDuplicates': (input, ctx) => {
    const today = localDate(ctx.now);
    const birthDate = input.age ? estimatedBirthDate(input.age, today) : input.birthDate;
    const candidates = findDuplicates(
      ctx.database().sqlite,
      {
        givenName: input.givenName ?? '',
        familyName: input.familyName ?? '',
        otherNames: input.otherNames ?? '',
        sex: input.sex,
        birthDate: birthDate && isValidIsoDate(birthDate) ? birthDate : undefined,
        birthDateEstimated: input.age !== undefined || input.birthDateEstimated === true,
        phone: input.phone ?? '',
        caregiverName: input.caregiverName ?? '',
        caregiverPhone: input.caregiverPhone ?? '',
        nationalId: input.nationalId ?? '',
        excludeId: input.excludeId,
      },
      today,
    );
    return { candidates };
  },
  'patients.register': (input, ctx) => registerPatient(ctx.database(), actorOf(ctx), input, ctx.now),
  'patients.search': (input, ctx) => {
    const today = localDate(ctx.now);
    return {
      results: runSearch(ctx.database().sqlite, input.query, input.limit).map((r) => toSummary(r, today)),
    };
  },
  'patients.get': (input, ctx) => toRecord(requirePatient(ctx.database().db, input.id)),
  'patients.chart': (input, ctx) => patientChart(ctx.database(), input.id, ctx.now),
  'patients.update': (input, ctx) => updatePatient(ctx.database(), actorOf(ctx), input, ctx.now),
  'patients.void': (input, ctx) => voidPatient(ctx.database(), actorOf(ctx), input, ctx.now),
  'patients.merge': (input, ctx) => mergePatients(ctx.database(), actorOf(ctx), input, ctx.now),
  'patients.history': (input, ctx) => {
    // Only record kinds some domain registered have a history to show (src-main/core/domains.ts).
    if (!historyEntities().has(input.entity))
      invalid([{ path: 'entity', message: 'is not a kind of record with a history' }]);
    return { entries: historyOf(ctx.database().sqlite, input.entity, input.id) };
  },
  'patients.reindex': (_input, ctx) => {
    const { sqlite } = ctx.database();
    const actor = actorOf(ctx);
    const indexed = rebuildSearchIndex(sqlite);
    auditBy(
      sqlite,
      actor,
      { action: 'patient.reindex', detail: `indexed=${indexed}` },
      ctx.now.toISOString(),
    );
    return { indexed };
  },
};
