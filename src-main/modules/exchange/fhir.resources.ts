import { createHash } from 'node:crypto';

/** FHIR R4 resources built from CareDesk rows, with LOINC, SNOMED CT and ICD-10 codes. */
export type Resource = { resourceType: string; id: string } & Record<string, unknown>;

const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';

/** A stable UUID from a record id and what was derived from it (an observation of a visit), in UUID form. */
export function derivedId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('|')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const ref = (id: string) => ({ reference: `urn:uuid:${id}` });

type Row = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function patientResource(p: Row): Resource {
  const phone = str(p.phone);
  const address = [str(p.village), str(p.district)].some(Boolean)
    ? [
        {
          ...(str(p.village) ? { city: p.village } : {}),
          ...(str(p.district) ? { district: p.district } : {}),
        },
      ]
    : undefined;
  return {
    resourceType: 'Patient',
    id: String(p.id),
    identifier: [{ system: 'urn:caredesk:registration-number', value: String(p.registration_number) }],
    active: p.voided === 0 && p.merged_into === null,
    name: [{ family: String(p.family_name), given: [String(p.given_name)] }],
    gender: p.sex === 'female' ? 'female' : 'male',
    birthDate: String(p.birth_date),
    ...(phone ? { telecom: [{ system: 'phone', value: phone }] } : {}),
    ...(address ? { address } : {}),
    ...(str(p.merged_into) ? { link: [{ other: ref(String(p.merged_into)), type: 'replaced-by' }] } : {}),
  };
}

export function encounterResource(v: Row): Resource {
  return {
    resourceType: 'Encounter',
    id: String(v.id),
    status: v.voided ? 'entered-in-error' : 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
    subject: ref(String(v.patient_id)),
    period: { start: String(v.visit_date) },
  };
}

function observation(
  source: string,
  code: string,
  display: string,
  subject: string,
  when: string,
  value: Row,
  encounter?: string,
): Resource {
  return {
    resourceType: 'Observation',
    id: derivedId(source, code),
    status: 'final',
    code: { coding: [{ system: LOINC, code, display }] },
    subject: ref(subject),
    ...(encounter ? { encounter: ref(encounter) } : {}),
    effectiveDateTime: when,
    ...value,
  };
}

const quantity = (value: number, unit: string) => ({
  valueQuantity: { value, unit, system: UCUM, code: unit },
});

/** Weight, length/height, MUAC and blood pressure of one visit. */
export function visitObservations(v: Row): Resource[] {
  const id = String(v.id);
  const patient = String(v.patient_id);
  const when = String(v.visit_date);
  const out: Resource[] = [];
  const weight = num(v.weight_kg);
  if (weight !== null)
    out.push(observation(id, '29463-7', 'Body weight', patient, when, quantity(weight, 'kg'), id));
  const length = num(v.length_cm);
  if (length !== null) {
    const [code, display] =
      v.measured === 'lying'
        ? ['8306-3', 'Body height --lying']
        : v.measured === 'standing'
          ? ['8308-9', 'Body height --standing']
          : ['8302-2', 'Body height'];
    out.push(observation(id, code, display, patient, when, quantity(length, 'cm'), id));
  }
  const muac = num(v.muac_mm);
  if (muac !== null) {
    out.push(
      observation(id, '56072-2', 'Circumference Mid upper arm', patient, when, quantity(muac / 10, 'cm'), id),
    );
  }
  const sys = num(v.systolic);
  const dia = num(v.diastolic);
  if (sys !== null && dia !== null) {
    const part = (code: string, display: string, value: number) => ({
      code: { coding: [{ system: LOINC, code, display }] },
      ...quantity(value, 'mm[Hg]'),
    });
    out.push(
      observation(
        id,
        '85354-9',
        'Blood pressure panel',
        patient,
        when,
        {
          component: [
            part('8480-6', 'Systolic blood pressure', sys),
            part('8462-4', 'Diastolic blood pressure', dia),
          ],
        },
        id,
      ),
    );
  }
  return out;
}

