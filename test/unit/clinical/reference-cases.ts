import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The design folder beside the repository (present on dev machines and in CI, never needed by the app). */
export const WHO_SOURCE_DIR = fileURLToPath(new URL('../../../../shared/who-growth/', import.meta.url));
export const FIXTURE = fileURLToPath(new URL('./fixtures/who-reference-cases.csv', import.meta.url));
export const hasWhoSource = existsSync(WHO_SOURCE_DIR);

export interface ReferenceCase {
  line: number;
  raw: Record<string, string>;
}

/** Rows of the WHO reference cases (a copy of ../shared/who-growth/reference-cases.csv). */
export function referenceCases(): ReferenceCase[] {
  const lines = readFileSync(FIXTURE, 'utf8').trim().split(/\r?\n/);
  const header = (lines[0] as string).split(',');
  return lines.slice(1).map((text, i) => {
    const cells = text.split(',');
    return { line: i + 2, raw: Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ''])) };
  });
}

export function numberOrNull(text: string | undefined): number | null {
  return text === undefined || text === '' ? null : Number(text);
}
