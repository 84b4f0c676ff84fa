// Name keys for search and duplicate detection: accent- and case-free tokens, a phonetic key that survives the
// usual spelling variants of West African names in French and English (Camara/Kamara, Diallo/Jalloh,
// Mohamed/Muhammad, Fatoumata/Fatimata), and Jaro-Winkler similarity to score candidates.

const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Lower case, no accents, letters and digits only, split into tokens ("N'Diaye-Touré" → ["n", "diaye", "toure"]). */
export function nameTokens(text: string): string[] {
  return text
    .replace(INVISIBLE, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/** Digits of a phone number ('' if none). */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/**
 * The part of a phone number that is the same however it was written: its last 8 digits
 * ("+224 620 12 34 56", "0620123456" and "620 12 34 56" share "20123456").
 */
export function phoneKey(phone: string): string {
  const digits = phoneDigits(phone);
  return digits.length >= 8 ? digits.slice(-8) : digits;
}

const RULES: readonly [RegExp, string][] = [
  // French "ch" is the English "sh" (Aicha / Aisha, Chérif / Sharif).
  [/ch/g, 'sh'],
  [/ph/g, 'f'],
  [/ck/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/[cq]/g, 'k'],
  [/x/g, 'ks'],
  [/z/g, 's'],
  [/dj|dy/g, 'j'],
  [/^di(?=[aeou])/, 'j'],
  [/gu(?=[eiy])/g, 'g'],
  [/ou/g, 'u'],
  [/w/g, 'u'],
  [/y/g, 'i'],
  [/h/g, ''],
];

/**
 * Phonetic key of one name token: spelling rules, doubled letters collapsed, then the first sound and the
 * consonant skeleton ("kamara", "camara" → "kmr"; "diallo", "jalloh" → "jl"). Coarse on purpose: it only
 * gathers candidates, which are then scored by similarity. Tokens in other scripts are their own key.
 */
export function phoneticKey(token: string): string {
  if (!/^[a-z]+$/.test(token)) return token;
  let s = token;
  for (const [pattern, replacement] of RULES) s = s.replace(pattern, replacement);
  s = s.replace(/(.)\1+/g, '$1');
  if (s.length === 0) return token;
  const first = /[aeiou]/.test(s[0]!) ? 'a' : s[0]!;
  return first + s.slice(1).replace(/[aeiou]/g, '');
}

/** Jaro-Winkler similarity in [0, 1] (1 = identical). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (!bMatched[j] && a[i] === b[j]) {
        aMatched[i] = true;
        bMatched[j] = true;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** How alike two name tokens are: equal 1; same phonetic key at least 0.9; otherwise Jaro-Winkler. */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const jw = jaroWinkler(a, b);
  return phoneticKey(a) === phoneticKey(b) ? Math.max(0.9, jw) : jw;
}

/**
 * Similarity of two full names in any order: tokens are paired greedily by similarity (each used once) and the
 * best min(|a|, |b|) pairs averaged. "Kamara Aminata" vs "Aminata Camara" ≈ 0.95.
 */
export function nameSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const pairs: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) pairs.push({ i, j, s: tokenSimilarity(a[i]!, b[j]!) });
  }
  pairs.sort((x, y) => y.s - x.s);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const k = Math.min(a.length, b.length);
  let total = 0;
  let taken = 0;
  for (const p of pairs) {
    if (taken === k) break;
    if (usedA.has(p.i) || usedB.has(p.j)) continue;
    usedA.add(p.i);
    usedB.add(p.j);
    total += p.s;
    taken++;
  }
  return total / k;
}
