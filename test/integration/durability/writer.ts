// Child process of the SIGKILL durability test: writes records through the real services, one transaction
// each (record + audit row), and reports an id on stdout only after its transaction committed.
import { writeSync } from 'node:fs';
import { uuidv7 } from '../../../shared/ids';
import { openDatabase } from '../../../src-main/db/open';
import { appendAudit } from '../../../src-main/modules/audit/audit.service';
import { users } from '../../../src-main/db/schema';

const [file, round] = process.argv.slice(2) as [string, string];
const { sqlite, db } = openDatabase({ file, key: Buffer.from(process.env.CAREDESK_TEST_KEY ?? '', 'hex') });
// Frequent checkpoints, so some kills land in the middle of one.
sqlite.pragma('wal_autocheckpoint = 16');
writeSync(1, 'ready\n');
for (let n = 0; ; n++) {
  const id = uuidv7();
  sqlite.transaction(() => {
    const at = new Date().toISOString();
    const record = { createdAt: at, updatedAt: at };
    db.insert(users)
      .values({ id, username: `w${round}-${n}`, fullName: 'Durability writer', role: 'clerk', ...record })
      .run();
    appendAudit(sqlite, { action: 'durability.write', entity: 'user', entityId: id }, at);
  })();
  writeSync(1, `${id}\n`);
}
