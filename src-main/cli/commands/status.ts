import type { CliCommand } from '../command';
import { callOrFail, parse, signedInCore, userOptions } from '../session';

export const statusCommand: CliCommand = {
  name: 'status',
  summary: 'Schema version, record counts and an integrity quick check.',
  help: `Usage: caredesk status --data-dir DIR --user USER [--password-stdin] [--json]

Signs in, then prints the facility, schema version (database and app), the result of SQLite's
quick_check and the number of records per table. Exit code 3 when the quick check finds a problem.`,
  async run(argv, io) {
    const { values } = parse(argv, { ...userOptions, json: { type: 'boolean' } });
    const core = await signedInCore(values, io);
    try {
      const status = await callOrFail(core, 'system.status', {});
      const home = await callOrFail(core, 'home.summary', {});
      if (values.json) {
        io.stdout(`${JSON.stringify({ facility: home.facility, ...status }, null, 2)}\n`);
      } else {
        io.stdout(
          [
            `Facility:        ${home.facility.name} (${home.facility.code})`,
            `Schema version:  ${status.schemaVersion} (this app: ${status.appSchemaVersion})`,
            `Quick check:     ${status.quickCheck}`,
            'Records:',
            ...Object.entries(status.counts).map(([table, n]) => `  ${table.padEnd(20)} ${n}`),
            '',
          ].join('\n'),
        );
      }
      return status.quickCheck === 'ok' ? 0 : 3;
    } finally {
      core.close();
    }
  },
};
