import { computeAnthropometry } from '../../shared/clinical';
import type { AnthropometryInput } from '../../shared/clinical';
import { zscoreCsv } from '../../src-main/cli/commands/zscore-rows';
import { percentile, round, timeMs } from './stats';
import type { Bench } from './types';

/** Deterministic pseudo-random children (LCG) so every run measures the same work. */
function children(n: number): AnthropometryInput[] {
  let seed = 42;
  const next = () => (seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32;
  return Array.from({ length: n }, () => {
    const ageDays = Math.floor(next() * 1827);
    const lengthCm = 50 + next() * 65;
    return {
      sex: next() < 0.5 ? 'male' : 'female',
      ageDays,
      weightKg: 2 + next() * 20,
      lengthCm: Math.round(lengthCm * 10) / 10,
      measured: ageDays < 731 ? 'lying' : 'standing',
      muacMm: Math.round(90 + next() * 80),
      oedema: next() < 0.02 ? '+' : 'none',
    };
  });
}

function csv(rows: AnthropometryInput[]): string {
  const lines = ['sex,age_days,weight_kg,lenhei_cm,measured,oedema,muac_mm'];
  for (const c of rows) {
    lines.push(
      [c.sex, c.ageDays, c.weightKg?.toFixed(2), c.lengthCm, c.measured, c.oedema, c.muacMm].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** 100,000 complete z-score sets (target < 1 s) and a 10,000-row batch CSV (target < 5 s). */
export const bench: Bench = async () => {
  const inputs = children(100_000);
  let sink = 0;
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    runs.push(
      await timeMs(() => {
        for (const input of inputs) sink += computeAnthropometry(input).whz ?? 0;
      }),
    );
  }
  const text = csv(inputs.slice(0, 10_000));
  const batch: number[] = [];
  for (let r = 0; r < 3; r++) batch.push(await timeMs(() => (sink += zscoreCsv(text, '2026-01-01').rows)));
  return {
    zscoreSets100k_ms: round(percentile(runs, 50)),
    zscoreSets100k_first_ms: round(runs[0] ?? NaN),
    zscoreSets100k_target: '< 1000 ms',
    batchCsv10k_ms: round(percentile(batch, 50)),
    batchCsv10k_target: '< 5000 ms',
    checksum: Number.isFinite(sink),
  };
};
