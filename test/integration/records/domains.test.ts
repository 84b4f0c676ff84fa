import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract';
import { uuidv7 } from '../../../shared/ids';
import { enqueueStored } from '../../../src-main/sync/outbox';
import {
  firstVersion,
  moveRecords,
  registerDomain,
  registeredDomains,
  writeFirstVersion,
  type Actor,
  type RecordStore,
} from '../../../src-main/records';
import '../../../src-main/core/domains';
import { child, clinic, counts, type Clinic } from '../patients/support';

// A domain added later (a programme enrolment, say) plugs into the chart, the history channel and merges by
// registering itself; this fake one has its own table and is never named in the patients module.
interface NoteRow {
  id: string;
  patientId: string;
  noteDate: string;
  open: number;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  createdAt: string;
  createdBy: string | null;
}

describe('domains registered with the record kernel', () => {
  let c: Clinic;
  let unregister: (() => void) | undefined;
  afterEach(() => {
    unregister?.();
    unregister = undefined;
    c?.core.dispose();
  });

  function fakeDomain() {
    const sqlite = c.sqlite();
    sqlite.exec(`CREATE TABLE fake_notes (id TEXT PRIMARY KEY, patient_id TEXT NOT NULL REFERENCES patients(id),
      note_date TEXT NOT NULL, open INTEGER NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL,
      updated_by TEXT, created_at TEXT NOT NULL, created_by TEXT)`);
    const read = (where: string, arg: string) =>
      sqlite
        .prepare(
          `SELECT id, patient_id AS patientId, note_date AS noteDate, open, version, updated_at AS updatedAt,
                  updated_by AS updatedBy, created_at AS createdAt, created_by AS createdBy
           FROM fake_notes WHERE ${where} = ?`,
        )
        .all(arg) as NoteRow[];
    const store: RecordStore<NoteRow> = {
      entity: 'fake_note',
      insert: (_db, r) =>
        sqlite
          .prepare(
            `INSERT INTO fake_notes VALUES (@id, @patientId, @noteDate, @open, @version, @updatedAt, @updatedBy,
             @createdAt, @createdBy)`,
          )
          .run(r),
      update: (_db, r) =>
        sqlite
          .prepare(
            'UPDATE fake_notes SET patient_id = @patientId, version = @version, updated_at = @updatedAt WHERE id = @id',
          )
          .run(r),
      afterWrite: (s, r, at) => enqueueStored(s, 'fake_note', 'fake_notes', r.id, at),
      patientOf: (r) => r.patientId,
    };
    unregister = registerDomain({
      name: 'fake-notes',
      historyEntities: ['fake_note'],
      chart: (_open, patientId) => ({
        timeline: read('patient_id', patientId).map((n) => ({
          kind: 'enrolment' as const,
          id: n.id,
          date: n.noteDate,
          programme: 'fake',
          voided: false,
        })),
      }),
      merge: {
        tables: ['fake_notes'],
        check(_open, fromId, intoId) {
          // The domain's own rule: one open note per patient.
          const openOf = (id: string) => read('patient_id', id).some((n) => n.open === 1);
          if (openOf(fromId) && openOf(intoId))
            throw new AppError('CONFLICT', 'Both records have an open note.');
        },
        move: (open, actor, move) => ({
          fake_notes: moveRecords(open, actor, store, read('patient_id', move.fromId), 'patientId', move),
        }),
      },
    });
    const write = (patientId: string, noteDate: string, actor: Actor) =>
      sqlite.transaction(() => {
        const at = new Date().toISOString();
        const { voided: _v, voidReason: _r, ...bookkeeping } = firstVersion(actor, at);
        const row: NoteRow = { id: uuidv7(), patientId, noteDate, open: 1, ...bookkeeping };
        return writeFirstVersion(c.core.state.database!, actor, at, store, row, 'fake_note.create');
      })();
    return { write, read };
  }

  it('shows a new domain on the chart, in the history channel and in merges without patients code', async () => {
    c = await clinic();
    const kept = await c.clerk.ok('patients.register', child());
    const dup = await c.clerk.ok('patients.register', {
      ...child({ givenName: 'Aminatta' }),
      confirmNotDuplicate: true,
    });
    expect(await c.manager.call('patients.history', { entity: 'fake_note', id: uuidv7() })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fields: [{ path: 'entity' }],
    });

    const fake = fakeDomain();
    const note = fake.write(dup.id, '2026-03-09', { userId: c.manager.userId, role: 'manager' });
    const before = await c.manager.ok('patients.chart', { id: dup.id });
    expect(before.timeline).toEqual([
      { kind: 'enrolment', id: note.id, date: '2026-03-09', programme: 'fake', voided: false },
    ]);

    const result = await c.manager.ok('patients.merge', {
      survivorId: kept.id,
      mergedId: dup.id,
      survivorVersion: 1,
      mergedVersion: 1,
      reason: 'same child',
    });
    expect(result.moved).toEqual({ fake_notes: 1 });
    const after = await c.manager.ok('patients.chart', { id: kept.id });
    expect(after.timeline.map((t) => t.id)).toEqual([note.id]);
    const { entries } = await c.manager.ok('patients.history', { entity: 'fake_note', id: note.id });
    expect(entries).toMatchObject([
      { action: 'moved', version: 2, changes: [{ field: 'patientId', from: dup.id, to: kept.id }] },
    ]);
    const outbox = c
      .sqlite()
      .prepare(`SELECT version FROM outbox WHERE entity = 'fake_note' AND entity_id = ? ORDER BY seq`)
      .all(note.id);
    expect(outbox).toEqual([{ version: 1 }, { version: 2 }]);
  });

  it('lets a domain refuse a merge that breaks its rule, and then nothing changes', async () => {
    c = await clinic();
    const kept = await c.clerk.ok('patients.register', child());
    const dup = await c.clerk.ok('patients.register', {
      ...child({ givenName: 'Aminatta' }),
      confirmNotDuplicate: true,
    });
    const fake = fakeDomain();
    const actor: Actor = { userId: c.manager.userId, role: 'manager' };
    fake.write(dup.id, '2026-03-09', actor);
    fake.write(kept.id, '2026-03-08', actor);
    const before = counts(c);
    const refused = await c.manager.call('patients.merge', {
      survivorId: kept.id,
      mergedId: dup.id,
      survivorVersion: 1,
      mergedVersion: 1,
      reason: 'same child',
    });
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(counts(c)).toEqual(before);
    expect(fake.read('patient_id', dup.id)).toHaveLength(1);
  });

  it('has a merge participant for every table that links to a patient', async () => {
    c = await clinic();
    const sqlite = c.sqlite();
    const tables = sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'`)
      .all() as { name: string }[];
    const linked = tables
      .filter(({ name }) => name !== 'patients')
      .filter(({ name }) =>
        (
          sqlite.prepare('SELECT "table" FROM pragma_foreign_key_list(?)').all(name) as { table: string }[]
        ).some((fk) => fk.table === 'patients'),
      )
      .map((t) => t.name)
      .sort();
    const claimed = new Set(registeredDomains().flatMap((d) => d.merge?.tables ?? []));
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.filter((t) => !claimed.has(t))).toEqual([]);
  });
});
