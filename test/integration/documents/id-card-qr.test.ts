// The ID card's QR code decodes back to the registration number (decoded with jsQR, a separate library).
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { registrationQrPng, registrationQrSvg } from '../../../src-main/modules/documents/id-card-qr';

function decodePng(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

describe('patient ID card QR code', () => {
  it('encodes the registration number, and only it, as a PNG data URL', async () => {
    for (const reg of ['KSD-01-2026-000123', 'KSD-01-2026-9', 'CS-ÉLÉ-2026-000001']) {
      const url = await registrationQrPng(reg);
      expect(url.startsWith('data:image/png;base64,')).toBe(true);
      const png = Buffer.from(url.slice('data:image/png;base64,'.length), 'base64');
      expect(decodePng(png)).toBe(reg);
    }
  });

  it('gives an SVG that renders to the same code', async () => {
    const svg = await registrationQrSvg('KSD-01-2026-000123');
    expect(svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const png = await sharp(Buffer.from(svg), { density: 300 })
      .flatten({ background: '#fff' })
      .png()
      .toBuffer();
    expect(decodePng(png)).toBe('KSD-01-2026-000123');
  });

  it('refuses an empty registration number', async () => {
    await expect(registrationQrPng('  ')).rejects.toThrow(/registration number/);
  });
});
