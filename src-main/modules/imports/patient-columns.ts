// The columns of the patient import file: names (English, with French aliases), how each cell becomes a field of
// the registration form, and which column a field error belongs to.
import { isValidIsoDate } from '../../../shared/clinical';
import { nameTokens } from '../patients/names';

export interface ColumnDef {
  name: string;
  /** Field of the registration draft it fills. */
  field: string;
  aliases: string[];
  kind: 'text' | 'sex' | 'date' | 'int' | 'yesno';
}

export const COLUMNS: readonly ColumnDef[] = [
  { name: 'given_name', field: 'givenName', aliases: ['prenom', 'first_name'], kind: 'text' },
  {
    name: 'family_name',
    field: 'familyName',
    aliases: ['nom', 'nom_de_famille', 'last_name', 'surname'],
    kind: 'text',
  },
  { name: 'other_names', field: 'otherNames', aliases: ['autres_noms', 'middle_name'], kind: 'text' },
  { name: 'sex', field: 'sex', aliases: ['sexe', 'gender'], kind: 'sex' },
  {
    name: 'birth_date',
    field: 'birthDate',
    aliases: ['date_de_naissance', 'date_naissance', 'dob'],
    kind: 'date',
  },
  { name: 'birth_date_estimated', field: 'birthDateEstimated', aliases: ['date_estimee'], kind: 'yesno' },
  { name: 'age_years', field: 'age.years', aliases: ['age_ans', 'age'], kind: 'int' },
  { name: 'age_months', field: 'age.months', aliases: ['age_mois'], kind: 'int' },
  { name: 'phone', field: 'phone', aliases: ['telephone', 'tel'], kind: 'text' },
  { name: 'village', field: 'village', aliases: ['community', 'communaute', 'quartier'], kind: 'text' },
  { name: 'district', field: 'district', aliases: [], kind: 'text' },
  {
    name: 'national_id',
    field: 'nationalId',
    aliases: ['numero_national', 'id_national', 'nin'],
    kind: 'text',
  },
  {
    name: 'caregiver_name',
    field: 'caregiverName',
    aliases: ['nom_accompagnant', 'accompagnant'],
    kind: 'text',
  },
  {
    name: 'caregiver_relationship',
    field: 'caregiverRelationship',
    aliases: ['lien_accompagnant', 'lien'],
    kind: 'text',
  },
  { name: 'caregiver_phone', field: 'caregiverPhone', aliases: ['telephone_accompagnant'], kind: 'text' },
  {
    name: 'caregiver_no_phone',
    field: 'caregiverNoPhone',
    aliases: ['accompagnant_sans_telephone'],
    kind: 'yesno',
  },
  { name: 'allergies', field: 'allergies', aliases: [], kind: 'text' },
  { name: 'notes', field: 'notes', aliases: ['remarques'], kind: 'text' },
];

/** The example row of the template: refused if left in a file. */
export const EXAMPLE_ROW: Readonly<Record<string, string>> = {
  given_name: 'Aminata',
  family_name: 'Kamara',
  sex: 'F',
  birth_date: '2023-04-15',
  phone: '',
  village: 'Heremakono',
  district: 'Kissidougou',
  caregiver_name: 'Fatoumata Kamara',
  caregiver_relationship: 'mother',
  caregiver_phone: '+224 620 12 34 56',
};

const key = (header: string) => nameTokens(header).join('_');

export interface HeaderProblem {
  column: string;
  message: string;
  /** The file cannot be read row by row at all. */
  fatal: boolean;
}

export function headerIndex(cells: string[]): { columns: Map<number, ColumnDef>; problems: HeaderProblem[] } {
  const columns = new Map<number, ColumnDef>();
  const problems: HeaderProblem[] = [];
  const used = new Set<string>();
  cells.forEach((cell, i) => {
    const k = key(cell);
    if (k === '') return;
    const def = COLUMNS.find((c) => c.name === k || c.aliases.includes(k));
    if (!def) {
      problems.push({
        column: cell.trim(),
        message: 'is not a column CareDesk knows: rename it as in the template, or delete it',
        fatal: false,
      });
      return;
    }
    if (used.has(def.name)) {
      problems.push({ column: def.name, message: 'appears twice in the header', fatal: true });
      return;
    }
    used.add(def.name);
    columns.set(i, def);
  });
  for (const required of ['given_name', 'family_name', 'sex']) {
    if (!used.has(required)) problems.push({ column: required, message: 'column is missing', fatal: true });
  }
  if (!used.has('birth_date') && !used.has('age_years')) {
    problems.push({ column: 'birth_date', message: 'column is missing (or give age_years)', fatal: true });
  }
  return { columns, problems };
}

const SEX: Record<string, 'male' | 'female'> = {
  m: 'male',
  male: 'male',
  h: 'male',
  homme: 'male',
  masculin: 'male',
  garcon: 'male',
  boy: 'male',
  f: 'female',
  female: 'female',
  femme: 'female',
  feminin: 'female',
  fille: 'female',
  girl: 'female',
};
const YES = new Set(['yes', 'y', 'oui', 'o', 'true', '1', 'x']);
const NO = new Set(['no', 'n', 'non', 'false', '0']);

/** 2023-04-15, or day first as French and British spreadsheets write it: 15/04/2023, 15-04-2023, 15.04.2023. */
export function parseDateCell(value: string): string | null {
  if (isValidIsoDate(value)) return value;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

export interface CellProblem {
  column: string;
  message: string;
}

/** One row as the registration draft it stands for, with the problems found reading its cells. */
export function rowToDraft(
  cells: string[],
  columns: Map<number, ColumnDef>,
): { draft: Record<string, unknown> & { sex?: string }; problems: CellProblem[]; example: boolean } {
  const draft: Record<string, unknown> = {};
  const age: Record<string, number> = {};
  const problems: CellProblem[] = [];
  let exampleMatches = 0;
  for (const [i, def] of columns) {
    const raw = cells[i] ?? '';
    const value = raw.trim();
    if (value === (EXAMPLE_ROW[def.name] ?? '')) exampleMatches++;
    if (value === '') continue;
    const simple = key(value);
    switch (def.kind) {
      case 'text':
        draft[def.field] = raw;
        break;
      case 'sex':
        if (SEX[simple]) draft.sex = SEX[simple];
        else problems.push({ column: def.name, message: 'must be M or F' });
        break;
      case 'date': {
        const iso = parseDateCell(value);
        if (iso) draft[def.field] = iso;
        else
          problems.push({ column: def.name, message: 'must be a real date like 2023-04-15 or 15/04/2023' });
        break;
      }
      case 'int':
        if (/^\d{1,3}$/.test(value)) age[def.field.split('.')[1]!] = Number(value);
        else problems.push({ column: def.name, message: 'must be a whole number' });
        break;
      case 'yesno':
        if (YES.has(simple)) draft[def.field] = true;
        else if (NO.has(simple)) draft[def.field] = false;
        else problems.push({ column: def.name, message: 'must be yes or no' });
        break;
    }
  }
  if (age.years !== undefined || age.months !== undefined) {
    if (age.years === undefined)
      problems.push({ column: 'age_years', message: 'is required with age_months' });
    else draft.age = { years: age.years, months: age.months ?? 0 };
  }
  return { draft, problems, example: exampleMatches === columns.size && columns.size >= 5 };
}

/** The column a registration field error belongs to ("age.years" → age_years). */
export function columnOfPath(path: string): string {
  if (path === '') return '';
  if (path === 'age') return 'age_years';
  const def = COLUMNS.find((c) => c.field === path);
  return def ? def.name : path;
}
