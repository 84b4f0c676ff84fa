import type { CliCommand } from '../command';
import { CliError } from '../command';
import { rolesHave } from '../../../shared/contract';
import { callOrFail, CLI_CONNECTION, parse, requireString, signedInCore, userOptions } from '../session';
import type { Core } from '../../core/core';
import { pushPending, syncStatus } from '../../sync/pusher';

/** Sync needs an administrator (DESIGN: admin holds users, settings, backups, sync). */
function adminDatabase(core: Core) {
  const session = core.state.sessions.get(CLI_CONNECTION);
  if (!session || !rolesHave(session.roles, 'sync.manage'))
    throw new CliError('sync commands need an administrator account');
  return core.state.database!.sqlite;
}

export const syncEnrolCommand: CliCommand = {
  name: 'sync enrol',
  summary: 'Enrol this facility with a central server (URL + one-time code).',
  help: `Usage: caredesk sync enrol --server URL --code CODE --data-dir DIR --user ADMIN [--password-stdin]

Exchanges the one-time enrolment code (from "npm run server -- facility create") for a facility credential,
kept in the OS keychain when one answers, otherwise inside the encrypted database.`,
  async run(argv, io) {
    const { values } = parse(argv, { ...userOptions, server: { type: 'string' }, code: { type: 'string' } });
    const server = requireString(values.server, '--server');
    const code = requireString(values.code, '--code');
    const core = await signedInCore(values, io);
    try {
      // Through the channel: the right is checked in the core and the enrolment audited.
      const done = await callOrFail(core, 'sync.enrol', { serverUrl: server, code });
      io.stdout(
        `Enrolled as ${done.facilityName} (${done.facilityCode}); credential kept in the ${done.credentialStore === 'keychain' ? 'OS keychain' : 'encrypted database'}.\n`,
      );
      return 0;
    } finally {
      core.close();
    }
  },
};

export const syncPushCommand: CliCommand = {
  name: 'sync push',
  summary: 'Push waiting changes to the central server.',
  help: `Usage: caredesk sync push [--once] --data-dir DIR --user ADMIN [--password-stdin] [--json]

Sends every waiting change in batches (with --once: one batch). Exit code 4 when the server could not be
reached or refused the credential; changes it rejected are set aside and listed by "caredesk sync status".`,
  async run(argv, io) {
    const { values } = parse(argv, { ...userOptions, once: { type: 'boolean' }, json: { type: 'boolean' } });
    const core = await signedInCore(values, io);
    try {
      const report = await pushPending(adminDatabase(core), values.once ? { maxBatches: 1 } : {});
      if (values.json) io.stdout(`${JSON.stringify(report)}\n`);
      else
        io.stdout(
          `${report.accepted} sent, ${report.rejected} set aside, ${report.waiting} waiting${report.error ? ` — ${report.error}` : ''}\n`,
        );
      return report.error ? 4 : 0;
    } finally {
      core.close();
    }
  },
};

export const syncStatusCommand: CliCommand = {
  name: 'sync status',
  summary: 'Last push, changes waiting, and changes the server rejected (with reasons).',
  help: `Usage: caredesk sync status --data-dir DIR --user ADMIN [--password-stdin] [--json]`,
  async run(argv, io) {
    const { values } = parse(argv, { ...userOptions, json: { type: 'boolean' } });
    const core = await signedInCore(values, io);
    try {
      const status = syncStatus(adminDatabase(core));
      if (values.json) io.stdout(`${JSON.stringify(status, null, 2)}\n`);
      else
        io.stdout(
          [
            `Server:     ${status.serverUrl ?? 'not enrolled'}`,
            `Credential: ${status.credentialStore ?? '—'}`,
            `Last push:  ${status.lastPushAt ?? 'never'}`,
            `Waiting:    ${status.waiting}`,
            `Rejected:   ${status.rejected.length}`,
            ...status.rejected.map((r) => `  ${r.entity} ${r.entityId} v${r.version}: ${r.reason ?? ''}`),
            ...(status.lastError ? [`Last error: ${status.lastError}`] : []),
            '',
          ].join('\n'),
        );
      return 0;
    } finally {
      core.close();
    }
  },
};
