import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliCommand } from '../command';
import { callOrFail, parse, requireString, signedInCore, userOptions } from '../session';
import { userIdOf } from './users-shared';

export const auditVerifyCommand: CliCommand = {
  name: 'audit verify',
  summary: 'Check the audit trail’s hash chain; reports the first broken link.',
  help: `Usage: caredesk audit verify --data-dir DIR --user USER [--password-stdin] [--json]

Signs in (an admin or manager), then walks the audit trail from its first row: every row must hold the hash of
the row before it and of its own content, no row may be missing at the end, and the append-only triggers must
be in place. Then every backup in the backup folder: the chain must still hold the head hash and row count
written into its header (the first anchor that no longer matches is named). Exit code 0 when intact, 3 when broken (the first broken row is named).`,
  async run(argv, io) {
    const { values } = parse(argv, { ...userOptions, json: { type: 'boolean' } });
    const core = await signedInCore(values, io);
    try {
      const verdict = await callOrFail(core, 'audit.verify', {});
      if (values.json) io.stdout(`${JSON.stringify(verdict)}\n`);
      else if (verdict.ok)
        io.stdout(
          `Audit trail intact: ${verdict.rows} rows, every link verified; ${verdict.anchorsChecked ?? 0} backup anchor(s) match.\n`,
        );
      else io.stdout(`Audit trail BROKEN at row ${verdict.brokenAtSeq}: ${verdict.reason}.\n`);
      return verdict.ok ? 0 : 3;
    } finally {
      core.close();
    }
  },
};

export const auditExportCommand: CliCommand = {
  name: 'audit export',
  summary: 'Export the audit trail (filtered) as CSV.',
  help: `Usage: caredesk audit export --data-dir DIR --user USER --out FILE.csv [--password-stdin]
                           [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--action ACTION] [--staff USERNAME]
                           [--patient PATIENT_ID]

--action takes an exact action (login.failed) or a prefix ending in a dot (user.). The export is audited.`,
  async run(argv, io) {
    const { values } = parse(argv, {
      ...userOptions,
      out: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      action: { type: 'string' },
      staff: { type: 'string' },
      patient: { type: 'string' },
    });
    const out = resolve(io.cwd, requireString(values.out, 'out'));
    const core = await signedInCore(values, io);
    try {
      const userId = values.staff ? await userIdOf(core, values.staff) : undefined;
      const result = await callOrFail(core, 'audit.export', {
        ...(values.from ? { from: values.from } : {}),
        ...(values.to ? { to: values.to } : {}),
        ...(values.action ? { action: values.action } : {}),
        ...(values.patient ? { patientId: values.patient } : {}),
        ...(userId ? { userId } : {}),
      });
      writeFileSync(out, result.csv, { mode: 0o600 });
      io.stdout(`Wrote ${result.rows} audit rows to ${out}.\n`);
      return 0;
    } finally {
      core.close();
    }
  },
};
