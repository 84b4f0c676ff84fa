// Hostile and random files through the upload channel (issue 22 acceptance): empty, oversize, wrong type,
// damaged images, random bytes. Never an unhandled error; a refusal names the file and stores nothing.
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_MESSAGES } from '../../../shared/contract/channels/document-messages';
import { MEGABYTE } from '../../../shared/contract/channels/documents';
import { child, clinic, type Clinic } from '../patients/support';
import { pdfFile, windowsProgram } from './files';

const TABLES = [
  'documents',
  'document_contents',
  'document_thumbnails',
  'outbox',
  'audit_log',
  'record_history',
];
const fingerprint = (c: Clinic) =>
  TABLES.map((t) => (c.sqlite().prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n).join(
    ',',
  );

const bytes = (max: number) => fc.uint8Array({ maxLength: max }).map((a) => Buffer.from(a));
const withMagic = (magic: string) => bytes(2000).map((b) => Buffer.concat([Buffer.from(magic, 'latin1'), b]));

describe('documents.attach with hostile files', () => {
  let c: Clinic;
  let patientId: string;
  let png: Buffer;
  beforeAll(async () => {
    c = await clinic();
    patientId = (await c.clerk.ok('patients.register', child())).id;
    await c.admin.ok('settings.update', { documentMaxMegabytes: 1 });
    png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#884422' } })
      .png()
      .toBuffer();
  });
  afterAll(() => c?.core.dispose());

  const files = () =>
    fc.oneof(
      fc.constant(Buffer.alloc(0)),
      fc.constant(pdfFile(MEGABYTE + 10)), // over the facility's 1 MB
      fc.constant(windowsProgram()),
      bytes(4000),
      withMagic('\xFF\xD8\xFF\xE0'), // a JPEG header and garbage: a damaged photo
      withMagic('\x89PNG\r\n\x1A\n'),
      withMagic('GIF89a'),
      withMagic('PK\x03\x04'),
      withMagic('%PDF-1.7\n'),
      fc.constant(png),
      fc.integer({ min: 1, max: png.length - 1 }).map((n) => png.subarray(0, n)), // a truncated PNG
    );

  it('refuses with a message naming the file and stores nothing, or stores exactly a PDF, JPEG or PNG', async () => {
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(files(), async (content) => {
        const before = fingerprint(c);
        const result = await c.clinician.call('documents.attach', {
          patientId,
          title: 'Scan',
          category: 'other',
          documentDate: '2026-03-01',
          content: content.toString('base64'),
        });
        if (!result.ok) {
          refused++;
          expect(result.code).toBe('VALIDATION');
          expect(Object.values(DOCUMENT_MESSAGES)).toContain(result.message);
          expect(result.fields?.map((f) => f.path)).toEqual(['content']);
          expect(fingerprint(c)).toBe(before);
          return;
        }
        accepted++;
        expect(['application/pdf', 'image/jpeg', 'image/png']).toContain(result.value.mimeType);
        const opened = await c.clinician.ok('documents.open', { id: result.value.id });
        if (result.value.mimeType === 'application/pdf')
          expect(opened.content).toBe(content.toString('base64'));
        else expect((await sharp(Buffer.from(opened.content, 'base64')).metadata()).exif).toBeUndefined();
      }),
      { numRuns: 80 },
    );
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it('refuses content over the contract limit and non-base64 text before doing any work', async () => {
    const before = fingerprint(c);
    for (const content of ['A'.repeat(28 * MEGABYTE), 'not base64!', 'abc', 42, null]) {
      const result = await c.core.dispatch('ibrahim-window', 'documents.attach', {
        patientId,
        title: 'Scan',
        category: 'other',
        documentDate: '2026-03-01',
        content,
      });
      expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
    expect(fingerprint(c)).toBe(before);
  });
});
