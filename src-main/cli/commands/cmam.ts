// `caredesk cmam admit|followup|exit|list`: the CMAM work over the same channels as the app (same rights, audit).
import { CMAM_PROGRAMMES, EXIT_TYPES } from '../../../shared/contract/channels/cmam';
import { OEDEMA_GRADES } from '../../../shared/contract/channels/visits';
import { CliError, type CliCommand, type CliIO } from '../command';
import { callOrFail, parse, requireString, signedInCore, userOptions } from '../session';

const SIGN_IN = '--data-dir DIR --user USER [--password-stdin]';
const SIGN_IN_HELP =
  'Signs in as USER (password from CAREDESK_PASSWORD or --password-stdin); the role must allow it.';

function number(value: string | boolean | undefined, flag: string): number | null {
  if (value === undefined) return null;
  const n = Number(String(value).replace(',', '.'));
  if (typeof value !== 'string' || !Number.isFinite(n)) throw new CliError(`--${flag} must be a number.`);
  return n;
}
function oneOf<T extends string>(
  value: string | boolean | undefined,
  flag: string,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw new CliError(`--${flag} must be one of: ${allowed.join(', ')}.`);
  return value as T;
}
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
function print(io: CliIO, json: boolean | string | undefined, value: unknown, text: string): void {
  io.stdout(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
}

export const cmamAdmitCommand: CliCommand = {
  name: 'cmam admit',
  summary: 'Admit a child to OTP, SC or TSFP (the programme proposed by the rules unless --programme).',
  help: `Usage: caredesk cmam admit ${SIGN_IN} --patient ID --weight KG [--muac MM] [--oedema none|+|++|+++]
  [--appetite SACHETS] [--complication] [--danger-sign] [--programme OTP|SC|TSFP] [--date YYYY-MM-DD]
  [--sachets N] [--json]

Prints the programme number, the admission type and the weekly RUTF ration. ${SIGN_IN_HELP}`,
  async run(argv, io) {
    const { values } = parse(argv, {
      ...userOptions,
      patient: { type: 'string' },
      weight: { type: 'string' },
      muac: { type: 'string' },
      oedema: { type: 'string' },
      appetite: { type: 'string' },
      complication: { type: 'boolean' },
      'danger-sign': { type: 'boolean' },
      programme: { type: 'string' },
      date: { type: 'string' },
      sachets: { type: 'string' },
      json: { type: 'boolean' },
    });
    const base = {
      patientId: requireString(values.patient, 'patient'),
      admissionDate: typeof values.date === 'string' ? values.date : today(),
      weightKg: number(requireString(values.weight, 'weight'), 'weight')!,
      muacMm: number(values.muac, 'muac'),
      oedema: oneOf(values.oedema, 'oedema', OEDEMA_GRADES) ?? 'none',
      appetiteSachetsEaten: number(values.appetite, 'appetite'),
      medicalComplication: values.complication === true,
      dangerSign: values['danger-sign'] === true,
    };
    const core = await signedInCore(values, io);
    try {
      const proposal = await callOrFail(core, 'cmam.assess', base);
      const programme = oneOf(values.programme, 'programme', CMAM_PROGRAMMES) ?? proposal.placement.programme;
      if (!programme)
        throw new CliError(
          `no programme can be proposed (${[...proposal.placement.reasons, ...proposal.notes].join(', ') || 'not acute malnutrition'}); give --programme or the missing facts.`,
        );
      const sachets = number(values.sachets, 'sachets') ?? proposal.ration?.sachetsPerWeek ?? 0;
      const e = await callOrFail(core, 'cmam.admit', {
        ...base,
        programme,
        rutfSachetsGiven: sachets,
        medicinesGiven: proposal.medicinesDue,
      });
      print(
        io,
        values.json,
        e,
        `${e.number} ${e.programme} ${e.admissionType}, ration ${e.rationPerWeek ?? '-'} sachets/week, next visit ${e.nextVisitDate ?? '-'}`,
      );
      return 0;
    } finally {
      core.close();
    }
  },
};

export const cmamFollowupCommand: CliCommand = {
  name: 'cmam followup',
  summary: 'Record a follow-up visit of an episode.',
  help: `Usage: caredesk cmam followup ${SIGN_IN} --episode ID --weight KG [--muac MM] [--oedema G]
  [--sachets N] [--date YYYY-MM-DD] [--next YYYY-MM-DD] [--json]

The next visit defaults to one week later; the RUTF given to the ration for the new weight. ${SIGN_IN_HELP}`,
  async run(argv, io) {
    const { values } = parse(argv, {
      ...userOptions,
      episode: { type: 'string' },
      weight: { type: 'string' },
      muac: { type: 'string' },
      oedema: { type: 'string' },
      sachets: { type: 'string' },
      date: { type: 'string' },
      next: { type: 'string' },
      json: { type: 'boolean' },
    });
    const episodeId = requireString(values.episode, 'episode');
    const visitDate = typeof values.date === 'string' ? values.date : today();
    const weightKg = number(requireString(values.weight, 'weight'), 'weight')!;
    const core = await signedInCore(values, io);
    try {
      const before = await callOrFail(core, 'cmam.episode', { episodeId });
      const next = new Date(`${visitDate}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 7);
      const r = await callOrFail(core, 'cmam.followup', {
        episodeId,
        visitDate,
        weightKg,
        muacMm: number(values.muac, 'muac'),
        oedema: oneOf(values.oedema, 'oedema', OEDEMA_GRADES) ?? 'none',
        rutfSachetsGiven: number(values.sachets, 'sachets') ?? before.ration?.sachetsPerWeek ?? 0,
        nextVisitDate: typeof values.next === 'string' ? values.next : next.toISOString().slice(0, 10),
      });
      const p = r.detail.proposal.exitType;
      print(
        io,
        values.json,
        r,
        `saved; gain ${r.followup.gainGPerKgPerDay ?? '-'} g/kg/day; alerts: ${r.detail.alerts.join(', ') || 'none'}${p ? `; proposed exit: ${p}` : ''}`,
      );
      return 0;
    } finally {
      core.close();
    }
  },
};

export const cmamExitCommand: CliCommand = {
  name: 'cmam exit',
  summary:
    'Close an episode: cured, died, defaulted, non-responder, medical-transfer, transfer-out, moved-other.',
  help: `Usage: caredesk cmam exit ${SIGN_IN} --episode ID --type TYPE [--date YYYY-MM-DD] [--notes TEXT] [--json]

${SIGN_IN_HELP}`,
  async run(argv, io) {
    const { values } = parse(argv, {
      ...userOptions,
      episode: { type: 'string' },
      type: { type: 'string' },
      date: { type: 'string' },
      notes: { type: 'string' },
      json: { type: 'boolean' },
    });
    const episodeId = requireString(values.episode, 'episode');
    const exitType = oneOf(requireString(values.type, 'type'), 'type', EXIT_TYPES)!;
    const core = await signedInCore(values, io);
    try {
      const { episode } = await callOrFail(core, 'cmam.episode', { episodeId });
      const e = await callOrFail(core, 'cmam.exit', {
        episodeId,
        expectedVersion: episode.version,
        exitDate: typeof values.date === 'string' ? values.date : today(),
        exitType,
        notes: typeof values.notes === 'string' ? values.notes : '',
      });
      print(io, values.json, e, `${e.number} closed on ${e.exitDate}: ${e.exitType}`);
      return 0;
    } finally {
      core.close();
    }
  },
};

export const cmamListCommand: CliCommand = {
  name: 'cmam list',
  summary: 'List the caseload (default) or the defaulters, optionally for one programme.',
  help: `Usage: caredesk cmam list ${SIGN_IN} [--caseload | --defaulters] [--programme OTP|SC|TSFP] [--json]

${SIGN_IN_HELP}`,
  async run(argv, io) {
    const { values } = parse(argv, {
      ...userOptions,
      caseload: { type: 'boolean' },
      defaulters: { type: 'boolean' },
      programme: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (values.caseload && values.defaulters)
      throw new CliError('give --caseload or --defaulters, not both.');
    const programme = oneOf(values.programme, 'programme', CMAM_PROGRAMMES);
    const core = await signedInCore(values, io);
    try {
      const input = programme ? { programme } : {};
      const lines = values.defaulters
        ? (await callOrFail(core, 'cmam.defaulters', input)).lines
        : (await callOrFail(core, 'cmam.caseload', input)).lines;
      if (values.json) {
        io.stdout(`${JSON.stringify(lines, null, 2)}\n`);
        return 0;
      }
      if (lines.length === 0)
        io.stdout(values.defaulters ? 'No child has missed a visit.\n' : 'No child in treatment.\n');
      for (const l of lines)
        io.stdout(
          `${l.number.padEnd(15)} ${`${l.patient.givenName} ${l.patient.familyName}`.padEnd(28)} last ${l.lastVisitDate} next ${l.nextVisitDate ?? '-'} missed ${l.missedVisits}${l.proposeDefault ? ' (defaulted proposed)' : ''}\n`,
        );
      return 0;
    } finally {
      core.close();
    }
  },
};
