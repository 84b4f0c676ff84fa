import { afterEach, describe, expect, it } from 'vitest';
import { nationalDigits, phoneticMatchQuery } from '../../../src-main/modules/patients/search-tolerance';
import { adult, clinic, type Clinic } from './support';

describe('search tolerance (issue 16)', () => {
  let c: Clinic;
  afterEach(() => c?.core.dispose());

  const namesFor = async (query: string) =>
    (await c.clerk.ok('patients.search', { query })).results.map((r) => `${r.givenName} ${r.familyName}`);

  it('finds spelling variants by sound, ranked after exact hits', async () => {
    c = await clinic();
    await c.clerk.ok(
      'patients.register',
      adult({ givenName: 'Aicha', familyName: 'Condé', phone: '620112233' }),
    );
    await c.clerk.ok(
      'patients.register',
      adult({ givenName: 'Kadiatou', familyName: 'Kourouma', phone: '' }),
    );
    await c.clerk.ok('patients.register', adult({ givenName: 'Kadiatu', familyName: 'Sow', phone: '' }));
    expect(await namesFor('aisha conde')).toEqual(['Aicha Condé']);
    expect(await namesFor('Aisha Conde')).toEqual(['Aicha Condé']);
    expect(await namesFor('kurouma')).toEqual(['Kadiatou Kourouma']);
    // The exact spelling first, the sound-alike after it.
    expect(await namesFor('kadiatu')).toEqual(['Kadiatu Sow', 'Kadiatou Kourouma']);
    expect(await namesFor('fatoumata')).toEqual([]);
  });

  it('finds a phone written without its country code from the international form, and back', async () => {
    c = await clinic();
    await c.clerk.ok(
      'patients.register',
      adult({ givenName: 'Aicha', familyName: 'Condé', phone: '620112233' }),
    );
    await c.clerk.ok(
      'patients.register',
      adult({ givenName: 'Binta', familyName: 'Barry', phone: '+224 621 00 11 22' }),
    );
    for (const typed of [
      '+224 620 11 22 33',
      '+224620112233',
      '00224 620 11 22 33',
      '620 11 22 33',
      '620112233',
    ]) {
      expect(await namesFor(typed), typed).toEqual(['Aicha Condé']);
    }
    for (const typed of ['621 00 11 22', '0621001122', '+224621001122']) {
      expect(await namesFor(typed), typed).toEqual(['Binta Barry']);
    }
  });

  it('builds its queries only from letters and digits', () => {
    expect(phoneticMatchQuery('aisha conde')).toBe('{sounds} : ("as" AND "knd")');
    expect(phoneticMatchQuery('" OR x*')).toBeNull();
    expect(nationalDigits('+224 620 11 22 33')).toBe('620112233');
    expect(nationalDigits('620 11 22 33')).toBeNull();
    expect(nationalDigits('+aisha')).toBeNull();
  });
});
