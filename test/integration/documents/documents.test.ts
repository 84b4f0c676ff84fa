// Patient documents (issue 22 acceptance): type by content, size limit, photos downscaled and stripped of EXIF,
// bytes only inside the encrypted database, metadata-only outbox rows, audited opens, void and merge.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { DOCUMENT_MESSAGES } from '../../../shared/contract/channels/document-messages';
import { MEGABYTE } from '../../../shared/contract/channels/documents';
import { adult, auditActions, child, clinic, type Clinic } from '../patients/support';
import { GPS_LATITUDE, hasGps, pdfFile, photo, windowsProgram, withGpsExif } from './files';

const b64 = (b: Buffer) => b.toString('base64');
const attachInput = (patientId: string, file: Buffer, extra: Record<string, unknown> = {}) => ({
  patientId,
  title: 'Lettre de référence — Hôpital préfectoral',
  category: 'referral-letter' as const,
  documentDate: '2026-03-09',
  content: b64(file),
  ...extra,
});

function tableCounts(c: Clinic): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of [
    'documents',
    'document_contents',
    'document_thumbnails',
    'outbox',
    'audit_log',
    'record_history',
  ])
    out[t] = (c.sqlite().prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return out;
}

/** Every file under the data folder (the database, its WAL, the vault, backups …). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('patient documents', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  it('stores a PDF as sent, lists it without its bytes, opens it audited, and queues metadata only', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', child());
    const pdf = pdfFile();
    const doc = await c.clinician.ok('documents.attach', attachInput(p.id, pdf));
    expect(doc).toMatchObject({
      patientId: p.id,
      visitId: null,
      mimeType: 'application/pdf',
      sizeBytes: pdf.length,
      title: 'Lettre de référence — Hôpital préfectoral',
      category: 'referral-letter',
      version: 1,
      voided: false,
    });

    const listed = await c.clerk.ok('documents.list', { patientId: p.id });
    expect(listed.documents.map((d) => [d.id, d.thumbnail])).toEqual([[doc.id, null]]);
    const opened = await c.manager.ok('documents.open', { id: doc.id });
    expect(Buffer.from(opened.content, 'base64').equals(pdf)).toBe(true);

    const outbox = c
      .sqlite()
      .prepare("SELECT payload FROM outbox WHERE entity = 'document' AND entity_id = ?")
      .all(doc.id) as { payload: string }[];
    expect(outbox).toHaveLength(1);
    const payload = JSON.parse(outbox[0]!.payload) as Record<string, unknown>;
    expect(payload).toMatchObject({
      id: doc.id,
      patientId: p.id,
      sizeBytes: pdf.length,
      sha256: doc.sha256,
    });
    expect(outbox[0]!.payload.length).toBeLessThan(2000);

    const audit = auditActions(c).filter((a) => a.action.startsWith('document.'));
    expect(audit.map((a) => [a.action, a.entity_id, a.patient_id])).toEqual([
      ['document.attach', doc.id, p.id],
      ['document.list', p.id, p.id],
      ['document.open', doc.id, p.id],
    ]);
    const chart = await c.clinician.ok('patients.chart', { id: p.id });
    expect(chart.timeline.filter((t) => t.kind === 'document').map((t) => t.id)).toEqual([doc.id]);
  });

  it('refuses an empty file, an oversize one and a renamed program, with a clear message, storing nothing', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', adult());
    const before = tableCounts(c);
    const refused = async (file: Buffer) => c.clinician.call('documents.attach', attachInput(p.id, file));

    expect(await refused(Buffer.alloc(0))).toMatchObject({
      code: 'VALIDATION',
      message: DOCUMENT_MESSAGES.empty,
      fields: [{ path: 'content', message: 'is empty' }],
    });
    expect(await refused(windowsProgram())).toMatchObject({
      code: 'VALIDATION',
      message: DOCUMENT_MESSAGES.wrongType,
      fields: [{ path: 'content', message: 'is EXE content, not a PDF, JPEG or PNG' }],
    });
    expect(await refused(Buffer.from('Just some text pretending to be a PDF\n'))).toMatchObject({
      message: DOCUMENT_MESSAGES.wrongType,
      fields: [{ path: 'content', message: 'is not a PDF, JPEG or PNG file' }],
    });
    // Default limit: 10 MB.
    expect(await refused(pdfFile(10 * MEGABYTE + 1))).toMatchObject({
      code: 'VALIDATION',
      message: DOCUMENT_MESSAGES.tooLarge,
      fields: [{ path: 'content', message: 'is 10.1 MB; the limit is 10 MB' }],
    });
    // Not base64 at all (a forged call): refused by the contract.
    const forged = await c.clinician.call('documents.attach', {
      ...attachInput(p.id, pdfFile(10)),
      content: '%%%',
    });
    expect(forged).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'content' }] });
    // A visit of someone else, a date in the future.
    const other = await c.clerk.ok('patients.register', child());
    const visit = await c.clinician.ok('visits.create', { patientId: other.id, visitDate: '2026-03-10' });
    expect(
      await c.clinician.call('documents.attach', attachInput(p.id, pdfFile(10), { visitId: visit.id })),
    ).toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'visitId', message: 'is not a visit of this patient' }],
    });
    expect(
      await c.clinician.call(
        'documents.attach',
        attachInput(p.id, pdfFile(10), { documentDate: '2026-03-11' }),
      ),
    ).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'documentDate', message: 'is in the future' }] });
    const after = tableCounts(c);
    // Only the registration, visit and their audit/outbox rows were added; no document row of any kind.
    expect([after.documents, after.document_contents, after.document_thumbnails]).toEqual([
      before.documents,
      before.document_contents,
      before.document_thumbnails,
    ]);
    expect(auditActions(c).filter((a) => a.action.startsWith('document.'))).toEqual([]);

    // The limit is a facility setting.
    await c.admin.ok('settings.update', { documentMaxMegabytes: 1 });
    expect(await refused(pdfFile(MEGABYTE + 100_000))).toMatchObject({
      fields: [{ path: 'content', message: 'is 1.1 MB; the limit is 1 MB' }],
    });
    expect(await refused(pdfFile(MEGABYTE - 1000))).toMatchObject({ ok: true });
  });

  it('downscales a 4000 px phone photo to 2000 px and removes its EXIF and GPS', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', child());
    const original = withGpsExif(await photo(4000, 3000));
    expect(hasGps(original)).toBe(true);
    expect((await sharp(original).metadata()).width).toBe(4000);
    const doc = await c.clinician.ok('documents.attach', {
      ...attachInput(p.id, original),
      category: 'lab-result',
    });
    expect(doc).toMatchObject({ mimeType: 'image/jpeg', widthPx: 2000, heightPx: 1500 });

    const stored = Buffer.from((await c.clinician.ok('documents.open', { id: doc.id })).content, 'base64');
    const meta = await sharp(stored).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 2000, 1500]);
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(hasGps(stored)).toBe(false);
    expect(stored.includes(Buffer.from('CareCam 3000'))).toBe(false);
    // The GPS latitude as EXIF stores it (rationals, big- or little-endian) is nowhere in the file.
    const rational = Buffer.alloc(8);
    rational.writeUInt32BE(GPS_LATITUDE[2]![0]);
    rational.writeUInt32BE(GPS_LATITUDE[2]![1], 4);
    expect(stored.includes(rational)).toBe(false);

    const [item] = (await c.clinician.ok('documents.list', { patientId: p.id })).documents;
    const thumb = Buffer.from(item!.thumbnail!.replace(/^data:image\/jpeg;base64,/, ''), 'base64');
    const tm = await sharp(thumb).metadata();
    expect(Math.max(tm.width!, tm.height!)).toBeLessThanOrEqual(240);
    expect(thumb.length).toBeLessThan(40_000);

    // A small PNG stays a PNG at its own size.
    const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: '#336699' } })
      .png()
      .toBuffer();
    expect(await c.clinician.ok('documents.attach', attachInput(p.id, png))).toMatchObject({
      mimeType: 'image/png',
      widthPx: 300,
      heightPx: 200,
    });
  }, 120_000);

  it('never leaves a byte sequence of an attached file in plain form in the data folder (WAL included)', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', child());
    const pdf = pdfFile(256 * 1024);
    const pdfDoc = await c.clinician.ok('documents.attach', attachInput(p.id, pdf));
    const img = await c.clinician.ok('documents.attach', attachInput(p.id, await photo(1200, 900)));
    const storedImg = Buffer.from((await c.clinician.ok('documents.open', { id: img.id })).content, 'base64');
    expect(pdfDoc.sizeBytes).toBe(pdf.length);
    const windows = [
      pdf.subarray(1000, 1032),
      pdf.subarray(pdf.length / 2, pdf.length / 2 + 32),
      pdf.subarray(pdf.length - 2000, pdf.length - 1968),
      storedImg.subarray(storedImg.length / 2, storedImg.length / 2 + 32),
    ];
    const scan = () => {
      const files = filesUnder(c.core.dataDir);
      expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
      for (const file of files) {
        const bytes = readFileSync(file);
        for (const w of windows) expect(bytes.includes(w), `${file} holds a piece of an upload`).toBe(false);
      }
      return files.length;
    };
    expect(scan()).toBeGreaterThan(1);
    // After a checkpoint the pages sit in the main file: still encrypted.
    c.sqlite().pragma('wal_checkpoint(TRUNCATE)');
    await c.clinician.ok('documents.attach', attachInput(p.id, pdf));
    scan();
  }, 120_000);

  it('voids with a reason (author or manager), keeps the row and history, and moves documents on a merge', async () => {
    c = await clinic();
    const a = await c.clerk.ok('patients.register', child());
    const b = await c.clerk.ok('patients.register', {
      ...child({ givenName: 'Aminatou' }),
      confirmNotDuplicate: true,
    });
    const doc = await c.clerk.ok('documents.attach', attachInput(b.id, pdfFile(100)));
    expect(
      await c.colleague.call('documents.void', { id: doc.id, expectedVersion: 1, reason: 'wrong patient' }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await c.clerk.call('documents.void', { id: doc.id, expectedVersion: 1, reason: '' }),
    ).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'reason' }] });
    const voided = await c.clerk.ok('documents.void', {
      id: doc.id,
      expectedVersion: 1,
      reason: 'Unreadable scan',
    });
    expect(voided).toMatchObject({ voided: true, voidReason: 'Unreadable scan', version: 2 });
    expect(
      await c.clerk.call('documents.void', { id: doc.id, expectedVersion: 2, reason: 'again' }),
    ).toMatchObject({
      code: 'CONFLICT',
    });
    const kept = await c.manager.ok('documents.attach', attachInput(b.id, pdfFile(100)));

    await c.manager.ok('patients.merge', {
      survivorId: a.id,
      mergedId: b.id,
      survivorVersion: 1,
      mergedVersion: 1,
      reason: 'Same child registered twice',
    });
    const moved = (await c.manager.ok('documents.list', { patientId: a.id })).documents;
    expect(moved.map((d) => [d.id, d.version, d.voided]).sort()).toEqual(
      [
        [doc.id, 3, true],
        [kept.id, 2, false],
      ].sort(),
    );
    const history = c
      .sqlite()
      .prepare("SELECT action FROM record_history WHERE entity = 'document' AND entity_id = ? ORDER BY seq")
      .all(doc.id);
    expect(history).toEqual([{ action: 'void' }, { action: 'moved' }]);
    const versions = c
      .sqlite()
      .prepare("SELECT version, payload FROM outbox WHERE entity = 'document' AND entity_id = ? ORDER BY seq")
      .all(kept.id) as { version: number; payload: string }[];
    expect(
      versions.map((v) => [v.version, (JSON.parse(v.payload) as { patientId: string }).patientId]),
    ).toEqual([
      [1, b.id],
      [2, a.id],
    ]);
  });

  it('keeps documents away from researchers and admins', async () => {
    c = await clinic();
    const p = await c.clerk.ok('patients.register', child());
    const doc = await c.clinician.ok('documents.attach', attachInput(p.id, pdfFile(100)));
    for (const who of [c.researcher, c.admin]) {
      expect(await who.call('documents.open', { id: doc.id })).toMatchObject({ code: 'FORBIDDEN' });
      expect(await who.call('documents.list', { patientId: p.id })).toMatchObject({ code: 'FORBIDDEN' });
      expect(await who.call('documents.attach', attachInput(p.id, pdfFile(100)))).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
  });
});
