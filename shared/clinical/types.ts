// Small value types shared by the growth, nutrition and pregnancy rules.

export type Sex = 'male' | 'female';
export type Measured = 'lying' | 'standing';

/** Bilateral pitting oedema grade: + both feet; ++ feet and lower legs (± hands); +++ also face/around the eyes. */
export type Oedema = 'none' | '+' | '++' | '+++';
export const OEDEMA_GRADES: readonly Oedema[] = ['none', '+', '++', '+++'];
/** Oedema as some sources record it: a grade, or only "present" (e.g. survey files with y/n). */
export type OedemaInput = Oedema | 'present';
export const OEDEMA_INPUTS: readonly OedemaInput[] = [...OEDEMA_GRADES, 'present'];

/** 0 none … 3 for +++; 'present' ranks as 1 (at least +). */
export function oedemaRank(oedema: OedemaInput): number {
  return oedema === 'present' ? 1 : OEDEMA_GRADES.indexOf(oedema);
}
