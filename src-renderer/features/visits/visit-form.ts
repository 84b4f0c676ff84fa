import type { VisitFields, VisitRecord } from '../../../shared/contract/channels/visits';

/** The visit form as typed (strings and ticks); `toVisitFields` turns it into the channel's input. */
export const EMPTY_VISIT = {
  visitDate: '',
  type: 'consultation',
  weightKg: '',
  lengthCm: '',
  measured: '',
  muacMm: '',
  oedema: 'none',
  temperatureC: '',
  pulseBpm: '',
  respiratoryRate: '',
  systolic: '',
  diastolic: '',
  hbGdl: '',
  glucoseMmolL: '',
  complaints: '',
  /** One diagnosis per line; an ICD-10 code may start the line ("B54 Malaria"). */
  diagnoses: '',
  treatment: '',
  /** One medicine per line; "name: dose". */
  medicines: '',
  notes: '',
  nextAppointment: '',
  allergies: '',
  confirmImplausible: false,
};
export type VisitFormValues = typeof EMPTY_VISIT;

/** A typed number: '' is "not measured"; a comma is accepted as the decimal mark (French keyboards). */
export function num(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : Number.NaN;
}

const ICD = /^([A-Za-z][0-9]{2}(?:\.[0-9A-Za-z]{1,4})?)\s+(.+)$/;

export function parseDiagnoses(text: string): { text: string; icd10: string }[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const m = ICD.exec(line);
      return m ? { text: m[2]!, icd10: m[1]!.toUpperCase() } : { text: line, icd10: '' };
    });
}

export function parseMedicines(text: string): { name: string; dose: string }[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(':');
      return at > 0
        ? { name: line.slice(0, at).trim(), dose: line.slice(at + 1).trim() }
        : { name: line, dose: '' };
    });
}

export function toVisitFields(v: VisitFormValues): VisitFields {
  return {
    visitDate: v.visitDate,
    type: v.type as VisitFields['type'],
    weightKg: num(v.weightKg),
    lengthCm: num(v.lengthCm),
    measured: v.measured === '' ? null : (v.measured as 'lying' | 'standing'),
    muacMm: num(v.muacMm),
    oedema: v.oedema as VisitFields['oedema'],
    temperatureC: num(v.temperatureC),
    pulseBpm: num(v.pulseBpm),
    respiratoryRate: num(v.respiratoryRate),
    systolic: num(v.systolic),
    diastolic: num(v.diastolic),
    hbGdl: num(v.hbGdl),
    glucoseMmolL: num(v.glucoseMmolL),
    complaints: v.complaints,
    diagnoses: parseDiagnoses(v.diagnoses),
    treatment: v.treatment,
    medicines: parseMedicines(v.medicines),
    notes: v.notes,
    nextAppointment: v.nextAppointment === '' ? null : v.nextAppointment,
    allergies: v.allergies,
    confirmImplausible: v.confirmImplausible,
  };
}

const str = (n: number | null) => (n === null ? '' : String(n));

export function fromVisit(r: VisitRecord, allergies: string): VisitFormValues {
  return {
    visitDate: r.visitDate,
    type: r.type,
    weightKg: str(r.weightKg),
    lengthCm: str(r.lengthCm),
    measured: r.measured ?? '',
    muacMm: str(r.muacMm),
    oedema: r.oedema,
    temperatureC: str(r.temperatureC),
    pulseBpm: str(r.pulseBpm),
    respiratoryRate: str(r.respiratoryRate),
    systolic: str(r.systolic),
    diastolic: str(r.diastolic),
    hbGdl: str(r.hbGdl),
    glucoseMmolL: str(r.glucoseMmolL),
    complaints: r.complaints,
    diagnoses: r.diagnoses.map((d) => (d.icd10 ? `${d.icd10} ${d.text}` : d.text)).join('\n'),
    treatment: r.treatment,
    medicines: r.medicines.map((m) => (m.dose ? `${m.name}: ${m.dose}` : m.name)).join('\n'),
    notes: r.notes,
    nextAppointment: r.nextAppointment ?? '',
    allergies,
    confirmImplausible: r.implausibleConfirmed.length > 0,
  };
}

/** Where a core field error is shown on this form ("diagnoses.0.icd10" → the diagnoses box). */
export function formPath(path: string): string {
  const p = path.replace(/^visit\./, '');
  if (p.startsWith('diagnoses')) return 'diagnoses';
  if (p.startsWith('medicines')) return 'medicines';
  return p;
}
