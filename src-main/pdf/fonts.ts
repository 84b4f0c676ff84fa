// The Unicode font every CareDesk PDF embeds: DejaVu Sans (Bitstream Vera licence + public domain changes,
// resources/fonts/DejaVu-LICENSE.txt) covers French and the Latin letters of West and East African names
// (ɓ ɗ ŋ ɛ ɔ ƙ …) that jsPDF's built-in fonts cannot print.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FONT_FILES = { normal: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

let cache: { normal: string; bold: string } | null = null;

/** resources/fonts, two folders up from this module in the sources (src-main/pdf) and the bundles (out/main). */
export function fontDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['../..', '..', '../../..']) {
    const dir = join(here, up, 'resources', 'fonts');
    if (existsSync(join(dir, FONT_FILES.normal))) return dir;
  }
  throw new Error('the PDF font (resources/fonts/DejaVuSans.ttf) is missing from this installation');
}

/** The font files as base64 (what jsPDF's virtual file system takes), read once. */
export function fontData(): { normal: string; bold: string } {
  if (!cache) {
    const dir = fontDir();
    cache = {
      normal: readFileSync(join(dir, FONT_FILES.normal)).toString('base64'),
      bold: readFileSync(join(dir, FONT_FILES.bold)).toString('base64'),
    };
  }
  return cache;
}
