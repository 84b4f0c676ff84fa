// Builds shared/clinical/growth/who-tables.generated.json from WHO's anthro LMS tables in ../shared/who-growth.
// The app ships the generated file; it never reads ../shared at run time.
// Usage: node scripts/build-who-tables.mjs [--check]   (--check: exit 1 if the committed file is out of date)
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const sourceDir = resolve(repoRoot, '../shared/who-growth');
export const outFile = join(repoRoot, 'shared/clinical/growth/who-tables.generated.json');

/** indicator key → source file, x column, row step. Head circumference is not used by the app. */
export const SOURCES = {
  wfl: { file: 'wflanthro.txt', x: 'length', step: 0.1 },
  wfh: { file: 'wfhanthro.txt', x: 'height', step: 0.1 },
  wfa: { file: 'weianthro.txt', x: 'age', step: 1 },
  lhfa: { file: 'lenanthro.txt', x: 'age', step: 1 },
  bmi: { file: 'bmianthro.txt', x: 'age', step: 1 },
  acfa: { file: 'acanthro.txt', x: 'age', step: 1 },
};

/** Parses one tab-separated anthro table into rows keyed by column name (numbers stay as written). */
export function parseTable(text) {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines[0].split('\t').map((h) => h.trim());
  return lines.slice(1).map((line) => {
    const cells = line.split('\t').map((c) => c.trim());
    if (cells.length !== header.length) throw new Error(`bad row: ${line}`);
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  });
}

function num(text, what) {
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) throw new Error(`not a number in ${what}: "${text}"`);
  return value;
}

/** Turns the rows of one sex into {start, step, l, m, s[, loh]}; rows must be contiguous at the given step. */
function compactSex(rows, spec, file) {
  const start = num(rows[0][spec.x], file);
  const table = { start, step: spec.step, l: [], m: [], s: [] };
  const lohColumn = 'loh' in rows[0] ? 'loh' : 'lorh' in rows[0] ? 'lorh' : null;
  const runs = [];
  rows.forEach((row, i) => {
    const x = num(row[spec.x], file);
    // Rows are 0.1 cm or 1 day apart: compare in tenths to avoid binary fractions.
    if (Math.round(x * 10) !== Math.round(start * 10) + Math.round(i * spec.step * 10)) {
      throw new Error(`${file}: row ${i} has ${spec.x} ${x}, not contiguous`);
    }
    table.l.push(num(row.l, file));
    table.m.push(num(row.m, file));
    table.s.push(num(row.s, file));
    if (lohColumn) {
      const code = row[lohColumn].toUpperCase();
      if (runs.length === 0 || runs[runs.length - 1][0] !== code) runs.push([code, x]);
    }
  });
  if (lohColumn) table.loh = runs;
  return table;
}

export function buildTables(dir = sourceDir) {
  const indicators = {};
  for (const [key, spec] of Object.entries(SOURCES)) {
    const rows = parseTable(readFileSync(join(dir, spec.file), 'utf8'));
    const bySex = { 1: [], 2: [] };
    for (const row of rows) {
      if (!(row.sex in bySex)) throw new Error(`${spec.file}: unknown sex ${row.sex}`);
      bySex[row.sex].push(row);
    }
    indicators[key] = {
      x: spec.x === 'age' ? 'age-days' : 'cm',
      male: compactSex(bySex[1], spec, spec.file),
      female: compactSex(bySex[2], spec, spec.file),
    };
  }
  return {
    attribution: 'WHO Child Growth Standards, World Health Organization, 2006',
    source:
      'WorldHealthOrganization/anthro data-raw/growthstandards @ b776d8a12b1c97369c748b561159fd2ec4f4db58',
    indicators,
  };
}

export async function renderTables(tables) {
  const options = (await prettier.resolveConfig(outFile)) ?? {};
  return prettier.format(JSON.stringify(tables), { ...options, parser: 'json' });
}

async function main() {
  if (!existsSync(sourceDir)) throw new Error(`WHO tables not found at ${sourceDir}`);
  const text = await renderTables(buildTables());
  if (process.argv.includes('--check')) {
    const current = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
    if (current !== text) {
      console.error(`${outFile} is out of date: run node scripts/build-who-tables.mjs`);
      process.exit(1);
    }
    console.log('WHO tables up to date');
    return;
  }
  writeFileSync(outFile, text);
  console.log(`wrote ${outFile} (${text.length} bytes)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
