import type { Sqlite } from '../../db/open';
import { columnsOf } from './format';
import { countRows, facilityOf, pagesOf } from './export.service';
import {
  ancObservations,
  cmamResources,
  derivedId,
  encounterResource,
  enrolmentResource,
  patientResource,
  pregnancyObservations,
  visitObservations,
  type Resource,
} from './fhir.resources';
import type { Job } from './jobs';
import { writeAtomically } from './writer';

type Row = Record<string, unknown>;

/** Which table gives which resources; voided clinical records are left out (patients stay, for references). */
const SOURCES: readonly { table: string; toResources(row: Row, extra: Extras): Resource[] }[] = [
  { table: 'patients', toResources: (r) => [patientResource(r)] },
  { table: 'visits', toResources: (r) => (r.voided ? [] : [encounterResource(r), ...visitObservations(r)]) },
  {
    table: 'programme_enrolments',
    toResources: (r, x) =>
      r.voided ? [] : [enrolmentResource({ ...r, programme_name: x.programmes.get(String(r.programme_id)) })],
  },
  { table: 'cmam_episodes', toResources: (r) => (r.voided ? [] : cmamResources(r)) },
  { table: 'pregnancies', toResources: (r) => (r.voided ? [] : pregnancyObservations(r)) },
  { table: 'anc_contacts', toResources: (r) => (r.voided ? [] : ancObservations(r)) },
];

interface Extras {
  programmes: Map<string, string>;
}

/**
 * A FHIR R4 Bundle (type collection) of the whole facility, streamed one entry at a time. Every resource id
 * is the record's id (or, for a value derived from a record, a UUID made from it), every reference is the
 * `urn:uuid:` fullUrl of a resource in the same bundle.
 */
export async function exportFhir(sqlite: Sqlite, file: string, job: Job) {
  const facility = facilityOf(sqlite);
  const programmes = new Map(
    (sqlite.prepare('SELECT id, name FROM programmes').all() as { id: string; name: string }[]).map((p) => [
      p.id,
      p.name,
    ]),
  );
  const total = countRows(
    sqlite,
    SOURCES.map((s) => s.table),
  );
  return writeAtomically(file, async (w) => {
    const bundle = {
      resourceType: 'Bundle',
      id: derivedId(facility.uuid, 'bundle', new Date().toISOString()),
      type: 'collection',
      timestamp: new Date().toISOString(),
    };
    await w.write(`${JSON.stringify(bundle).slice(0, -1)},"entry":[`);
    const counts: Record<string, number> = {};
    let done = 0;
    let entries = 0;
    for (const source of SOURCES) {
      const columns = columnsOf(sqlite, source.table).map((c) => c.name);
      for await (const rows of pagesOf(sqlite, source.table, columns, job)) {
        let chunk = '';
        for (const row of rows) {
          for (const resource of source.toResources(row, { programmes })) {
            counts[resource.resourceType] = (counts[resource.resourceType] ?? 0) + 1;
            chunk += `${entries++ ? ',' : ''}\n${JSON.stringify({ fullUrl: `urn:uuid:${resource.id}`, resource })}`;
          }
        }
        await w.write(chunk);
        done += rows.length;
        job.progress(done, total);
      }
    }
    await w.write('\n]}\n');
    return { file, bytes: w.bytes, rows: entries, counts };
  });
}
