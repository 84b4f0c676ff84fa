// `caredesk anc register|contact|close|list`: the midwife's pregnancy work from a terminal, over the same channels
// (and so the same rules, rights and audit) as the app.
import { phoneText } from '../../../shared/phones';
import { formatGestationalAge } from '../../../shared/clinical';
import type { ChannelName, InputOf, OutputOf } from '../../../shared/contract';
import type { Core } from '../../core/core';
import { CliError, type CliCommand, type CliIO } from '../command';
import { CLI_CONNECTION, parse, requireString, signedInCore, userOptions } from '../session';

const SIGN_IN = '--data-dir DIR --user USER [--password-stdin]';
const SIGN_IN_HELP =
  'Signs in as USER (password from CAREDESK_PASSWORD or --password-stdin); the role must allow it.';

/** A failure as one line, with the fields at fault. */
async function call<C extends ChannelName>(core: Core, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const r = await core.call(CLI_CONNECTION, channel, input);
  if (r.ok) return r.value;
  const fields = (r.fields ?? []).map((f) => `${f.path} ${f.message}`).join('; ');
  throw new CliError(
    fields && !r.message.includes(fields) ? `${r.message} (${fields})` : r.message,
    r.code === 'INTERNAL' ? 1 : 2,
  );
}

function int(value: string | boolean | undefined, flag: string, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const n = Number(requireString(value, flag));
  if (!Number.isInteger(n) || n < 0) throw new CliError(`--${flag} must be a whole number.`);
  return n;
}

function num(value: string | boolean | undefined, flag: string): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new CliError(`--${flag} must be a number.`);
  return n;
}

function bp(value: string | boolean | undefined, flag: string) {
  if (value === undefined) return null;
  const m = /^(\d{2,3})\/(\d{2,3})$/.exec(String(value));
  if (!m) throw new CliError(`--${flag} must look like 150/95.`);
  return { systolic: Number(m[1]), diastolic: Number(m[2]) };
}

async function withCore<T>(
  values: Parameters<typeof signedInCore>[0],
  io: CliIO,
  run: (core: Core) => Promise<T>,
) {
  const core = await signedInCore(values, io);
  try {
    return await run(core);
  } finally {
    core.close();
  }
}

const print = (io: CliIO, json: boolean | undefined, value: unknown, text: string) =>
  io.stdout(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);

export const ancRegisterCommand: CliCommand = {
  name: 'anc register',
  summary: 'Register a pregnancy (LMP or ultrasound dating, gravida, para).',
  help: `Usage: caredesk anc register ${SIGN_IN} --patient ID (--lmp YYYY-MM-DD | --scan-date YYYY-MM-DD --scan-ga-days N)
       --gravida N --para N [--previous-caesarean] [--multiple] [--hiv positive|negative|unknown] [--json]

Prints the EDD, the dating method and the risk factors. A woman with an active pregnancy, a male patient and
ages outside 10–55 are refused. ${SIGN_IN_HELP}`,
  async run(argv, io) {
    const { values } = parse(argv, {
      ...userOptions,
      patient: { type: 'string' },
      lmp: { type: 'string' },
      'scan-date': { type: 'string' },
      'scan-ga-days': { type: 'string' },
      gravida: { type: 'string' },
      para: { type: 'string' },
      'previous-caesarean': { type: 'boolean' },
      multiple: { type: 'boolean' },
      hiv: { type: 'string' },
      json: { type: 'boolean' },
    });
    const scan = values['scan-date'];
    const input: InputOf<'pregnancy.register'> = {
      patientId: requireString(values.patient, 'patient'),
      lmp: values.lmp ?? null,
      ultrasound: scan
        ? { scanDate: scan, gestationalAgeDays: int(values['scan-ga-days'], 'scan-ga-days') }
        : null,
      gravida: int(values.gravida, 'gravida'),
      para: int(values.para, 'para'),
      previousCaesarean: values['previous-caesarean'] === true,
      multiplePregnancy: values.multiple === true,
      hivStatus: (values.hiv ?? 'unknown') as 'unknown',
    };
    const p = await withCore(values, io, (core) => call(core, 'pregnancy.register', input));
    print(
      io,
      values.json,
      p,
      `${p.id}  EDD ${p.edd} (${p.datingMethod})  risks: ${p.riskFactors.join(', ') || 'none'}`,
    );
    return 0;
  },
};

