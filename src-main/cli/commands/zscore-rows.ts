// From user text (command-line options or CSV cells) to z-scores: shared by `caredesk zscore` single and batch.
import { ClinicalInputError, classifyNutrition, computeAnthropometry } from '../../../shared/clinical';
import type { AnthropometryInput, Measured, OedemaInput, Sex } from '../../../shared/clinical';
import { CliError } from '../command';

/** What the command prints for one child (and the batch writes per row). */
export interface ZscoreResult {
  ageDays: number | null;
  whz: number | null;
  waz: number | null;
  haz: number | null;
  bmiz: number | null;
  muacz: number | null;
  lengthUsedCm: number | null;
  table: 'wfl' | 'wfh' | null;
  flags: string[];
  classification: 'SAM' | 'MAM' | 'normal' | null;
  criteria: string[];
}

/** z-scores and classification for one child; throws ClinicalInputError for impossible input. */
export function zscoreFor(input: AnthropometryInput): ZscoreResult {
  const a = computeAnthropometry(input);
  const c = classifyNutrition({ muacMm: input.muacMm, whz: a.whz, oedema: input.oedema, ageDays: a.ageDays });
  return {
    ageDays: a.ageDays,
    whz: a.whz,
    waz: a.waz,
    haz: a.haz,
    bmiz: a.bmiz,
    muacz: a.muacz,
    lengthUsedCm: a.lengthUsedCm,
    table: a.table,
    flags: [...a.flags, ...c.notes],
    classification: c.status,
    criteria: c.criteria,
  };
}

const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function numberFrom(text: string | undefined, what: string): number | null {
  const t = (text ?? '').trim();
  if (t === '') return null;
  if (!NUMBER_RE.test(t))
    throw new ClinicalInputError(what, 'not-a-number', `${what} "${t}" is not a number`);
  return Number(t);
}

function choice<T>(text: string | undefined, what: string, map: Record<string, T>): T | null {
  const t = (text ?? '').trim().toLowerCase();
  if (t === '') return null;
  if (!Object.hasOwn(map, t)) {
    throw new ClinicalInputError(
      what,
      'invalid-value',
      `${what} "${t}" must be one of ${Object.keys(map).join(', ')}`,
    );
  }
  return map[t] as T;
}

const SEXES: Record<string, Sex> = {
  male: 'male',
  female: 'female',
  '1': 'male',
  '2': 'female',
  m: 'male',
  f: 'female',
};
const POSITIONS: Record<string, Measured> = {
  lying: 'lying',
  standing: 'standing',
  l: 'lying',
  h: 'standing',
};
const OEDEMA: Record<string, OedemaInput> = {
  none: 'none',
  '+': '+',
  '++': '++',
  '+++': '+++',
  n: 'none',
  y: 'present',
};

export interface RawFields {
  sex?: string;
  ageDays?: string;
  birthDate?: string;
  date?: string;
  weight?: string;
  length?: string;
  measured?: string;
  muac?: string;
  oedema?: string;
}

export function inputFrom(
  raw: RawFields,
  today: string,
  names: Record<keyof RawFields, string>,
): AnthropometryInput {
  const sex = choice(raw.sex, names.sex, SEXES);
  if (sex === null) throw new ClinicalInputError(names.sex, 'required', `${names.sex} is required`);
  const ageDays = numberFrom(raw.ageDays, names.ageDays);
  const birthDate = raw.birthDate?.trim() || null;
  const visitDate = raw.date?.trim() || null;
  return {
    sex,
    ageDays,
    // With an age in days the dates are not needed; without one both dates are.
    birthDate: ageDays === null ? birthDate : null,
    visitDate: ageDays === null ? visitDate : null,
    today,
    weightKg: numberFrom(raw.weight, names.weight),
    lengthCm: numberFrom(raw.length, names.length),
    measured: choice(raw.measured, names.measured, POSITIONS),
    muacMm: numberFrom(raw.muac, names.muac),
    oedema: choice(raw.oedema, names.oedema, OEDEMA) ?? 'none',
  };
}

