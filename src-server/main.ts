// `npm run server [-- --port N --data-dir DIR]` starts the central server; `npm run server -- facility …` and
// `… user add` administer it. Errors are one line with a non-zero exit code.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { openServerDb } from './db/open';
import { buildServer } from './app';
import { createFacility, listFacilities, newEnrolmentCode, revokeFacility, ServerError } from './facilities';
import { addDistrictUser, DISTRICT_ROLES } from './district';

const HELP: Record<string, string> = {
  main: `Usage: npm run server -- [--port N] [--host H] [--data-dir DIR]
       npm run server -- facility create|list|revoke|new-code …   (see facility --help)
       npm run server -- user add …                               (district view accounts)

Starts the CareDesk central server. With DATABASE_URL set it uses that PostgreSQL server; otherwise an
embedded PGlite database in DIR/pglite (default ./.server-data). Listens on 127.0.0.1:8480 unless told.`,
  facility: `Usage: npm run server -- facility create --code CODE --name NAME [--district D] [--data-dir DIR]
       npm run server -- facility list [--json] [--data-dir DIR]
       npm run server -- facility revoke --code CODE [--data-dir DIR]
       npm run server -- facility new-code --code CODE [--data-dir DIR]

create prints the one-time enrolment code the facility's administrator enters on the desktop.
list shows each facility with its records held per entity, last push and rejected changes.
revoke refuses the facility's credential from now on; new-code gives a fresh one-time code.`,
  user: `Usage: npm run server -- user add --username U --name "Full Name" [--role district-admin|viewer]
Reads the password from DISTRICT_PASSWORD or, with --password-stdin, from standard input.`,
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      code: { type: 'string' },
      name: { type: 'string' },
      district: { type: 'string' },
      username: { type: 'string' },
      role: { type: 'string' },
      json: { type: 'boolean' },
      'password-stdin': { type: 'boolean' },
      'rate-limit': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [group, action] = positionals;
  if (values.help) {
    console.log(HELP[group === 'facility' || group === 'user' ? group : 'main']);
    return;
  }
  const dataDir = resolve(values['data-dir'] ?? '.server-data');
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const open = await openServerDb({ databaseUrl, dataDir });
  if (!group) {
    const port = Number(values.port ?? 8480);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new ServerError(400, 'VALIDATION', '--port must be 0-65535');
    const app = await buildServer({
      db: open.db,
      rateLimitPerMinute: values['rate-limit'] ? Number(values['rate-limit']) : undefined,
    });
    const address = await app.listen({ port, host: values.host ?? '127.0.0.1' });
    console.log(`CareDesk central server listening on ${address} (${open.engine}: ${open.where})`);
    console.log(`District view: ${address}/district   API docs: ${address}/docs`);
    const stop = async () => {
      await app.close();
      await open.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
    return;
  }
  try {
    if (group === 'facility' && action === 'create') {
      if (!values.code || !values.name)
        throw new ServerError(400, 'VALIDATION', 'facility create needs --code and --name');
      const made = await createFacility(open.db, {
        code: values.code,
        name: values.name,
        district: values.district,
      });
      if (values.json) console.log(JSON.stringify(made));
      else
        console.log(
          `Facility ${made.code} (${made.name}) created.\nOne-time enrolment code: ${made.enrolmentCode}\n(valid until ${made.expiresAt}; enter it with the server URL on the facility's admin screen)`,
        );
    } else if (group === 'facility' && action === 'list') {
      const list = await listFacilities(open.db);
      if (values.json) console.log(JSON.stringify(list, null, 2));
      else
        for (const f of list)
          console.log(
            `${f.code}\t${f.name}\t${f.status}\tlast push ${f.lastPushAt ?? 'never'}\t${Object.values(f.records).reduce((a, b) => a + b, 0)} records\t${f.rejected} rejected`,
          );
    } else if (group === 'facility' && action === 'revoke') {
      if (!values.code) throw new ServerError(400, 'VALIDATION', 'facility revoke needs --code');
      await revokeFacility(open.db, values.code);
      console.log(`Facility ${values.code}: credential revoked.`);
    } else if (group === 'facility' && action === 'new-code') {
      if (!values.code) throw new ServerError(400, 'VALIDATION', 'facility new-code needs --code');
      console.log(`One-time enrolment code: ${await newEnrolmentCode(open.db, values.code)}`);
    } else if (group === 'user' && action === 'add') {
      const role = (values.role ?? 'viewer') as (typeof DISTRICT_ROLES)[number];
      if (!DISTRICT_ROLES.includes(role))
        throw new ServerError(400, 'VALIDATION', `--role must be ${DISTRICT_ROLES.join(' or ')}`);
      if (!values.username || !values.name)
        throw new ServerError(400, 'VALIDATION', 'user add needs --username and --name');
      const password = values['password-stdin'] ? await readStdin() : (process.env.DISTRICT_PASSWORD ?? '');
      await addDistrictUser(open.db, { username: values.username, fullName: values.name, password, role });
      console.log(`District user ${values.username} added (${role}).`);
    } else {
      throw new ServerError(400, 'VALIDATION', `unknown command "${positionals.join(' ')}" (see --help)`);
    }
  } finally {
    await open.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