/** LMP of a pregnancy. */
export function pregnancyObservations(g: Row): Resource[] {
  const lmp = str(g.lmp);
  if (!lmp) return [];
  const when = str(g.first_contact_date) ?? String(g.registered_on);
  return [
    observation(String(g.id), '8665-2', 'Last menstrual period start date', String(g.patient_id), when, {
      valueDateTime: lmp,
    }),
  ];
}

/** Gestational age, fundal height and fetal heart rate of one antenatal contact. */
export function ancObservations(c: Row): Resource[] {
  const id = String(c.id);
  const patient = String(c.patient_id);
  const when = String(c.contact_date);
  const out: Resource[] = [];
  const ga = num(c.ga_days);
  if (ga !== null) {
    out.push(
      observation(
        id,
        '18185-9',
        'Gestational age',
        patient,
        when,
        quantity(Math.round((ga / 7) * 10) / 10, 'wk'),
      ),
    );
  }
  const fundal = num(c.fundal_height_cm);
  if (fundal !== null)
    out.push(observation(id, '11881-0', 'Uterus Fundal height', patient, when, quantity(fundal, 'cm')));
  const fhr = num(c.fetal_heart_rate);
  if (fhr !== null)
    out.push(observation(id, '55283-6', 'Fetal Heart rate', patient, when, quantity(fhr, '/min')));
  return out;
}

/** ICD-10 of a CMAM episode: oedema only E40, oedema with wasting E42, wasting E43 (SAM), MAM E44.0. */
export function icd10Of(e: Row): { code: string; display: string } {
  if (e.status === 'MAM') return { code: 'E44.0', display: 'Moderate protein-energy malnutrition' };
  const criteria = typeof e.criteria === 'string' ? e.criteria : '';
  const oedema = e.oedema !== 'none' && e.oedema !== null;
  const wasting = /muac|whz/.test(criteria);
  if (oedema && wasting) return { code: 'E42', display: 'Marasmic kwashiorkor' };
  if (oedema) return { code: 'E40', display: 'Kwashiorkor' };
  return { code: 'E43', display: 'Unspecified severe protein-energy malnutrition' };
}

/** A CMAM stay: its EpisodeOfCare and its Condition. */
export function cmamResources(e: Row): Resource[] {
  const id = String(e.id);
  const patient = String(e.patient_id);
  const exit = str(e.exit_date);
  const episode: Resource = {
    resourceType: 'EpisodeOfCare',
    id,
    status: e.voided ? 'entered-in-error' : exit ? 'finished' : 'active',
    type: [{ text: `CMAM ${String(e.programme)}` }],
    patient: ref(patient),
    period: { start: String(e.admission_date), ...(exit ? { end: exit } : {}) },
  };
  const icd = icd10Of(e);
  const condition: Resource = {
    resourceType: 'Condition',
    id: derivedId(id, 'condition'),
    clinicalStatus: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
          code: exit ? 'resolved' : 'active',
        },
      ],
    },
    code: { coding: [{ system: ICD10, code: icd.code, display: icd.display }] },
    subject: ref(patient),
    onsetDateTime: String(e.admission_date),
    ...(exit ? { abatementDateTime: exit } : {}),
  };
  return [episode, condition];
}

/** A programme enrolment as an EpisodeOfCare. */
export function enrolmentResource(n: Row): Resource {
  const end = str(n.unenrolled_on);
  return {
    resourceType: 'EpisodeOfCare',
    id: String(n.id),
    status: n.voided ? 'entered-in-error' : end ? 'finished' : 'active',
    type: [{ text: String(n.programme_name ?? 'programme') }],
    patient: ref(String(n.patient_id)),
    period: { start: String(n.enrolled_on), ...(end ? { end } : {}) },
  };
}