export const OPTION_NAMES: Record<keyof RawFields, string> = {
  sex: '--sex',
  ageDays: '--age-days',
  birthDate: '--birth-date',
  date: '--date',
  weight: '--weight',
  length: '--length',
  measured: '--measured',
  muac: '--muac',
  oedema: '--oedema',
};

/** Names the option behind an engine field in a user-facing message. */
export const FIELD_OPTIONS: Record<string, string> = {
  weightKg: '--weight',
  lengthCm: '--length',
  muacMm: '--muac',
  ageDays: '--age-days',
  birthDate: '--birth-date',
  visitDate: '--date',
  sex: '--sex',
  measured: '--measured',
  oedema: '--oedema',
};

/** The engine's message with its field name replaced by the option or column the user typed. */
export function explain(error: ClinicalInputError, names: Record<string, string>): string {
  const name = names[error.field];
  if (!name) return error.message;
  return error.message.includes(error.field)
    ? error.message.split(error.field).join(name)
    : `${name}: ${error.message}`;
}

/** RFC 4180 CSV: quoted fields with "" escapes and line breaks, CRLF or LF, optional BOM. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (quoted) throw new CliError('the CSV ends inside a quoted field.');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0]?.trim() === ''));
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const COLUMNS: Record<keyof RawFields, string> = {
  sex: 'sex',
  ageDays: 'age_days',
  birthDate: 'birth_date',
  date: 'date',
  weight: 'weight_kg',
  length: 'lenhei_cm',
  measured: 'measured',
  muac: 'muac_mm',
  oedema: 'oedema',
};
const OUTPUT_COLUMNS = ['whz', 'waz', 'haz', 'bmiz', 'muacz', 'flags', 'classification'] as const;
const FIELD_COLUMNS: Record<string, string> = {
  weightKg: 'weight_kg',
  lengthCm: 'lenhei_cm',
  muacMm: 'muac_mm',
  ageDays: 'age_days',
  birthDate: 'birth_date',
  visitDate: 'date',
};

/** The batch: same rows and columns in, plus the computed columns (replacing same-named ones). */
export function zscoreCsv(text: string, today: string): { csv: string; rows: number; badRows: number } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new CliError('the CSV is empty.');
  const names = header.map((h) => h.trim().toLowerCase());
  if (!names.includes('sex')) throw new CliError('the CSV has no "sex" column.');
  const outHeader = [...header];
  const outIndex = OUTPUT_COLUMNS.map((col) => {
    const at = names.indexOf(col);
    return at >= 0 ? at : outHeader.push(col) - 1;
  });
  const colOf = Object.fromEntries(Object.entries(COLUMNS).map(([k, col]) => [k, names.indexOf(col)]));
  let badRows = 0;
  const lines = [outHeader.map(csvCell).join(',')];
  for (const cells of rows) {
    const out = [
      ...cells.slice(0, header.length),
      ...Array<string>(Math.max(0, header.length - cells.length)).fill(''),
    ];
    let computed: string[];
    try {
      if (cells.length !== header.length) {
        throw new ClinicalInputError(
          'row',
          'invalid-value',
          `row has ${cells.length} fields, the header has ${header.length}`,
        );
      }
      const raw: RawFields = {};
      for (const key of Object.keys(COLUMNS) as (keyof RawFields)[]) {
        const at = colOf[key] as number;
        if (at >= 0) raw[key] = cells[at];
      }
      const r = zscoreFor(inputFrom(raw, today, COLUMNS));
      const z = (v: number | null) => (v === null ? '' : v.toFixed(2));
      computed = [
        z(r.whz),
        z(r.waz),
        z(r.haz),
        z(r.bmiz),
        z(r.muacz),
        r.flags.join('; '),
        r.classification ?? '',
      ];
    } catch (error) {
      if (!(error instanceof ClinicalInputError)) throw error;
      badRows++;
      computed = ['', '', '', '', '', `error: ${explain(error, FIELD_COLUMNS)}`, ''];
    }
    computed.forEach((v, k) => (out[outIndex[k] as number] = v));
    lines.push(out.map(csvCell).join(','));
  }
  return { csv: lines.join(eol) + eol, rows: rows.length, badRows };
}