export const ancContactCommand: CliCommand = {
  name: 'anc contact',
  summary: 'Record an antenatal contact; prints its number, gestational age and flags.',
  help: `Usage: caredesk anc contact ${SIGN_IN} --pregnancy ID --date YYYY-MM-DD [--weight KG] [--bp 150/95]
       [--bp-repeat 150/95] [--hb G/DL] [--fundal-height CM] [--iptp] [--td N] [--danger-sign SIGN]... [--json]

Flags come from the shared rules (both BP readings must meet the threshold). ${SIGN_IN_HELP}`,
  async run(argv, io) {
    const { values } = parse(argv, {
      ...userOptions,
      pregnancy: { type: 'string' },
      date: { type: 'string' },
      weight: { type: 'string' },
      bp: { type: 'string' },
      'bp-repeat': { type: 'string' },
      hb: { type: 'string' },
      'fundal-height': { type: 'string' },
      iptp: { type: 'boolean' },
      td: { type: 'string' },
      'danger-sign': { type: 'string', multiple: true },
      json: { type: 'boolean' },
    });
    const input = {
      pregnancyId: requireString(values.pregnancy, 'pregnancy'),
      contactDate: requireString(values.date, 'date'),
      weightKg: num(values.weight, 'weight'),
      bpFirst: bp(values.bp, 'bp'),
      bpRepeat: bp(values['bp-repeat'], 'bp-repeat'),
      hbGdl: num(values.hb, 'hb'),
      fundalHeightCm: num(values['fundal-height'], 'fundal-height'),
      iptpGiven: values.iptp === true,
      tdDose: values.td === undefined ? null : int(values.td, 'td'),
      dangerSigns: (values['danger-sign'] ?? []) as InputOf<'pregnancy.recordContact'>['dangerSigns'],
    };
    const c = await withCore(values, io, (core) => call(core, 'pregnancy.recordContact', input));
    print(
      io,
      values.json,
      c,
      `contact ${c.contactNumber} at ${formatGestationalAge(c.gaDays)}  flags: ${c.flags.join(', ') || 'none'}  next: ${c.nextContactDate ?? '—'}`,
    );
    return 0;
  },
};

export const ancCloseCommand: CliCommand = {
  name: 'anc close',
  summary: 'Close a pregnancy: a delivery (babies registered) or another ending with its reason.',
  help: `Usage: caredesk anc close ${SIGN_IN} --pregnancy ID --date YYYY-MM-DD
       --type delivery --place this-facility|other-facility|home|on-the-way --mode vaginal|assisted|caesarean
       --baby live:female:3.1 [--baby still::2.0]...
   or  --type miscarriage|abortion|moved|lost-to-follow-up|maternal-death [--reason TEXT]  [--json]

${SIGN_IN_HELP}`,
  async run(argv, io) {
    const { values } = parse(argv, {
      ...userOptions,
      pregnancy: { type: 'string' },
      date: { type: 'string' },
      type: { type: 'string' },
      place: { type: 'string' },
      mode: { type: 'string' },
      attendant: { type: 'string' },
      baby: { type: 'string', multiple: true },
      reason: { type: 'string' },
      json: { type: 'boolean' },
    });
    const id = requireString(values.pregnancy, 'pregnancy');
    const date = requireString(values.date, 'date');
    const type = requireString(values.type, 'type');
    const babies = (values.baby ?? []).map((b) => {
      const [kind, sex, weight] = b.split(':');
      if (kind !== 'live' && kind !== 'still')
        throw new CliError('--baby must look like live:female:3.1 or still::2.0.');
      return {
        outcome: kind === 'live' ? ('live-birth' as const) : ('stillbirth' as const),
        sex: sex ? (sex as 'female') : null,
        weightKg: weight ? num(weight, 'baby') : null,
      };
    });
    const outcome = (
      type === 'delivery'
        ? { type, date, place: values.place, mode: values.mode, attendant: values.attendant ?? '', babies }
        : { type, date, reason: values.reason ?? '' }
    ) as InputOf<'pregnancy.recordOutcome'>['outcome'];
    const detail = await withCore(values, io, async (core) => {
      const current = await call(core, 'pregnancy.get', { id });
      return call(core, 'pregnancy.recordOutcome', {
        id,
        expectedVersion: current.pregnancy.version,
        outcome,
      });
    });
    const born = detail.births.map((b) => b.babyRegistrationNumber ?? b.outcome).join(', ');
    print(
      io,
      values.json,
      detail,
      `closed: ${detail.pregnancy.outcomeType} on ${detail.pregnancy.outcomeDate}${born ? `  babies: ${born}` : ''}`,
    );
    return 0;
  },
};

export const ancListCommand: CliCommand = {
  name: 'anc list',
  summary: 'Women due for an antenatal contact this week (--due) or who missed one (--missed).',
  help: `Usage: caredesk anc list ${SIGN_IN} (--due | --missed) [--on YYYY-MM-DD] [--json]

One line per woman: registration number, name, phone, village, gestational age, contact and its date.
${SIGN_IN_HELP}`,
  async run(argv, io) {
    const { values } = parse(argv, {
      ...userOptions,
      due: { type: 'boolean' },
      missed: { type: 'boolean' },
      on: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (values.due === values.missed) throw new CliError('give exactly one of --due or --missed.');
    const channel = values.due ? 'pregnancy.dueList' : 'pregnancy.missedList';
    const list = await withCore(values, io, (core) => call(core, channel, { on: values.on, limit: 5000 }));
    if (values.json) {
      io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      return 0;
    }
    if (list.lines.length === 0) io.stdout('Nobody on this list.\n');
    for (const l of list.lines) {
      const ga = l.gestationalAgeDays === null ? '' : formatGestationalAge(l.gestationalAgeDays);
      io.stdout(
        `${l.registrationNumber.padEnd(18)} ${`${l.givenName} ${l.familyName}`.padEnd(28)} ${phoneText(l.phone, undefined).padEnd(18)} ${l.village.padEnd(16)} ${ga.padEnd(8)} ANC ${l.contactNumber ?? '-'} ${l.date}\n`,
      );
    }
    return 0;
  },
};
