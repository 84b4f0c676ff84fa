import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clinic } from '../patients/support';
import schema from './fhir-r4-minimal.schema.json';
import { busyClinic, workDir } from './support';

interface Entry {
  fullUrl: string;
  resource: { resourceType: string; id: string; [k: string]: unknown };
}
const codeOf = (r: Entry['resource']) =>
  (r.code as { coding: { system: string; code: string }[] } | undefined)?.coding[0];

describe('FHIR R4 export', () => {
  let c: Clinic;
  let files: ReturnType<typeof workDir>;
  beforeEach(() => {
    files = workDir();
  });
  afterEach(() => {
    c?.core.dispose();
    files.done();
  });

  it('is a collection Bundle that validates, with the LOINC / ICD-10 codes and references inside the bundle', async () => {
    const made = await busyClinic();
    c = made.c;
    const { ids } = made;
    const file = files.path('bundle.json');
    const r = await c.manager.ok('exchange.export', { format: 'fhir', file });
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as { type: string; entry: Entry[] };
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(bundle), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(bundle.type).toBe('collection');
    expect(r.rows).toBe(bundle.entry.length);

    const urls = new Set(bundle.entry.map((e) => e.fullUrl));
    expect(urls.size).toBe(bundle.entry.length);
    const refs = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(urls.has(ref.slice(13, -1)), ref).toBe(true);

    const of = (patient: string, code: string) =>
      bundle.entry
        .map((e) => e.resource)
        .filter(
          (x) =>
            x.resourceType === 'Observation' &&
            (x.subject as { reference: string }).reference === `urn:uuid:${patient}` &&
            codeOf(x)?.code === code,
        );
    const weight = of(ids.a!, '29463-7');
    expect(weight).toHaveLength(1);
    expect(weight[0]).toMatchObject({
      valueQuantity: { value: 9.1, code: 'kg', system: 'http://unitsofmeasure.org' },
    });
    expect(codeOf(weight[0]!)?.system).toBe('http://loinc.org');
    expect(of(ids.a!, '56072-2')[0]).toMatchObject({ valueQuantity: { value: 11.2, code: 'cm' } });
    expect(of(ids.a!, '8306-3')).toHaveLength(1); // lying length
    expect(of(ids.mother!, '18185-9')[0]).toMatchObject({ valueQuantity: { value: 12, code: 'wk' } });
    expect(of(ids.mother!, '8665-2')).toHaveLength(1);
    expect(of(ids.mother!, '11881-0')).toHaveLength(1);
    const bp = of(ids.mother!, '85354-9')[0]!;
    expect(
      (bp.component as { code: { coding: { code: string }[] } }[]).map((x) => x.code.coding[0]!.code),
    ).toEqual(['8480-6', '8462-4']);

    const conditions = bundle.entry.map((e) => e.resource).filter((x) => x.resourceType === 'Condition');
    expect(conditions).toHaveLength(3); // the voided episode is left out
    expect(new Set(conditions.map((x) => codeOf(x)!.code))).toEqual(new Set(['E43']));
    expect(codeOf(conditions[0]!)!.system).toBe('http://hl7.org/fhir/sid/icd-10');
    const episodes = bundle.entry.map((e) => e.resource).filter((x) => x.resourceType === 'EpisodeOfCare');
    expect(episodes.map((x) => x.status).sort()).toContain('finished');
    const patient = bundle.entry.find((e) => e.resource.id === ids.a)!;
    expect(patient.fullUrl).toBe(`urn:uuid:${ids.a}`);
    const dup = bundle.entry.find((e) => e.resource.id === ids.dup)!.resource;
    expect(dup).toMatchObject({
      active: false,
      link: [{ type: 'replaced-by', other: { reference: `urn:uuid:${ids.b}` } }],
    });

    // Stable ids: a second export gives the same resource ids.
    await c.manager.ok('exchange.export', { format: 'fhir', file: files.path('again.json') });
    const again = JSON.parse(readFileSync(files.path('again.json'), 'utf8')) as { entry: Entry[] };
    expect(again.entry.map((e) => e.fullUrl)).toEqual(bundle.entry.map((e) => e.fullUrl));
    expect(
      c.sqlite().prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'exchange.export.fhir'").get(),
    ).toEqual({ n: 2 });
    expect(await c.clinician.call('exchange.export', { format: 'fhir', file })).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
