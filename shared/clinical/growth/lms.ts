// LMS arithmetic of the WHO Child Growth Standards (WHO 2006, Methods and development, chapter 7).
import type { LmsTable } from './tables';

/** Raw LMS z-score: z = ((y/M)^L − 1) / (S·L); the L → 0 limit is ln(y/M)/S. */
// WHO Child Growth Standards 2006, ch. 7: LMS method
export function lmsZ(y: number, l: number, m: number, s: number): number {
  if (l === 0) return Math.log(y / m) / s;
  return (Math.pow(y / m, l) - 1) / (s * l);
}

/** The measurement at z = k: SDk = M·(1 + L·S·k)^(1/L). */
// WHO Child Growth Standards 2006, ch. 7: centile curves from LMS
export function lmsValue(k: number, l: number, m: number, s: number): number {
  if (l === 0) return m * Math.exp(s * k);
  return m * Math.pow(1 + l * s * k, 1 / l);
}

/** z with the restricted adjustment beyond ±3 SD (linear in y, using the 2→3 SD distance). */
// WHO Child Growth Standards 2006 / anthro: restricted adjustment beyond ±3 SD
export function restrictedZ(y: number, l: number, m: number, s: number): number {
  const z = lmsZ(y, l, m, s);
  if (z > 3) {
    const sd3 = lmsValue(3, l, m, s);
    return 3 + (y - sd3) / (sd3 - lmsValue(2, l, m, s));
  }
  if (z < -3) {
    const sd3neg = lmsValue(-3, l, m, s);
    return -3 + (y - sd3neg) / (lmsValue(-2, l, m, s) - sd3neg);
  }
  return z;
}

/** Rounds half away from zero to 2 decimals, as anthro reports z-scores; never returns -0. */
export function round2(z: number): number {
  const r = (Math.sign(z) * Math.round(Math.abs(z) * 100)) / 100;
  return r === 0 ? 0 : r;
}

/**
 * z-score of y at x, interpolating L, M and S linearly between rows (0.1 cm tables) or reading the row (daily
 * tables). Returns NaN when x lies outside the table; callers turn that into null with a reason.
 */
// WHO Child Growth Standards 2006 / anthro: linear interpolation between 0.1 cm rows
export function zAt(table: LmsTable, x: number, y: number, restricted: boolean): number {
  let pos = (x - table.start) * table.perUnit;
  const nearest = Math.round(pos);
  // Snap binary-fraction noise (65.7 cm → row 207, not 206.9999…) so on-row inputs use the row exactly.
  if (Math.abs(pos - nearest) < 1e-7) pos = nearest;
  if (pos < 0 || pos > table.size - 1) return NaN;
  const i = Math.floor(pos);
  const f = pos - i;
  let l = table.l[i] as number;
  let m = table.m[i] as number;
  let s = table.s[i] as number;
  if (f > 0) {
    l += f * ((table.l[i + 1] as number) - l);
    m += f * ((table.m[i + 1] as number) - m);
    s += f * ((table.s[i + 1] as number) - s);
  }
  return restricted ? restrictedZ(y, l, m, s) : lmsZ(y, l, m, s);
}
